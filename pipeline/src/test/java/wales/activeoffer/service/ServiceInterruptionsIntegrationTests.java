package wales.activeoffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.job.PipelineCommandLine;
import wales.activeoffer.support.PipelineProcess;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TcpProxy;
import wales.activeoffer.support.TestDatabases;

/**
 * The service interrupted as an operator's machine interrupts it, in real processes on the real PostgreSQL: stopped
 * with SIGTERM (as systemd does at every restart) or killed with {@code kill -9} in the middle of a file, once or twice
 * in one run, and cut off from its database for 30 seconds in the middle of a file. Each time, the end state is
 * that of one uninterrupted one-shot run over the same files: the same records and rejected rows, one receipt a file,
 * nothing quarantined. Every wait is for a line in the log, a file or an answer, never a fixed sleep; the one span of
 * time is the cut itself.
 */
class ServiceInterruptionsIntegrationTests {
    private static final Duration STEP = Duration.ofMinutes(2);
    private static final List<String> SCHEMAS = new ArrayList<>();
    /** Every stored record, by file and place, with what it says; the child key is the same HMAC in each schema. */
    private static final String RECORDS = """
            SELECT s.file_name, r.source_sheet, r.source_row, r.child_key, r.authority_code, r.eligibility_route,
                   r.date_offer, r.offer_response, r.meeting_outcome, r.refusal_reason, r.referral_source,
                   r.working_days_to_meeting, r.flagged
            FROM offer_record r JOIN submission s ON s.id = r.submission_id ORDER BY 1, 2, 3""";
    private static final String REJECTED = """
            SELECT s.file_name, r.source_sheet, r.source_row FROM rejected_row r JOIN submission s
            ON s.id = r.submission_id ORDER BY 1, 2, 3""";
    private static final String SUBMISSIONS = "SELECT sub_folder, file_name, status FROM submission ORDER BY 2, 1";
    private static Path oneShotWork;
    private static String oneShotSchema;

    /** The yardstick: one uninterrupted one-shot run over the hand-counted inbox. */
    @BeforeAll
    static void oneShotRun(@TempDir Path root) throws Exception {
        oneShotWork = root.resolve("work");
        oneShotSchema = newSchema();
        copyInbox(oneShotWork);
        PipelineProcess run = PipelineProcess.start(root.resolve("one-shot.log"), "512m", List.of("run"),
                TestDatabases.postgresSettings(oneShotWork, oneShotSchema));
        assertThat(run.awaitExit(STEP)).as(run.output()).isEqualTo(PipelineCommandLine.COMPLETED_WITH_REFUSED_FILES);
        assertThat(TestDatabases.rows(oneShotSchema, RECORDS)).as("Cardiff 12, Vale 2, Bridgend 2").hasSize(16);
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        for (String schema : SCHEMAS) {
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @ParameterizedTest(name = "{0} x{1}")
    @CsvSource({"SIGTERM, 1", "SIGTERM, 2", "kill -9, 2"})
    void aServiceInterruptedInTheMiddleOfAFileFinishesTheRunAsIfNothingHadHappened(String how, int times,
            @TempDir Path root) throws Exception {
        // given the hand-counted inbox and a service told to pause in the middle of a file (after a chunk of two rows)
        String schema = newSchema();
        Path work = root.resolve("work");
        copyInbox(work);

        // when it is interrupted there, then started again, as many times
        for (int i = 1; i <= times; i++) {
            PipelineProcess interrupted = PipelineProcess.start(root.resolve("interrupted-" + i + ".log"), "512m",
                    List.of("serve"), settings(work, schema, "activeoffer.testing.pause-at=in-file"));
            interrupted.awaitLine("Paused at 'in-file'", STEP);
            if (how.equals("SIGTERM")) {
                interrupted.stop();
                interrupted.awaitExit(STEP);
                assertThat(interrupted.output()).contains("stop at its next checkpoint; the next start finishes it");
            } else {
                interrupted.killHard();
            }
        }
        PipelineProcess last = PipelineProcess.start(root.resolve("last.log"), "512m", List.of("serve"),
                settings(work, schema));
        try {
            last.awaitLine("Inbox run \\d+ COMPLETED", STEP);
        } finally {
            last.stop();
            last.awaitExit(STEP);
        }

        // then the run was finished, not given up: every file has one receipt, nothing is quarantined, and the store
        // holds what the one-shot run stored
        assertThat(last.output()).doesNotContain("abandoned").doesNotContain("quarantined")
                .doesNotContain("JobExecutionAlreadyRunningException");
        assertSameAsTheOneShotRun(work, schema);
    }

    @Test
    void aDatabaseCutInTheMiddleOfAFilePausesTheRunHealthSaysDownAtOnceAndTheRunFinishesWhenItReturns(
            @TempDir Path root) throws Exception {
        // given the service, reaching PostgreSQL through a proxy the test can cut, paused in the middle of a file
        String schema = newSchema();
        Path work = root.resolve("work");
        copyInbox(work);
        Path resume = root.resolve("resume");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String health = "http://127.0.0.1:" + port + "/actuator/health";
        HttpClient http = HttpClient.newHttpClient();
        try (TcpProxy database = TcpProxy.to("127.0.0.1", 5432)) {
            List<String> settings = settings(work, schema, "activeoffer.testing.pause-at=in-file",
                    "activeoffer.testing.resume-when=" + resume, "activeoffer.service.retry-limit=PT2S",
                    "server.port=" + port, "spring.datasource.hikari.connection-timeout=2000");
            settings.replaceAll(s -> s.startsWith("spring.datasource.url=") ? "spring.datasource.url="
                    + "jdbc:postgresql://127.0.0.1:" + database.port() + "/test?currentSchema=" + schema : s);
            PipelineProcess service = PipelineProcess.start(root.resolve("service.log"), "512m", List.of("serve"),
                    settings);
            try {
                service.awaitLine("Paused at 'in-file'", STEP);
                assertThat(get(http, health).statusCode()).isEqualTo(200);

                // when the database is cut off, and the file goes on
                database.cut();
                Instant cut = Instant.now();
                Files.writeString(resume, "go on\n");

                // then health answers within 5 seconds every time, and says DOWN, naming the database, within 10
                HttpResponse<String> answer = get(http, health);
                while (answer.statusCode() != 503) {
                    assertThat(Duration.between(cut, Instant.now())).as("DOWN within 10 s of the cut")
                            .isLessThan(Duration.ofSeconds(10));
                    answer = get(http, health);
                }
                assertThat(Duration.between(cut, Instant.now())).isLessThan(Duration.ofSeconds(10));
                assertThat(JsonMapper.builder().build().readTree(answer.body()).get("components").get("db")
                        .get("status").asString()).isEqualTo("DOWN");

                // and the run pauses, blaming no file
                service.awaitLine("The inbox run is paused: .*no file was quarantined", STEP);

                // and health keeps answering within 5 seconds, DOWN, for as long as the cut lasts (30 seconds)
                while (Duration.between(cut, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
                    assertThat(get(http, health).statusCode()).isEqualTo(503);
                }

                // when the database returns, then the run resumes and finishes
                database.restore();
                service.awaitLine("Inbox run \\d+ COMPLETED", STEP);
                assertThat(get(http, health).statusCode()).isEqualTo(200);
            } finally {
                service.stop();
                service.awaitExit(STEP);
            }
            assertThat(service.output()).doesNotContain("quarantined:").doesNotContain("abandoned");
        }

        // and the end state is the one-shot run's, and no lead was told their file could not be processed
        assertSameAsTheOneShotRun(work, schema);
        for (Path receipt : receipts(work)) {
            assertThat(Files.readString(receipt)).as(receipt.toString()).doesNotContain("Could not be processed");
        }
    }

    /** A GET that must be answered within 5 seconds. */
    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        Instant asked = Instant.now();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(Duration.between(asked, Instant.now())).as("health answered within 5 s: " + response.body())
                .isLessThan(Duration.ofSeconds(5));
        return response;
    }

    private static void assertSameAsTheOneShotRun(Path work, String schema) throws Exception {
        assertThat(TestDatabases.rows(schema, RECORDS)).as("records").isEqualTo(TestDatabases.rows(oneShotSchema, RECORDS));
        assertThat(TestDatabases.rows(schema, REJECTED)).as("rejected rows")
                .isEqualTo(TestDatabases.rows(oneShotSchema, REJECTED));
        assertThat(TestDatabases.rows(schema, SUBMISSIONS)).as("one submission a file, none quarantined")
                .isEqualTo(TestDatabases.rows(oneShotSchema, SUBMISSIONS)).noneMatch(s -> s.endsWith("QUARANTINED"));
        assertThat(receiptNames(work)).as("one receipt a file").isEqualTo(receiptNames(oneShotWork));
        assertThat(work.resolve("quarantine")).doesNotExist();
        try (Stream<Path> left = Files.walk(work.resolve("inbox"))) {
            assertThat(left.filter(Files::isRegularFile)).as("nothing left in the inbox").isEmpty();
        }
    }

    /** Each receipt letter's place and file name, without its run stamp. */
    private static List<String> receiptNames(Path work) throws Exception {
        return receipts(work).stream().map(r -> work.resolve("receipts").relativize(r).toString()
                .replaceAll("\\.receipt-.*", "")).sorted().toList();
    }

    private static List<Path> receipts(Path work) throws Exception {
        try (Stream<Path> files = Files.walk(work.resolve("receipts"))) {
            return files.filter(f -> f.toString().endsWith(".txt") && !f.startsWith(work.resolve("receipts/runs")))
                    .sorted().toList();
        }
    }

    private static void copyInbox(Path work) throws Exception {
        FileSystemUtils.copyRecursively(RepoPaths.root().resolve("pipeline/src/test/resources/inboxes/hand-counted"),
                work.resolve("inbox"));
    }

    private static List<String> settings(Path work, String schema, String... more) {
        List<String> settings = TestDatabases.postgresSettings(work, schema);
        settings.addAll(List.of("activeoffer.service.poll-interval=PT1S", "activeoffer.chunk-size=2"));
        settings.addAll(List.of(more));
        if (settings.stream().noneMatch(s -> s.startsWith("server.port="))) {
            settings.add("server.port=0");
        }
        return settings;
    }

    private static String newSchema() {
        String schema = TestDatabases.newSchemaName();
        SCHEMAS.add(schema);
        return schema;
    }
}
