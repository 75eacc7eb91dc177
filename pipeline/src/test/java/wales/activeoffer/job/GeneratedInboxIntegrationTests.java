package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import wales.activeoffer.sample.SampleInboxGenerator;
import wales.activeoffer.support.InProcessPipeline;
import wales.activeoffer.support.TestDatabases;

/**
 * The generator's bigger inboxes are taken in whole: at twice the sample, every form layout is still read (a block
 * form with more children than fit the old per-sheet limit was refused), and every generated row is a record or a
 * rejected row. Larger sizes are run by the benchmark harness.
 */
class GeneratedInboxIntegrationTests {
    private final String schema = TestDatabases.newSchemaName();

    @AfterEach
    void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(schema);
    }

    @Test
    void twiceTheSampleIsIngestedWholeEveryRowARecordOrARejectedRow(@TempDir Path dir) throws Exception {
        // given the sample inbox generated at twice its size
        Path generated = dir.resolve("generated");
        new SampleInboxGenerator(2).generate(generated);
        Path root = dir.resolve("work");
        Files.createDirectories(root);
        copy(generated.resolve("inbox"), root.resolve("inbox"));

        // when the nightly run takes it in
        InProcessPipeline.Outcome run = new InProcessPipeline(root, schema).run();

        // then each file the manifest says is readable gives all its rows, as records or rejected rows, and each file
        // the manifest says is refused is refused with that reason
        assertThat(run.exitCode()).as("the sample's refused files are refused: " + run.output())
                .isEqualTo(PipelineCommandLine.COMPLETED_WITH_REFUSED_FILES);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(TestDatabases.POSTGRES_URL
                + "?currentSchema=" + schema, TestDatabases.POSTGRES_USER, ""));
        Map<String, String> stored = new HashMap<>();
        jdbc.query("SELECT s.file_name, s.status, s.rows_accepted, s.rows_rejected FROM submission s", rs -> {
            stored.put(rs.getString("file_name"), rs.getString("status") + " " + (rs.getLong("rows_accepted")
                    + rs.getLong("rows_rejected")));
        });
        int files = 0;
        for (CSVRecord file : manifest(generated)) {
            String name = Path.of(file.get("file")).getFileName().toString();
            if (file.get("file_rule_id").isEmpty()) {
                assertThat(stored.get(name)).as(name + " (" + file.get("mapping") + ")")
                        .isEqualTo("INGESTED " + file.get("data_rows"));
                files++;
            } else {
                assertThat(stored.get(name)).as(name + " refused").isNotNull().doesNotStartWith("INGESTED");
            }
        }
        assertThat(files).isEqualTo(44);
        assertThat(manifest(generated)).extracting(f -> f.get("mapping")).contains("monmouthshire-ao-log-xlsx",
                "ffurflen-cofnodi-xlsx", "nyas-recording-sheet-xlsx");
    }

    private static List<CSVRecord> manifest(Path generated) throws Exception {
        try (Reader reader = Files.newBufferedReader(generated.resolve("MANIFEST.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
