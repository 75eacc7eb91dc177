package wales.activeoffer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.StandardEnvironment;
import wales.activeoffer.config.StartupFailure;

/** The nightly Active Offer pipeline. See README.md for the commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActiveOfferApplication {
    /** Exit code of a failure nobody foresaw: Spring Boot has logged it with its stack trace. */
    static final int UNEXPECTED = 1;

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = SpringApplication.exit(application(args).run(args));
        } catch (RuntimeException failure) {
            exitCode = StartupFailure.of(failure, new StandardEnvironment()).map(StartupFailure::exitCode)
                    .orElse(UNEXPECTED);
        }
        System.exit(exitCode);
    }

    /**
     * The application as the command line starts it: for {@code validate} and {@code validate-mappings}, beans are
     * made only when needed, so neither the database nor the child key is touched.
     */
    public static SpringApplication application(String... args) {
        SpringApplication application = new SpringApplication(ActiveOfferApplication.class);
        boolean dryCommand = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst()
                .filter(wales.activeoffer.job.PipelineCommands::needsNoStore).isPresent();
        application.setLazyInitialization(dryCommand);
        return application;
    }
}
