package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.PipelineProcess;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;

/**
 * Real processes against the real PostgreSQL: a run killed with {@code kill -9} part-way through ingest and then run
 * again ends exactly as an uninterrupted run does; and two processes never run at the same time.
 */
class RestartAndLockIntegrationTests {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() throws Exception {
        for (String schema : schemas) {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    private List<String> settings(Path workRoot, boolean seed) {
        String schema = TestDatabases.newSchemaName();
        schemas.add(schema);
        return settings(workRoot, schema, seed);
    }

    private static List<String> settings(Path workRoot, String schema, boolean seed) {
        List<String> settings = new ArrayList<>(List.of(
                "spring.datasource.url=" + TestDatabases.POSTGRES_URL + "?currentSchema=" + schema,
                "spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                "spring.flyway.schemas=" + schema,
                "activeoffer.work-root=" + workRoot,
                "activeoffer.mappings-dir=" + RepoPaths.mappings(),
                "activeoffer.child-key.secret=restart-test-secret-that-is-long-enough",
                "activeoffer.chunk-size=25",
                "activeoffer.inbox-settle-seconds=0"));
        if (seed) {
            settings.add("activeoffer.seed-from=" + RepoPaths.sampleData().resolve("inbox"));
        }
        return settings;
    }

    @Test
    void aRunKilledPartWayThroughEndsAsIfItHadNeverBeenInterrupted(@TempDir Path temp) throws Exception {
        Path uninterruptedRoot = temp.resolve("uninterrupted");
        PipelineProcess uninterrupted = PipelineProcess.start(temp.resolve("a.log"), settings(uninterruptedRoot, true));
        assertThat(uninterrupted.awaitExit(RUN_TIMEOUT)).as(uninterrupted.output()).isZero();

        Path killedRoot = temp.resolve("killed");
        List<String> killedSettings = settings(killedRoot, true);
        PipelineProcess first = PipelineProcess.start(temp.resolve("b1.log"), killedSettings);
        first.awaitLine("\\[12/48\\]", RUN_TIMEOUT);
        first.killHard();
        String schema = schemas.get(1);
        assertThat(count(schema, "SELECT COUNT(*) FROM batch_job_execution WHERE status = 'STARTED'"))
                .as("the killed run is left marked as running").isEqualTo(1);

        PipelineProcess second = PipelineProcess.start(temp.resolve("b2.log"), killedSettings);
        assertThat(second.awaitExit(RUN_TIMEOUT)).as(second.output()).isZero();
        assertThat(second.output()).contains("did not finish").contains("resuming it where it stopped");

        Path a = onlyRelease(uninterruptedRoot);
        Path b = onlyRelease(killedRoot);
        List<Path> published;
        try (Stream<Path> files = Files.walk(a)) {
            published = files.filter(Files::isRegularFile).filter(f -> !f.endsWith("manifest.json"))
                    .filter(f -> !f.toString().endsWith(".xlsx")).toList();
        }
        assertThat(published).as("aggregates CSV and Parquet, data dictionary, coverage and data-quality CSVs, CSVW "
                + "metadata, one file per year and region").hasSize(6 + 2 * 6);
        for (Path file : published) {
            Path same = b.resolve(a.relativize(file).toString());
            assertThat(Files.readAllBytes(same)).as(a.relativize(file) + " byte for byte")
                    .isEqualTo(Files.readAllBytes(file));
        }
        String aSchema = schemas.get(0);
        for (String query : List.of("SELECT COUNT(*) FROM offer_record", "SELECT COUNT(*) FROM rejected_row",
                "SELECT COUNT(*) FROM row_issue", "SELECT COUNT(*) FROM submission")) {
            assertThat(count(schema, query)).as(query).isEqualTo(count(aSchema, query));
        }
        assertThat(count(schema, """
                SELECT COUNT(*) FROM (SELECT submission_id, source_sheet, source_row FROM offer_record
                GROUP BY submission_id, source_sheet, source_row HAVING COUNT(*) > 1) d""")).as("no row twice").isZero();
        assertThat(count(schema, "SELECT COUNT(*) FROM submission WHERE status = 'RECEIVED'")).isZero();
    }

    @Test
    void twoProcessesNeverProcessAtTheSameTime(@TempDir Path temp) throws Exception {
        List<String> firstSettings = settings(temp.resolve("first"), true);
        String schema = schemas.get(0);
        PipelineProcess first = PipelineProcess.start(temp.resolve("first.log"), firstSettings);
        first.awaitLine("\\[2/48\\]", RUN_TIMEOUT);

        PipelineProcess second = PipelineProcess.start(temp.resolve("second.log"),
                settings(temp.resolve("second"), schema, false));
        int secondExit = second.awaitExit(RUN_TIMEOUT);

        assertThat(secondExit).as(second.output()).isEqualTo(PipelineCommandLine.RUN_IN_PROGRESS);
        assertThat(second.output()).contains("Another run of the pipeline is in progress");
        assertThat(first.awaitExit(RUN_TIMEOUT)).as(first.output()).isZero();
        assertThat(count(schema, "SELECT COUNT(*) FROM batch_job_instance")).as("only the first ran").isEqualTo(1);

        PipelineProcess afterwards = PipelineProcess.start(temp.resolve("third.log"),
                settings(temp.resolve("second"), schema, false));
        assertThat(afterwards.awaitExit(RUN_TIMEOUT)).as("the lock is free again").isZero();
    }

    private static Path onlyRelease(Path workRoot) throws Exception {
        try (Stream<Path> releases = Files.list(workRoot.resolve("releases"))) {
            List<Path> all = releases.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static long count(String schema, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL + "?currentSchema=" + schema,
                TestDatabases.POSTGRES_USER, "");
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
