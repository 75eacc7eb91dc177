package wales.activeoffer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.StandardEnvironment;
import wales.activeoffer.config.StartupFailure;
import wales.activeoffer.job.PipelineCommands;

/** The nightly Active Offer pipeline. See README.md for the commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActiveOfferApplication {
    /** Exit code of a failure nobody foresaw: Spring Boot has logged it with its stack trace. */
    static final int UNEXPECTED = 1;
    /** The command that keeps the pipeline running as a service until it is stopped. */
    static final String SERVE = "serve";

    public static void main(String[] args) {
        int exitCode;
        try {
            if (SERVE.equals(command(args)) && !asksForHelp(args)) {
                application(args).run(args);
                return;
            }
            exitCode = SpringApplication.exit(application(args).run(args));
        } catch (SpringApplication.AbandonedRunException trainingOrAotRun) {
            // Spring AOT processing and a class-data training run stop the application on purpose once it is built
            throw trainingOrAotRun;
        } catch (RuntimeException failure) {
            exitCode = StartupFailure.of(failure, new StandardEnvironment()).map(StartupFailure::exitCode)
                    .orElse(UNEXPECTED);
        }
        System.exit(exitCode);
    }

    /**
     * The application as the command line starts it: for every command but {@code run}, {@code serve} and
     * {@code status} (and for {@code --help}), beans are made only when needed, so neither the database nor the child
     * key is touched; {@code serve} keeps running with a web server on localhost for its health and metrics; the
     * others have no web server.
     */
    public static SpringApplication application(String... args) {
        SpringApplication application = new SpringApplication(ActiveOfferApplication.class);
        String command = command(args);
        application.setLazyInitialization(PipelineCommands.needsNoStore(command) || asksForHelp(args));
        if (SERVE.equals(command) && !asksForHelp(args)) {
            application.setDefaultProperties(Map.of("activeoffer.service.enabled", "true",
                    "spring.main.keep-alive", "true",
                    "server.address", "127.0.0.1",
                    "server.port", "8081",
                    "management.endpoints.web.exposure.include", "health,metrics",
                    "management.endpoint.health.show-details", "always",
                    "management.health.diskspace.path", "${activeoffer.work-root:work}"));
        } else {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        if ("status".equals(command) && Arrays.asList(args).contains("--json")) {
            // a script reads standard output as JSON: no log line may come before it
            application.setDefaultProperties(Map.of("logging.threshold.console", "OFF"));
        }
        return application;
    }

    /** {@code --help}, {@code -h}, {@code --version} or {@code -V}: print and stop, touching nothing. */
    static boolean asksForHelp(String... args) {
        return Arrays.stream(args).anyMatch(a -> List.of("--help", "-h", "--version", "-V").contains(a));
    }

    /** The command word: the first argument that is not a {@code --setting}; {@code run} when there is none. */
    static String command(String... args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse("run");
    }
}
