package wales.activeoffer.job;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Whether the database answers now, within a time limit whatever the network does: a connection is asked for and
 * checked on a thread of its own, and a check that takes longer than the limit counts as no answer. Used before a
 * failed file is blamed (a database that does not answer is the system's failure) and by the service's health.
 */
public final class DatabaseCheck {
    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "database-check");
        thread.setDaemon(true);
        return thread;
    });
    private final DataSource dataSource;
    private final Duration limit;

    public DatabaseCheck(DataSource dataSource, Duration limit) {
        this.dataSource = dataSource;
        this.limit = limit;
    }

    /** The answer, or why there was none, within {@link #limit()}. */
    public Answer ask() {
        CompletableFuture<Answer> check = CompletableFuture.supplyAsync(this::askNow, CHECKS);
        try {
            return check.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return new Answer(false, "no answer within " + limit.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "the check was interrupted");
        } catch (Exception e) {
            return new Answer(false, e.getClass().getSimpleName());
        }
    }

    public boolean answers() {
        return ask().up();
    }

    public Duration limit() {
        return limit;
    }

    private Answer askNow() {
        try (Connection connection = dataSource.getConnection()) {
            int seconds = (int) Math.max(1, limit.toSeconds());
            return connection.isValid(seconds) ? new Answer(true, connection.getMetaData().getDatabaseProductName())
                    : new Answer(false, "the connection did not answer");
        } catch (Exception e) {
            return new Answer(false, TransientFailure.describe(e));
        }
    }

    /** Whether the database answered, and what it is (or why it did not). */
    public record Answer(boolean up, String detail) {
    }
}
