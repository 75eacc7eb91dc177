package wales.activeoffer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import wales.activeoffer.ActiveOfferApplication;
import wales.activeoffer.support.RepoPaths;

/** Bad configuration stops the pipeline at start-up with a message that names the setting. */
class StartupValidationTests {

    private static Throwable startWith(Path workRoot, String... extra) {
        return startWith(workRoot, RepoPaths.mappings(), extra);
    }

    private static Throwable startWith(Path workRoot, Path mappings, String... extra) {
        String[] base = {"--activeoffer.work-root=" + workRoot, "--activeoffer.mappings-dir=" + mappings,
                "--activeoffer.run-on-start=false", "--spring.main.banner-mode=off"};
        String[] args = Stream.concat(Arrays.stream(base), Arrays.stream(extra))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext ignored = SpringApplication.run(ActiveOfferApplication.class, args)) {
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aChunkSizeOutOfRangeIsNamed(@TempDir Path work) {
        Throwable failure = startWith(work, "--activeoffer.child-key.secret=startup-test-secret-that-is-long-enough", "--activeoffer.chunk-size=0");
        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("activeoffer.chunk-size");
    }

    @Test
    void aStatisticsContactThatIsNotAnEmailAddressIsNamed(@TempDir Path work) {
        Throwable failure = startWith(work, "--activeoffer.child-key.secret=startup-test-secret-that-is-long-enough",
                "--activeoffer.statistics-contact=ring the office");
        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("activeoffer.statistics-contact");
    }

    @Test
    void noChildKeyIsNamed(@TempDir Path work) {
        Throwable failure = startWith(work);
        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("No child key is configured");
    }

    @Test
    void aBrokenMappingDirectoryIsNamed(@TempDir Path work) {
        Throwable failure = startWith(work, work.resolve("missing"), "--activeoffer.child-key.secret=startup-test-secret-that-is-long-enough");
        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("activeoffer.mappings-dir is " + work.resolve("missing"));
    }

    @Test
    void aBrokenMappingFileStopsTheStartAndIsNamed(@TempDir Path work, @TempDir Path mappings) throws Exception {
        RepoPaths.copyMappingsTo(mappings);
        Files.writeString(mappings.resolve("layouts/zz-broken.yaml"),
                "id: zz-broken\ndescription: x\nformat: ods\ncolumns: {}\n");

        Throwable failure = startWith(work, mappings, "--activeoffer.child-key.secret=startup-test-secret-that-is-long-enough");

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("zz-broken.yaml:3: format: must be one of");
    }

    @Test
    void aBrokenPublicationPlanStopsTheStartNamingItsFileAndLine(@TempDir Path work, @TempDir Path mappings)
            throws Exception {
        RepoPaths.copyMappingsTo(mappings);
        Files.writeString(mappings.resolve("reference/publication-plan.csv"),
                "table,measure,geographies,period,routes\ntake_up_by_month,take_up,wales,month,total\n");

        Throwable failure = startWith(work, mappings, "--activeoffer.child-key.secret=startup-test-secret-that-is-long-enough");

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("publication-plan.csv:2: period: 'month' must be one of financial_year, "
                + "quarter");
    }

    @Test
    void goodConfigurationStarts(@TempDir Path work) {
        assertThat(startWith(work, "--activeoffer.child-key.secret=startup-test-secret-that-is-long-enough")).isNull();
    }
}
