package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.activeoffer.support.SampleReturns.GWENT;
import static wales.activeoffer.support.SampleReturns.NEWPORT;
import static wales.activeoffer.support.SampleReturns.TORFAEN;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.inbox.InboxScanner;
import wales.activeoffer.normalise.NormalisedRow;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.store.SubmissionStore;
import wales.activeoffer.support.InProcessPipeline;
import wales.activeoffer.support.InProcessPipeline.Outcome;
import wales.activeoffer.support.TestDatabases;

/**
 * Against the real PostgreSQL: a run always ends, every file gets exactly one receipt, and the next run always makes
 * progress, whatever the inbox holds or whatever fails.
 */
class NeverJamIntegrationTests {
    private final String schema = TestDatabases.newSchemaName();

    @AfterEach
    void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(schema);
    }

    private static List<Path> files(Path folder, String ending) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(ending)).sorted().toList();
        }
    }

    private JdbcTemplate jdbc() {
        var dataSource = new DriverManagerDataSource(
                TestDatabases.POSTGRES_URL + "?currentSchema=" + schema, TestDatabases.POSTGRES_USER, "");
        return new JdbcTemplate(dataSource);
    }

    @Test
    void aWorkRootWithOnlyRefusedFilesCompletesAndAGoodFileDroppedLaterRunsThrough(@TempDir Path root)
            throws Exception {
        // given a new work root whose inbox holds only files that are refused
        Path gwent = Files.createDirectories(root.resolve("inbox/gwent"));
        Files.writeString(gwent.resolve("notes.docx"), "not a return");
        Files.write(gwent.resolve("empty.csv"), new byte[0]);
        InProcessPipeline pipeline = new InProcessPipeline(root, schema);

        // when the pipeline runs
        Outcome first = pipeline.run();

        // then the run completes, each file has its receipt, and a release with no records is published
        assertThat(first.exitCode()).as(first.output()).isEqualTo(PipelineCommandLine.COMPLETED_WITH_REFUSED_FILES);
        assertThat(first.output()).contains(": COMPLETED").contains("Rejected                                     2");
        assertThat(files(root.resolve("receipts/gwent"), ".txt")).extracting(p -> p.getFileName().toString())
                .allMatch(n -> n.startsWith("empty.csv.receipt-") || n.startsWith("notes.docx.receipt-")).hasSize(2);
        assertThat(files(root.resolve("releases"), "manifest.json")).hasSize(1);

        // and when a good file is dropped and the pipeline runs again, it is taken in
        Files.copy(GWENT.resolve(NEWPORT), gwent.resolve(NEWPORT));
        Outcome second = pipeline.run();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(jdbc().queryForObject("SELECT status FROM submission WHERE file_name = ?", String.class, NEWPORT))
                .isEqualTo("INGESTED");
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM offer_record", Integer.class)).isPositive();
        assertThat(files(root.resolve("officials"), "manifest.json")).as("the officials' nightly dataset of each night")
                .hasSize(2);
        assertThat(files(root.resolve("releases"), "manifest.json")).as("the public release waits for the calendar")
                .hasSize(1);
    }

    @Test
    void aFileThatFailsUnexpectedlyIsQuarantinedWithAReceiptWhileTheOthersAreTakenIn(@TempDir Path root)
            throws Exception {
        // given a file whose storing fails in a way the pipeline does not expect, beside a good one
        Path gwent = Files.createDirectories(root.resolve("inbox/gwent"));
        Files.copy(GWENT.resolve(NEWPORT), gwent.resolve("explodes " + NEWPORT));
        Files.copy(GWENT.resolve(TORFAEN), gwent.resolve(TORFAEN));
        InProcessPipeline pipeline = new InProcessPipeline(root, schema);

        // when the pipeline runs
        Outcome run = pipeline.run(ExplodingStore.class);

        // then that file is quarantined with a receipt that says so, the other is taken in, and the exit code says
        // that the data team must look
        assertThat(run.exitCode()).as(run.output()).isEqualTo(PipelineCommandLine.COMPLETED_WITH_QUARANTINE);
        assertThat(run.output()).contains("  Quarantined:      1 file(s) could not be processed; each has a receipt "
                + "saying so and is kept in " + root.resolve("quarantine") + " with the reason. The data team must "
                + "look at them.");
        String receipt = Files.readString(files(root.resolve("receipts/gwent"), ".txt").stream()
                .filter(p -> p.getFileName().toString().startsWith("explodes ")).findFirst().orElseThrow());
        assertThat(receipt).contains("Status:    Could not be processed: the data team has been told\n")
                .contains("\n\nWe could not process this file because of a problem on our side. Nothing from it has "
                        + "been counted.\nThe file has been kept safely and the data team has been told; they will "
                        + "look into it and contact you. You do not need to send it again unless they ask you to.\n")
                .doesNotContain("simulated").doesNotContain("Exception");
        List<Path> quarantined = files(root.resolve("quarantine/gwent"), NEWPORT);
        assertThat(quarantined).hasSize(1);
        assertThat(Files.readString(quarantined.get(0).resolveSibling(quarantined.get(0).getFileName() + ".reason.txt")))
                .contains("simulated failure while storing");
        assertThat(jdbc().queryForList("SELECT file_name, status FROM submission ORDER BY file_name")).extracting(
                row -> row.get("file_name") + " " + row.get("status")).containsExactly(
                        "WCCIS_ActiveOffer_W06000020_2024-25.csv INGESTED", "explodes " + NEWPORT + " QUARANTINED");
        assertThat(files(root.resolve("inbox"), "")).as("nothing left in the inbox").isEmpty();

        // and the next run, with nothing new, is clean
        Outcome next = pipeline.run();
        assertThat(next.exitCode()).as(next.output()).isZero();
        assertThat(next.output()).doesNotContain("Quarantined");
    }

    @Test
    void aFileThatFailsOnceIsTriedAgainFromItsLastCheckpointAndTakenInWhole(@TempDir Path root) throws Exception {
        // given a file whose first write of rows fails once, as a passing fault would
        Path gwent = Files.createDirectories(root.resolve("inbox/gwent"));
        Files.copy(GWENT.resolve(NEWPORT), gwent.resolve("flaky " + NEWPORT));
        InProcessPipeline pipeline = new InProcessPipeline(root, schema);

        // when the pipeline runs
        Outcome run = pipeline.run(FlakyStore.class);

        // then the file is tried once more and taken in whole, once, and nobody is told it failed
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(jdbc().queryForList("SELECT file_name, status FROM submission")).extracting(
                row -> row.get("file_name") + " " + row.get("status")).containsExactly("flaky " + NEWPORT + " INGESTED");
        long dataRows = Files.readAllLines(GWENT.resolve(NEWPORT)).stream().skip(1).filter(l -> !l.isBlank()).count();
        assertThat(jdbc().queryForObject("SELECT rows_accepted + rows_rejected FROM submission", Long.class))
                .as("every row of the file, once").isEqualTo(dataRows);
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM offer_record", Integer.class))
                .isEqualTo(jdbc().queryForObject("SELECT rows_accepted FROM submission", Integer.class));
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM (SELECT source_row FROM offer_record GROUP BY "
                + "source_row HAVING COUNT(*) > 1) d", Integer.class)).as("no row twice").isZero();
        assertThat(root.resolve("quarantine")).doesNotExist();
        assertThat(run.output()).contains("trying it once more from its last checkpoint");
    }

    @Test
    void aFileThatKeepsChangingWhileItIsCopiedWaitsInTheInboxAndItsLeadIsToldAtTheThirdRun(@TempDir Path root)
            throws Exception {
        // given a 40 MB file that a program keeps writing to, 100 bytes every millisecond
        Path gwent = Files.createDirectories(root.resolve("inbox/gwent"));
        Path growing = gwent.resolve("growing.csv");
        Files.write(growing, new byte[40 * 1024 * 1024]);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                try {
                    Files.write(growing, new byte[100], StandardOpenOption.APPEND);
                    Thread.sleep(1);
                } catch (Exception e) {
                    return;
                }
            }
        });
        writer.start();
        InProcessPipeline pipeline = new InProcessPipeline(root, schema);
        try {
            // when two runs find it changing, then neither takes it in nor answers it
            for (int run = 1; run <= 2; run++) {
                Outcome outcome = pipeline.run();
                assertThat(outcome.exitCode()).as(outcome.output()).isZero();
                assertThat(outcome.output()).contains("gwent/growing.csv changed while it was being copied");
                assertThat(files(root.resolve("receipts/gwent"), ".txt")).isEmpty();
            }

            // and the third tells the lead, and still leaves the file where it is, with nothing stored
            Outcome third = pipeline.run();
            assertThat(third.exitCode()).as(third.output()).isZero();
            String receipt = Files.readString(files(root.resolve("receipts/gwent"), ".txt").get(0));
            assertThat(receipt).contains("File:      growing.csv\n")
                    .contains("Status:    Not read yet: the file kept changing while it was being copied\n")
                    .contains("\n\nThis file changed every time we tried to copy it, on 3 runs in a row, so it may "
                            + "still be being written or a program may be keeping it open. Nothing from it has been "
                            + "read yet, and it has been left where it is.\nClose the program that has it open, or "
                            + "copy the finished file into the inbox again; it will be read at the next run after it "
                            + "stops changing.\n");
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(growing).exists();
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM submission", Integer.class)).isZero();
    }

    @Test
    void twoFilesOfTheSameNameInTwoAuthorityFoldersEachGetTheirOwnReceiptArchiveAndSubmission(@TempDir Path root)
            throws Exception {
        Path gwent = root.resolve("inbox/gwent");
        Files.copy(GWENT.resolve(NEWPORT), Files.createDirectories(gwent.resolve("Newport")).resolve("returns.csv"));
        Files.copy(GWENT.resolve(TORFAEN), Files.createDirectories(gwent.resolve("Torfaen")).resolve("returns.csv"));

        Outcome run = new InProcessPipeline(root, schema).run();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(files(root.resolve("receipts/gwent"), ".txt")).extracting(p -> root.resolve("receipts/gwent")
                .relativize(p.getParent()).toString()).containsExactly("Newport", "Torfaen");
        assertThat(files(root.resolve("archive/gwent"), "returns.csv")).extracting(p -> p.getParent().getFileName()
                .toString()).containsExactlyInAnyOrder("Newport", "Torfaen");
        assertThat(jdbc().queryForList("SELECT sub_folder, status FROM submission ORDER BY sub_folder")).extracting(
                row -> row.get("sub_folder") + " " + row.get("status")).containsExactly("Newport INGESTED",
                        "Torfaen INGESTED");
        assertThat(files(root.resolve("inbox"), "")).isEmpty();
    }

    @Test
    void aRunThatFailsAgainAfterItIsResumedIsAbandonedAndTheNextRunStartsAfresh(@TempDir Path root) throws Exception {
        // given a setting that makes every publication fail
        Path gwent = Files.createDirectories(root.resolve("inbox/gwent"));
        Files.copy(GWENT.resolve(NEWPORT), gwent.resolve(NEWPORT));
        InProcessPipeline broken = new InProcessPipeline(root, schema).with("activeoffer.restricted-uri=nosuch://nowhere/");

        // when it fails, is resumed and fails again at the same place
        Outcome first = broken.run();
        Outcome resumed = broken.run();
        Outcome third = broken.run();

        // then the third run gives that run up and starts a new one, rather than resuming it a second time
        assertThat(List.of(first.exitCode(), resumed.exitCode(), third.exitCode())).containsExactly(1, 1, 1);
        assertThat(first.output()).contains("The run did not finish, so nothing new was published.");
        assertThat(resumed.output()).doesNotContain("Note: Run");
        assertThat(third.output()).containsPattern("Note: Run 1 \\(\\d{8}-\\d{6}\\) failed again after it was resumed "
                + "once, at publishReleaseStep; it was abandoned and a new run started.");
        assertThat(jdbc().queryForList("SELECT status FROM batch_job_execution ORDER BY job_execution_id",
                String.class)).containsExactly("FAILED", "ABANDONED", "FAILED");

        // and once the setting is fixed the next run publishes, with the file taken in once
        Outcome fixed = new InProcessPipeline(root, schema).run();
        assertThat(fixed.exitCode()).as(fixed.output()).isZero();
        assertThat(files(root.resolve("releases"), "manifest.json")).hasSize(1);
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM submission", Integer.class)).isEqualTo(1);
    }

    @Test
    void aFileThatVanishesAfterTheRunListedItGetsAReceiptSayingSoAndTheRunGoesOn(@TempDir Path root) throws Exception {
        // given a file that is deleted after the run has listed the inbox, before it is read
        Path gwent = Files.createDirectories(root.resolve("inbox/gwent"));
        Files.copy(GWENT.resolve(NEWPORT), gwent.resolve("vanishes.csv"));
        Files.copy(GWENT.resolve(TORFAEN), gwent.resolve(TORFAEN));

        // when the pipeline runs
        Outcome run = new InProcessPipeline(root, schema).run(VanishingFile.class);

        // then the lead is told it had gone, and the other file is taken in
        assertThat(run.exitCode()).as(run.output()).isEqualTo(PipelineCommandLine.COMPLETED_WITH_QUARANTINE);
        String receipt = Files.readString(files(root.resolve("receipts/gwent"), ".txt").stream()
                .filter(p -> p.getFileName().toString().startsWith("vanishes.csv")).findFirst().orElseThrow());
        assertThat(receipt).contains("\n\nThis file was in the inbox when the run started, but it had gone before it "
                + "could be read (it may have been moved, renamed or deleted). Nothing from it was stored.\nIf you "
                + "meant to send it, put it in the inbox again.\n");
        assertThat(jdbc().queryForList("SELECT file_name, status FROM submission")).extracting(
                row -> row.get("file_name") + " " + row.get("status")).containsExactly(TORFAEN + " INGESTED");
    }

    /** Lists the inbox as the run would, then deletes the files whose name starts "vanishes". */
    @Configuration(proxyBeanMethods = false)
    static class VanishingFile {
        @Bean
        @Primary
        @JobScope
        Partitioner vanishingPartitioner(InboxScanner scanner, ReferenceData reference) {
            List<InboxFile> listed = scanner.waitingFiles(reference.regions());
            return gridSize -> {
                var partitions = new InboxPartitioner(listed).partition(gridSize);
                for (InboxFile file : listed) {
                    if (file.fileName().startsWith("vanishes")) {
                        try {
                            Files.delete(file.path());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                return partitions;
            };
        }
    }

    /** A store whose first write fails, once, for files whose name starts "flaky". */
    @Configuration(proxyBeanMethods = false)
    static class FlakyStore {
        @Bean
        @Primary
        SubmissionStore flakySubmissionStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            AtomicBoolean failed = new AtomicBoolean();
            return new SubmissionStore(jdbc, new TransactionTemplate(transactions)) {
                @Override
                public void write(long submissionId, List<? extends NormalisedRow> rows) {
                    if (submission(submissionId).fileName().startsWith("flaky") && failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("simulated passing failure while storing");
                    }
                    super.write(submissionId, rows);
                }
            };
        }
    }

    /** A store whose writes fail, as a bug would, for files whose name starts "explodes". */
    @Configuration(proxyBeanMethods = false)
    static class ExplodingStore {
        @Bean
        @Primary
        SubmissionStore explodingSubmissionStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            return new SubmissionStore(jdbc, new TransactionTemplate(transactions)) {
                @Override
                public void write(long submissionId, List<? extends NormalisedRow> rows) {
                    if (submission(submissionId).fileName().startsWith("explodes")) {
                        throw new IllegalStateException("simulated failure while storing");
                    }
                    super.write(submissionId, rows);
                }
            };
        }
    }
}
