package wales.activeoffer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The nightly Active Offer pipeline. See README.md for the commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActiveOfferApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(application(args).run(args)));
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
