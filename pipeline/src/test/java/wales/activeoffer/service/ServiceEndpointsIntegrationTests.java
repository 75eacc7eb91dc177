package wales.activeoffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.support.PipelineProcess;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TcpProxy;
import wales.activeoffer.support.TestDatabases;

/**
 * Service mode's Actuator endpoints, on a real process whose PostgreSQL connection runs through a proxy the test can
 * cut: health is UP with the service's own parts, the metrics count the files answered, no endpoint returns record
 * data, only health and metrics are exposed, on localhost; and health goes DOWN when the database is unreachable.
 */
class ServiceEndpointsIntegrationTests {
    private static final String SCHEMA = TestDatabases.newSchemaName();
    private static final Path CARDIFF = RepoPaths.root()
            .resolve("pipeline/src/test/resources/inboxes/hand-counted/cardiff-and-vale/cardiff-active-offer-2024-25.csv");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(SCHEMA);
    }

    @Test
    void healthAndMetricsTellTheStateWithoutRecordDataAndHealthGoesDownWithTheDatabase(@TempDir Path root)
            throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/actuator";
        try (TcpProxy database = TcpProxy.to("127.0.0.1", 5432)) {
            // given the service, reaching PostgreSQL through the proxy
            List<String> settings = TestDatabases.postgresSettings(root.resolve("work"), SCHEMA);
            settings.replaceAll(s -> s.startsWith("spring.datasource.url=") ? "spring.datasource.url="
                    + "jdbc:postgresql://127.0.0.1:" + database.port() + "/test?currentSchema=" + SCHEMA : s);
            settings.addAll(List.of("server.port=" + port, "activeoffer.service.poll-interval=PT1S",
                    "spring.datasource.hikari.connection-timeout=2000",
                    "spring.datasource.hikari.validation-timeout=1000", "logging.structured.format.console=ecs"));
            PipelineProcess service = PipelineProcess.start(root.resolve("service.log"), "512m", List.of("serve"),
                    settings);
            try {
                service.awaitLine("Started ActiveOfferApplication", Duration.ofMinutes(2));

                // when Cardiff's return (12 good rows, 2 bad) is dropped and answered
                Path inbox = Files.createDirectories(root.resolve("work/inbox/cardiff-and-vale"));
                Files.copy(CARDIFF, inbox.resolve(CARDIFF.getFileName()));
                service.awaitLine("Inbox run \\d+ COMPLETED: 1 file", Duration.ofMinutes(2));

                // then health is UP with the database and the service's own parts
                HttpResponse<String> health = get(base + "/health");
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                JsonNode status = json(health.body());
                assertThat(status.get("status").asString()).isEqualTo("UP");
                assertThat(status.get("components").get("db").get("status").asString()).isEqualTo("UP");
                assertThat(status.get("components").get("inbox").get("status").asString())
                        .isEqualTo("UP");
                assertThat(status.get("components").get("lastRun").get("details").get("status")
                        .asString()).isEqualTo("COMPLETED");
                assertThat(status.get("components").get("runLock").get("details").get("lock")
                        .asString()).isEqualTo("free");

                // and the metrics count the file and its rows, and what waits
                assertThat(measurement(base, "activeoffer.files")).isEqualTo(1.0);
                assertThat(measurement(base, "activeoffer.rows.accepted")).isEqualTo(12.0);
                assertThat(measurement(base, "activeoffer.rows.rejected")).isEqualTo(2.0);
                assertThat(measurement(base, "activeoffer.inbox.waiting")).isEqualTo(0.0);

                // and only health and metrics are exposed, and none of them returns record data
                Map<String, String> bodies = new LinkedHashMap<>();
                for (String path : List.of("", "/health", "/metrics", "/metrics/activeoffer.files",
                        "/metrics/activeoffer.rows.accepted", "/metrics/activeoffer.run.duration")) {
                    HttpResponse<String> response = get(base + path);
                    assertThat(response.statusCode()).as(path).isEqualTo(200);
                    bodies.put(path, response.body());
                }
                for (String hidden : List.of("/env", "/beans", "/configprops", "/heapdump", "/loggers")) {
                    assertThat(get(base + hidden).statusCode()).as(hidden).isEqualTo(404);
                }
                List<String> childData = new ArrayList<>(childKeys());
                for (int i = 1; i <= 14; i++) {
                    childData.add(String.format("P%03d", i));
                }
                bodies.forEach((path, body) -> assertThat(childData).as(path).noneMatch(body::contains));

                // and the log is structured (ECS JSON, a line per event) and holds no record data either
                List<String> events = service.output().lines().filter(l -> l.startsWith("{")).toList();
                assertThat(events).isNotEmpty().allSatisfy(line -> assertThat(json(line).has("@timestamp")).isTrue());
                assertThat(events).anySatisfy(line -> assertThat(json(line).get("message").asString())
                        .startsWith("Inbox run "));
                assertThat(childData).noneMatch(service.output()::contains);

                // when the database becomes unreachable, then health goes DOWN, naming the database
                database.close();
                HttpResponse<String> down = awaitHealth(base, 503);
                assertThat(json(down.body()).get("components").get("db").get("status").asString()).isEqualTo("DOWN");
            } finally {
                service.stop();
                service.awaitExit(Duration.ofMinutes(2));
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) {
        return JsonMapper.builder().build().readTree(body);
    }

    private double measurement(String base, String metric) throws Exception {
        HttpResponse<String> response = get(base + "/metrics/" + metric);
        assertThat(response.statusCode()).as(metric + ": " + response.body()).isEqualTo(200);
        return json(response.body()).get("measurements").get(0).get("value").asDouble();
    }

    /** Waits for the health endpoint to answer with {@code status}: the pool notices the lost database. */
    private HttpResponse<String> awaitHealth(String base, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        HttpResponse<String> response = get(base + "/health");
        while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            response = get(base + "/health");
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static List<String> childKeys() throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL + "?currentSchema="
                + SCHEMA, TestDatabases.POSTGRES_USER, ""); ResultSet rs = connection.createStatement()
                        .executeQuery("SELECT child_key FROM offer_record")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        assertThat(keys).hasSize(12);
        return keys;
    }
}
