package wales.activeoffer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The nightly Active Offer pipeline. See README.md for the commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActiveOfferApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(ActiveOfferApplication.class, args)));
    }
}
