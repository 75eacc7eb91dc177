package wales.activeoffer.config;

import java.sql.SQLException;
import java.util.Optional;
import org.springframework.core.env.Environment;
import wales.activeoffer.job.RunLock;

/**
 * A reason the pipeline could not start that an operator can fix, as one plain line naming the setting, and the
 * documented exit code: {@value #IN_PROGRESS} when another process holds the work root or the embedded database,
 * {@value #SETUP} for a setting, a file or a database that is wrong or out of reach.
 */
public record StartupFailure(String message, int exitCode) {
    public static final int SETUP = 2;
    public static final int IN_PROGRESS = 3;
    private static final int H2_DATABASE_IN_USE = 90020;

    /** What went wrong, if it is one of the failures an operator can fix; the settings are read from {@code env}. */
    public static Optional<StartupFailure> of(Throwable failure, Environment env) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RunLock.RunInProgressException inProgress) {
                return Optional.of(new StartupFailure(inProgress.getMessage(), IN_PROGRESS));
            }
            if (t instanceof PipelineSetupException setup) {
                return Optional.of(new StartupFailure(setup.getMessage(), SETUP));
            }
            if (t instanceof SQLException sql) {
                return Optional.of(database(sql, env));
            }
        }
        return Optional.empty();
    }

    private static StartupFailure database(SQLException e, Environment env) {
        String url = env.getProperty("spring.datasource.url", "");
        if (url.isEmpty() || e.getErrorCode() == H2_DATABASE_IN_USE) {
            if (e.getErrorCode() == H2_DATABASE_IN_USE) {
                return new StartupFailure("Another run of the pipeline is using the embedded database under "
                        + "activeoffer.work-root=" + env.getProperty("activeoffer.work-root", "work")
                        + "; nothing was done. Try again when it has finished.", IN_PROGRESS);
            }
            return new StartupFailure("The embedded database under activeoffer.work-root="
                    + env.getProperty("activeoffer.work-root", "work") + " could not be opened ("
                    + firstLine(e.getMessage()) + "); check that the folder can be written.", SETUP);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return new StartupFailure("The database at spring.datasource.url=" + url + " refused the user "
                    + "spring.datasource.username=" + env.getProperty("spring.datasource.username", "(none)")
                    + "; check spring.datasource.username and spring.datasource.password.", SETUP);
        }
        if (state.equals("3D000")) {
            return new StartupFailure("The database named in spring.datasource.url=" + url + " does not exist; "
                    + "check the database name, or create it (ops/postgres-provision.sql).", SETUP);
        }
        return new StartupFailure("Cannot connect to the database at spring.datasource.url=" + url + " ("
                + firstLine(e.getMessage()) + "); check the host, port and database name in spring.datasource.url "
                + "and that PostgreSQL is running.", SETUP);
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse("").strip();
    }
}
