package wales.activeoffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.PipelineProcess;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;

/**
 * Service mode as systemd runs it: a real process on the real PostgreSQL, polling its inbox and publishing at its
 * scheduled time, stopped with SIGTERM. Every wait is for an event (a line in the log, a file appearing), never a
 * fixed sleep.
 */
class ServiceModeIntegrationTests {
    private static final Path HAND_COUNTED = RepoPaths.root().resolve("pipeline/src/test/resources/inboxes/hand-counted");
    private static final String CARDIFF = "cardiff-active-offer-2024-25.csv";
    private static final String VALE = "vale-referrals-2024-25.csv";
    private static final List<String> SCHEMAS = new ArrayList<>();

    @AfterAll
    static void dropSchemas() throws Exception {
        for (String schema : SCHEMAS) {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    private static List<String> settings(Path root, String schema, String... more) {
        List<String> settings = TestDatabases.postgresSettings(root.resolve("work"), schema);
        settings.add("activeoffer.service.poll-interval=PT1S");
        settings.addAll(List.of(more));
        return settings;
    }

    private static String newSchema() {
        String schema = TestDatabases.newSchemaName();
        SCHEMAS.add(schema);
        return schema;
    }

    @Test
    void droppedFilesAreAnsweredBetweenNightlyRunsAndTheReleaseAppearsAtItsScheduledTime(@TempDir Path root)
            throws Exception {
        // given the service, with the nightly run scheduled 40 seconds from now (London time)
        ZonedDateTime nightly = ZonedDateTime.now(ZoneId.of("Europe/London")).plusSeconds(40).withNano(0);
        String cron = nightly.getSecond() + " " + nightly.getMinute() + " " + nightly.getHour() + " * * *";
        PipelineProcess service = PipelineProcess.start(root.resolve("service.log"), "512m", List.of("serve"),
                settings(root, newSchema(), "activeoffer.service.cron=" + cron));
        try {
            service.awaitLine(Pattern.quote("Serving: the nightly run at '" + cron + "' (Europe/London)"),
                    Duration.ofMinutes(2));
            Path work = root.resolve("work");

            // when a lead drops two files while it runs
            Path inbox = Files.createDirectories(work.resolve("inbox/cardiff-and-vale"));
            Files.copy(HAND_COUNTED.resolve("cardiff-and-vale").resolve(CARDIFF), inbox.resolve(CARDIFF));
            Files.copy(HAND_COUNTED.resolve("cardiff-and-vale").resolve(VALE), inbox.resolve(VALE));

            // then each is answered with its receipt at the next poll, well before the nightly run, and nothing is
            // published by a poll
            Path receipts = work.resolve("receipts/cardiff-and-vale");
            awaitFile(receipts, CARDIFF + ".receipt-", Duration.ofMinutes(2), service);
            awaitFile(receipts, VALE + ".receipt-", Duration.ofMinutes(2), service);
            assertThat(Instant.now()).as("answered before the nightly run").isBefore(nightly.toInstant());
            assertThat(work.resolve("releases/LATEST")).doesNotExist();
            assertThat(service.output()).contains("(inbox only: no release)");

            // and the release appears when the nightly run is due
            awaitFile(work.resolve("releases"), "LATEST", Duration.ofMinutes(3), service);
            assertThat(Instant.now()).isAfterOrEqualTo(nightly.toInstant());
            String release = Files.readString(work.resolve("releases/LATEST")).strip();
            assertThat(work.resolve("releases").resolve(release).resolve("aggregates.csv")).exists();
        } finally {
            service.stop();
            service.awaitExit(Duration.ofMinutes(2));
        }
    }

    @Test
    void aStopInTheMiddleOfAFileCheckpointsItAndTheNextStartFinishesIt(@TempDir Path root) throws Exception {
        // given the service, told to pause in the middle of a file (after its first chunk of two rows), and a file
        // of 14 rows (12 good, 2 bad) dropped in its inbox
        String schema = newSchema();
        Path work = root.resolve("work");
        Path inbox = Files.createDirectories(work.resolve("inbox/cardiff-and-vale"));
        Files.copy(HAND_COUNTED.resolve("cardiff-and-vale").resolve(CARDIFF), inbox.resolve(CARDIFF));
        PipelineProcess first = PipelineProcess.start(root.resolve("first.log"), "512m", List.of("serve"),
                settings(root, schema, "activeoffer.chunk-size=2", "activeoffer.testing.pause-at=in-file"));
        first.awaitLine("Paused at 'in-file'", Duration.ofMinutes(2));

        // when it is stopped with SIGTERM in the middle of the file
        first.stop();
        first.awaitExit(Duration.ofMinutes(2));

        // then it stopped at the checkpoint: the first chunk is stored, the file is still in the inbox, unanswered
        assertThat(first.output()).contains("stop at its next checkpoint").contains("Stopped");
        assertThat(count(schema, "SELECT count(*) FROM offer_record")).isEqualTo(2);
        assertThat(count(schema, "SELECT count(*) FROM submission WHERE status = 'RECEIVED'")).isEqualTo(1);
        assertThat(inbox.resolve(CARDIFF)).exists();
        assertThat(work.resolve("receipts/cardiff-and-vale")).doesNotExist();

        // and the next start finishes it: every row once, one submission, one receipt
        PipelineProcess second = PipelineProcess.start(root.resolve("second.log"), "512m", List.of("serve"),
                settings(root, schema));
        try {
            awaitFile(work.resolve("receipts/cardiff-and-vale"), CARDIFF + ".receipt-", Duration.ofMinutes(2), second);
            second.awaitLine("Inbox run \\d+ COMPLETED", Duration.ofMinutes(1));
            assertThat(count(schema, "SELECT count(*) FROM offer_record")).isEqualTo(12);
            assertThat(count(schema, "SELECT count(*) FROM rejected_row")).isEqualTo(2);
            assertThat(count(schema, "SELECT count(*) FROM submission")).isEqualTo(1);
            assertThat(count(schema, "SELECT count(*) FROM submission WHERE status = 'INGESTED'")).isEqualTo(1);
            assertThat(inbox.resolve(CARDIFF)).doesNotExist();
        } finally {
            second.stop();
            second.awaitExit(Duration.ofMinutes(2));
        }
    }

    private static int count(String schema, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL + "?currentSchema="
                + schema, TestDatabases.POSTGRES_USER, ""); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Waits until a file whose name starts with {@code prefix} is in {@code folder}. */
    private static void awaitFile(Path folder, String prefix, Duration timeout, PipelineProcess service)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.anyMatch(f -> f.getFileName().toString().startsWith(prefix)
                            && !f.getFileName().toString().endsWith(".part"))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No " + prefix + "* in " + folder + " within " + timeout + ":\n" + service.output());
    }
}
