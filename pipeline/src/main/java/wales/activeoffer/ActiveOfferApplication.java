package wales.activeoffer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The nightly Active Offer pipeline. See README.md for the commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActiveOfferApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ActiveOfferApplication.class);
        boolean dryCommand = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst()
                .filter(wales.activeoffer.job.PipelineCommands::needsNoStore).isPresent();
        application.setLazyInitialization(dryCommand);
        System.exit(SpringApplication.exit(application.run(args)));
    }
}
