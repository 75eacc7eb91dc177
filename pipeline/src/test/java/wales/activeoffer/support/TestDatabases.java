package wales.activeoffer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where integration tests keep their state: a fresh work root each, and either a fresh schema in the real PostgreSQL
 * at 127.0.0.1:5432/test or the embedded H2 default under the work root.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String POSTGRES_USER = "postgres";

    private TestDatabases() {
    }

    public static Path newWorkRoot(String name) {
        try {
            return Files.createTempDirectory("activeoffer-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String newSchemaName() {
        return "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static void usePostgres(DynamicPropertyRegistry registry, String schema) {
        registry.add("spring.datasource.url", () -> POSTGRES_URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> POSTGRES_USER);
        registry.add("spring.flyway.schemas", () -> schema);
    }

    /**
     * The settings ({@code name=value}) of a pipeline process or command line on its own schema of the real
     * PostgreSQL and its own work root, with a test child key and no settling time for the inbox.
     */
    public static List<String> postgresSettings(Path workRoot, String schema) {
        return new ArrayList<>(List.of(
                "spring.datasource.url=" + POSTGRES_URL + "?currentSchema=" + schema,
                "spring.datasource.username=" + POSTGRES_USER,
                "spring.flyway.schemas=" + schema,
                "activeoffer.work-root=" + workRoot,
                "activeoffer.mappings-dir=" + RepoPaths.mappings(),
                "activeoffer.child-key.secret=process-test-secret-that-is-long-enough",
                "activeoffer.inbox-settle-seconds=0"));
    }

    public static void dropPostgresSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    public static void common(DynamicPropertyRegistry registry, Path workRoot, Path seedFrom) {
        registry.add("activeoffer.work-root", workRoot::toString);
        registry.add("activeoffer.mappings-dir", () -> RepoPaths.mappings().toString());
        registry.add("activeoffer.seed-from", seedFrom::toString);
        registry.add("activeoffer.run-on-start", () -> "false");
        registry.add("activeoffer.inbox-settle-seconds", () -> "0");
        registry.add("activeoffer.child-key.secret", () -> "integration-test-secret-that-is-long-enough");
    }

    /** The first column of the first row of a query on a schema of the real PostgreSQL, as a number. */
    public static long count(String schema, String sql) throws SQLException {
        List<String> rows = rows(schema, sql);
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0));
    }

    /** Every row of a query on a schema of the real PostgreSQL, its columns joined by " | ". */
    public static List<String> rows(String schema, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL + "?currentSchema=" + schema,
                POSTGRES_USER, ""); ResultSet result = connection.createStatement().executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c == 1 ? "" : " | ").append(result.getString(c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
