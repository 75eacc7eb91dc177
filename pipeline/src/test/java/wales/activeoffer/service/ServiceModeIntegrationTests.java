package wales.activeoffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
        // given the service, with the nightly run scheduled 60 seconds from now (London time)
        ZonedDateTime nightly = ZonedDateTime.now(ZoneId.of("Europe/London")).plusSeconds(60).withNano(0);
        String cron = nightly.getSecond() + " " + nightly.getMinute() + " " + nightly.getHour() + " * * *";
        String schema = newSchema();
        PipelineProcess service = PipelineProcess.start(root.resolve("service.log"), "512m", List.of("serve"),
                settings(root, schema, "activeoffer.service.cron=" + cron));
        try {
            service.awaitLine(Pattern.quote("Serving: the nightly run at '" + cron + "' (Europe/London)"),
                    Duration.ofMinutes(2));
            Path work = root.resolve("work");

            // when a second service is started on the same work root and database, on another port, then it refuses
            // in one line with exit code 3, before it opens its port
            int otherPort;
            try (ServerSocket free = new ServerSocket(0)) {
                otherPort = free.getLocalPort();
            }
            PipelineProcess second = PipelineProcess.start(root.resolve("second.log"), "512m", List.of("serve"),
                    settings(root, schema, "activeoffer.service.cron=" + cron, "server.port=" + otherPort));
            assertThat(second.awaitExit(Duration.ofMinutes(2))).as(second.output()).isEqualTo(3);
            assertThat(second.output().lines().filter(l -> l.startsWith("The pipeline could not start"))).containsExactly(
                    "The pipeline could not start: A service of the pipeline is already running on the work root "
                            + "activeoffer.work-root=" + work + "; this one did not start. Stop that service first, or "
                            + "give this one its own work root and database.");
            assertThat(second.output()).doesNotContain("\tat ").doesNotContain("Tomcat started")
                    .doesNotContain("Serving:");

            // and so does one on its own work root but the same database, naming the database
            PipelineProcess sameDatabase = PipelineProcess.start(root.resolve("same-database.log"), "512m",
                    List.of("serve"), settings(root.resolve("elsewhere"), schema, "server.port=" + otherPort));
            assertThat(sameDatabase.awaitExit(Duration.ofMinutes(2))).as(sameDatabase.output()).isEqualTo(3);
            assertThat(sameDatabase.output().lines().filter(l -> l.startsWith("The pipeline could not start")))
                    .singleElement().asString().startsWith("The pipeline could not start: A service of the pipeline is "
                            + "already running on the database at spring.datasource.url=jdbc:postgresql://");

            // and a one-shot run beside the service refuses too, in one line, touching nothing
            PipelineProcess oneShot = PipelineProcess.start(root.resolve("one-shot.log"), "512m", List.of("run"),
                    settings(root, schema));
            assertThat(oneShot.awaitExit(Duration.ofMinutes(2))).as(oneShot.output()).isEqualTo(3);
            assertThat(oneShot.output()).contains("A service of the pipeline is already running on the work root "
                    + "activeoffer.work-root=" + work + "; this one did not start.").doesNotContain("\tat ");

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

    private static long count(String schema, String sql) throws Exception {
        return TestDatabases.count(schema, sql);
    }

    private static void awaitFile(Path folder, String prefix, Duration timeout, PipelineProcess service)
            throws Exception {
        service.awaitFile(folder, prefix, timeout);
    }
}
