package wales.activeoffer.benchmarks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An empty Spring Boot application: the start-up cost every Boot command pays, for P4's comparison. */
@SpringBootApplication(proxyBeanMethods = false, scanBasePackages = "wales.activeoffer.benchmarks.empty")
public class EmptyApplication {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(new SpringApplication(EmptyApplication.class).run(args)));
    }
}
