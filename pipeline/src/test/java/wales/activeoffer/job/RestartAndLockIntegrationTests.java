package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    private static final Path SAMPLE = RepoPaths.sampleData().resolve("inbox");
    private static final Path HAND_COUNTED = HandCountedInboxScenario.INBOX;

    private List<String> settings(Path workRoot, boolean seed) {
        return settings(workRoot, seed ? SAMPLE : null);
    }

    /** Settings for a process on a new schema of its own, its inbox seeded from {@code seed} unless that is null. */
    private List<String> settings(Path workRoot, Path seed) {
        String schema = TestDatabases.newSchemaName();
        schemas.add(schema);
        return settings(workRoot, schema, seed);
    }

    private static List<String> settings(Path workRoot, String schema, boolean seed) {
        return settings(workRoot, schema, seed ? SAMPLE : null);
    }

    private static List<String> settings(Path workRoot, String schema, Path seed) {
        List<String> settings = TestDatabases.postgresSettings(workRoot, schema);
        settings.add("activeoffer.chunk-size=25");
        if (seed != null) {
            settings.add("activeoffer.seed-from=" + seed);
        }
        return settings;
    }

    @Test
    void aRunKilledPartWayThroughEndsAsIfItHadNeverBeenInterrupted(@TempDir Path temp) throws Exception {
        Path uninterruptedRoot = temp.resolve("uninterrupted");
        PipelineProcess uninterrupted = PipelineProcess.start(temp.resolve("a.log"), settings(uninterruptedRoot, true));
        assertThat(uninterrupted.awaitExit(RUN_TIMEOUT)).as(uninterrupted.output())
                .isEqualTo(PipelineCommandLine.COMPLETED_WITH_REFUSED_FILES);

        Path killedRoot = temp.resolve("killed");
        List<String> killedSettings = settings(killedRoot, true);
        PipelineProcess first = PipelineProcess.start(temp.resolve("b1.log"), killedSettings);
        first.awaitLine("\\[12/48\\]", RUN_TIMEOUT);
        first.killHard();
        String schema = schemas.get(1);
        assertThat(count(schema, "SELECT COUNT(*) FROM batch_job_execution WHERE status = 'STARTED'"))
                .as("the killed run is left marked as running").isEqualTo(1);

        PipelineProcess second = PipelineProcess.start(temp.resolve("b2.log"), killedSettings);
        assertThat(second.awaitExit(RUN_TIMEOUT)).as(second.output())
                .isEqualTo(PipelineCommandLine.COMPLETED_WITH_REFUSED_FILES);
        assertThat(second.output()).contains("did not finish").contains("resuming it where it stopped");

        assertSameReleaseAndStore(uninterruptedRoot, schemas.get(0), killedRoot, schema, 6 + 2 * 6);
    }

    /** The release and the store of an interrupted run are exactly those of the uninterrupted one. */
    private static void assertSameReleaseAndStore(Path uninterruptedRoot, String aSchema, Path killedRoot, String schema,
            int dataFiles) throws Exception {
        Path a = onlyRelease(uninterruptedRoot);
        Path b = onlyRelease(killedRoot);
        List<Path> published = new ArrayList<>();
        for (Path folder : List.of(a, uninterruptedRoot.resolve("restricted").resolve(a.getFileName()))) {
            try (Stream<Path> files = Files.walk(folder)) {
                // the workbook and the forum report name their release, which differs between the two runs
                files.filter(Files::isRegularFile).filter(f -> !f.endsWith("manifest.json"))
                        .filter(f -> !f.toString().endsWith(".xlsx") && !f.toString().endsWith(".html"))
                        .forEach(published::add);
            }
        }
        assertThat(published).as("aggregates CSV and Parquet, coverage and data-quality CSVs, CSVW metadata; and, "
                + "restricted, the data dictionary and one file per year and region").hasSize(dataFiles);
        for (Path file : published) {
            Path same = killedRoot.resolve(uninterruptedRoot.relativize(file).toString().replace(
                    a.getFileName().toString(), b.getFileName().toString()));
            assertThat(Files.readAllBytes(same)).as(uninterruptedRoot.relativize(file) + " byte for byte")
                    .isEqualTo(Files.readAllBytes(file));
        }
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
    void aRunKilledJustAfterAReceiptIsWrittenFinishesThatFileOnceOnItsNextRun(@TempDir Path temp) throws Exception {
        // given an uninterrupted run over the hand-counted inbox, and a second one killed with kill -9 at the instant
        // after its first receipt is written, before that file leaves the inbox
        Path uninterruptedRoot = temp.resolve("uninterrupted");
        PipelineProcess uninterrupted = PipelineProcess.start(temp.resolve("a.log"),
                settings(uninterruptedRoot, HAND_COUNTED));
        assertThat(uninterrupted.awaitExit(RUN_TIMEOUT)).as(uninterrupted.output())
                .isEqualTo(PipelineCommandLine.COMPLETED_WITH_REFUSED_FILES);
        Path killedRoot = temp.resolve("killed");
        List<String> killedSettings = settings(killedRoot, HAND_COUNTED);
        pausedAfterItsFirstReceipt(temp.resolve("b1.log"), killedSettings).killHard();
        List<Path> receiptsBefore = receipts(killedRoot);
        assertThat(receiptsBefore).as("one receipt written").hasSize(1);
        String fileName = receiptsBefore.get(0).getFileName().toString().replaceAll("\\.receipt-.*", "");

        // when the pipeline runs again
        PipelineProcess second = PipelineProcess.start(temp.resolve("b2.log"), killedSettings);
        assertThat(second.awaitExit(RUN_TIMEOUT)).as(second.output())
                .isEqualTo(PipelineCommandLine.COMPLETED_WITH_REFUSED_FILES);

        // then that file is archived once, keeps its one receipt, is never called a duplicate of itself, and the
        // records and release are those of the uninterrupted run
        try (Stream<Path> archived = Files.walk(killedRoot.resolve("archive"))) {
            assertThat(archived.filter(f -> f.getFileName().toString().endsWith(fileName))).hasSize(1);
        }
        assertThat(receipts(killedRoot)).hasSameSizeAs(receipts(uninterruptedRoot))
                .filteredOn(r -> r.getFileName().toString().startsWith(fileName + ".receipt-")).hasSize(1);
        for (Path receipt : receipts(killedRoot)) {
            assertThat(Files.readString(receipt)).as(receipt.toString()).doesNotContain("Already received");
        }
        assertThat(Files.exists(killedRoot.resolve("inbox"))).isTrue();
        try (Stream<Path> left = Files.walk(killedRoot.resolve("inbox"))) {
            assertThat(left.filter(Files::isRegularFile)).as("the inbox is empty").isEmpty();
        }
        assertSameReleaseAndStore(uninterruptedRoot, schemas.get(0), killedRoot, schemas.get(1), 6 + 3);
    }

    @Test
    void aRunKilledWhileAChunkIsBeingCopiedInLeavesNothingOfItAndTheNextRunStoresEveryRowOnce(@TempDir Path temp)
            throws Exception {
        // given a run on PostgreSQL (records go in with COPY) stopped for certain just after the COPY of its first
        // chunk of two records, before that chunk's transaction commits, and killed there with kill -9
        String cardiff = "cardiff-active-offer-2024-25.csv";
        Path root = temp.resolve("work");
        Files.createDirectories(root.resolve("inbox/cardiff-and-vale"));
        Files.copy(HAND_COUNTED.resolve("cardiff-and-vale").resolve(cardiff),
                root.resolve("inbox/cardiff-and-vale").resolve(cardiff));
        String schema = TestDatabases.newSchemaName();
        schemas.add(schema);
        List<String> settings = settings(root, schema, (Path) null);
        settings.replaceAll(setting -> setting.startsWith("activeoffer.chunk-size=") ? "activeoffer.chunk-size=2"
                : setting);
        List<String> pausing = new ArrayList<>(settings);
        pausing.add("activeoffer.testing.pause-at=" + PausePoint.IN_FILE);
        PipelineProcess killed = PipelineProcess.start(temp.resolve("killed.log"), pausing);
        killed.awaitLine("Paused at '" + PausePoint.IN_FILE + "'", RUN_TIMEOUT);
        killed.killHard();

        // then nothing of the chunk is stored
        assertThat(count(schema, "SELECT COUNT(*) FROM offer_record")).isZero();

        // and the next run takes the file in whole, each of its 12 good rows once and its 2 bad rows rejected
        PipelineProcess next = PipelineProcess.start(temp.resolve("next.log"), settings);
        assertThat(next.awaitExit(RUN_TIMEOUT)).as(next.output()).isZero();
        assertThat(count(schema, "SELECT COUNT(*) FROM offer_record")).isEqualTo(12);
        assertThat(count(schema, "SELECT COUNT(DISTINCT source_row) FROM offer_record")).isEqualTo(12);
        assertThat(count(schema, "SELECT COUNT(*) FROM rejected_row")).isEqualTo(2);
        assertThat(count(schema, "SELECT COUNT(*) FROM submission WHERE status = 'INGESTED'")).isEqualTo(1);
    }

    /** A pipeline process stopped at the instant after its first receipt is written, until it is killed. */
    private static PipelineProcess pausedAfterItsFirstReceipt(Path log, List<String> settings) throws Exception {
        List<String> pausing = new ArrayList<>(settings);
        pausing.add("activeoffer.testing.pause-at=" + PausePoint.AFTER_RECEIPT);
        PipelineProcess process = PipelineProcess.start(log, pausing);
        process.awaitLine("Paused at '" + PausePoint.AFTER_RECEIPT + "'", RUN_TIMEOUT);
        return process;
    }

    private static List<Path> receipts(Path workRoot) throws Exception {
        try (Stream<Path> files = Files.walk(workRoot.resolve("receipts"))) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @Test
    void aSecondProcessOnTheSameWorkRootIsToldSoInOneLineWhateverItsDatabase(@TempDir Path temp) throws Exception {
        // given a run paused part-way on one database
        Path workRoot = temp.resolve("shared");
        PipelineProcess first = pausedAfterItsFirstReceipt(temp.resolve("first.log"), settings(workRoot, HAND_COUNTED));

        // when a second process starts on the same work root with another database
        PipelineProcess second = PipelineProcess.start(temp.resolve("second.log"), settings(workRoot, null));
        int exit = second.awaitExit(RUN_TIMEOUT);
        first.killHard();

        // then it does nothing and says why in one line
        assertThat(exit).as(second.output()).isEqualTo(PipelineCommandLine.RUN_IN_PROGRESS);
        assertThat(second.output()).contains("Another run of the pipeline is using the work root activeoffer.work-root="
                + workRoot + "; nothing was done. Try again when it has finished.").doesNotContain("\tat ");
        assertThat(count(schemas.get(1), "SELECT COUNT(*) FROM submission")).isZero();
    }

    @Test
    void theEmbeddedDatabaseHeldByAnotherProcessIsToldInOneLineWithExitCode3(@TempDir Path temp) throws Exception {
        Path workRoot = temp.resolve("embedded");
        PipelineProcess first = pausedAfterItsFirstReceipt(temp.resolve("first.log"), embeddedSettings(workRoot, true));

        PipelineProcess second = PipelineProcess.start(temp.resolve("second.log"), embeddedSettings(workRoot, false));
        int exit = second.awaitExit(RUN_TIMEOUT);
        first.killHard();

        assertThat(exit).as(second.output()).isEqualTo(3);
        assertThat(second.output().lines().filter(l -> l.startsWith("The pipeline could not start"))).containsExactly(
                "The pipeline could not start: Another run of the pipeline is using the embedded database under "
                        + "activeoffer.work-root=" + workRoot + "; nothing was done. Try again when it has finished.");
        assertThat(second.output()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aWrongDatabasePortIsNamedInOneLineWithExitCode2(@TempDir Path temp) throws Exception {
        List<String> wrongPort = new ArrayList<>(settings(temp.resolve("root"), null));
        wrongPort.replaceAll(s -> s.startsWith("spring.datasource.url=")
                ? "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/test" : s);

        PipelineProcess process = PipelineProcess.start(temp.resolve("port.log"), wrongPort);

        assertThat(process.awaitExit(RUN_TIMEOUT)).as(process.output()).isEqualTo(2);
        assertThat(process.output().lines().filter(l -> l.startsWith("The pipeline could not start"))).singleElement()
                .asString().startsWith("The pipeline could not start: Cannot connect to the database at "
                        + "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/test (")
                .endsWith("); check the host, port and database name in spring.datasource.url and that PostgreSQL is "
                        + "running.");
        assertThat(process.output()).doesNotContain("\tat ");
    }

    private static List<String> embeddedSettings(Path workRoot, boolean seed) {
        List<String> settings = new ArrayList<>(List.of(
                "activeoffer.work-root=" + workRoot,
                "activeoffer.mappings-dir=" + RepoPaths.mappings(),
                "activeoffer.child-key.secret=restart-test-secret-that-is-long-enough",
                "activeoffer.inbox-settle-seconds=0"));
        if (seed) {
            settings.add("activeoffer.seed-from=" + HAND_COUNTED);
        }
        return settings;
    }

    @Test
    void twoProcessesNeverProcessAtTheSameTime(@TempDir Path temp) throws Exception {
        // given a run holding the lock, paused just after its first receipt
        List<String> firstSettings = settings(temp.resolve("first"), HAND_COUNTED);
        String schema = schemas.get(0);
        PipelineProcess first = pausedAfterItsFirstReceipt(temp.resolve("first.log"), firstSettings);

        // when a second process starts on the same database, with a work root of its own
        PipelineProcess second = PipelineProcess.start(temp.resolve("second.log"),
                settings(temp.resolve("second"), schema, false));
        int secondExit = second.awaitExit(RUN_TIMEOUT);
        first.killHard();

        // then it does nothing and says why
        assertThat(secondExit).as(second.output()).isEqualTo(PipelineCommandLine.RUN_IN_PROGRESS);
        assertThat(second.output()).contains("Another run of the pipeline is in progress");
        assertThat(count(schema, "SELECT COUNT(*) FROM batch_job_instance")).as("only the first ran").isEqualTo(1);

        // and once the first process is gone the lock is free again: the next run finishes the first one's run
        PipelineProcess afterwards = PipelineProcess.start(temp.resolve("third.log"), firstSettings);
        assertThat(afterwards.awaitExit(RUN_TIMEOUT)).as("the lock is free again")
                .isEqualTo(PipelineCommandLine.COMPLETED_WITH_REFUSED_FILES);
        assertThat(count(schema, "SELECT COUNT(*) FROM batch_job_instance")).isEqualTo(1);
    }

    private static Path onlyRelease(Path workRoot) throws Exception {
        try (Stream<Path> releases = Files.list(workRoot.resolve("releases"))) {
            List<Path> all = releases.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
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
