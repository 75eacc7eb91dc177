package wales.activeoffer.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import wales.activeoffer.ActiveOfferApplication;

/**
 * The pipeline's command line run inside the test's JVM against a schema of the real PostgreSQL, as {@code java -jar}
 * would run it: the exit code it would end with and what it printed. Extra configuration classes can replace a bean
 * to make a failure happen on purpose.
 */
public final class InProcessPipeline {
    private final Path workRoot;
    private final String schema;
    private final List<String> settings = new ArrayList<>();

    public InProcessPipeline(Path workRoot, String schema) {
        this.workRoot = workRoot;
        this.schema = schema;
    }

    /** Adds a setting ({@code name=value}) to every run. */
    public InProcessPipeline with(String setting) {
        settings.add(setting);
        return this;
    }

    /** What one run printed, and its exit code. */
    public record Outcome(int exitCode, String output) {
    }

    /** Runs a command ({@code words}, such as {@code status --json}) as the command line would. */
    public Outcome command(String... words) {
        return run(List.of(words));
    }

    public Outcome run(Class<?>... extraConfiguration) {
        return run(List.of(), extraConfiguration);
    }

    private Outcome run(List<String> words, Class<?>... extraConfiguration) {
        List<String> args = new ArrayList<>(words);
        TestDatabases.postgresSettings(workRoot, schema).forEach(s -> args.add("--" + s));
        settings.forEach(s -> args.add("--" + s));
        Class<?>[] sources = new Class<?>[extraConfiguration.length + 1];
        sources[0] = ActiveOfferApplication.class;
        System.arraycopy(extraConfiguration, 0, sources, 1, extraConfiguration.length);
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
            int exitCode = SpringApplication.exit(context);
            return new Outcome(exitCode, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            original.print(printed.toString(StandardCharsets.UTF_8));
        }
    }
}
