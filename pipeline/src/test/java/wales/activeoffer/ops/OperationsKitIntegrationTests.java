package wales.activeoffer.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.PipelineProcess;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;

/**
 * The operations kit in {@code ops/} as an operator uses it: the roles' SQL applied with psql to the real PostgreSQL,
 * the pipeline run as the loader role (with migrations as the owner), the analysts' role reading the publication and
 * nothing else; and the systemd units checked by {@code systemd-analyze verify}.
 */
class OperationsKitIntegrationTests {
    private static final Path OPS = RepoPaths.root().resolve("ops");
    private static final String SCHEMA = TestDatabases.newSchemaName();
    private static final String NEWPORT = "WCCIS_ActiveOffer_W06000022_2024-25.csv";

    @AfterAll
    static void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(SCHEMA);
    }

    @Test
    void theLoaderRoleRunsThePipelineAndTheReaderRoleReadsOnlyThePublication(@TempDir Path root) throws Exception {
        // given a new schema, owned by the superuser that runs the migrations, and the loader role's SQL applied
        sql("postgres", "CREATE SCHEMA " + SCHEMA);
        psql("postgres-loader-role.sql", "loader_password");

        // when the pipeline runs as the loader role, with its migrations as the owner
        Path gwent = Files.createDirectories(root.resolve("work/inbox/gwent"));
        Files.copy(RepoPaths.sampleData().resolve("inbox/gwent").resolve(NEWPORT), gwent.resolve(NEWPORT));
        List<String> settings = new ArrayList<>(TestDatabases.postgresSettings(root.resolve("work"), SCHEMA));
        settings.replaceAll(s -> s.startsWith("spring.datasource.username=")
                ? "spring.datasource.username=activeoffer_loader" : s);
        settings.add("spring.flyway.user=" + TestDatabases.POSTGRES_USER);
        PipelineProcess run = PipelineProcess.start(root.resolve("run.log"), settings);

        // then it takes the file in and publishes
        assertThat(run.awaitExit(Duration.ofMinutes(4))).as(run.output()).isZero();
        assertThat(count("activeoffer_loader", "SELECT count(*) FROM offer_record")).isPositive();
        assertThat(count("activeoffer_loader", "SELECT count(*) FROM publication_aggregate")).isPositive();
        // and it cannot change the schema
        assertThatThrownBy(() -> sql("activeoffer_loader", "CREATE TABLE " + SCHEMA + ".extra (id INT)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");

        // when the analysts' role is applied, then it reads the publication, and cannot write it or read the store
        psql("postgres-readonly-role.sql", "reader_password");
        assertThat(count("activeoffer_reader", "SELECT count(*) FROM publication_aggregate")).isPositive();
        assertThatThrownBy(() -> sql("activeoffer_reader", "DELETE FROM publication_aggregate"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        for (String table : List.of("offer_record", "submission", "rejected_row", "row_issue")) {
            assertThatThrownBy(() -> count("activeoffer_reader", "SELECT count(*) FROM " + table)).as(table)
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }

        // and when the database and the files are backed up, restored elsewhere and checked, they match; a file
        // changed after the restore is found
        Path backup = root.resolve("backup");
        Path restored = root.resolve("restored");
        String database = "restore_" + SCHEMA;
        sql("postgres", "CREATE DATABASE " + database);
        try {
            assertThat(script("backup.sh", "test", root.resolve("work").toString(), backup.toString()))
                    .startsWith("Backed up schema " + SCHEMA + " and ");
            assertThat(script("restore.sh", database, backup.toString(), restored.toString())).contains("Restored ");
            assertThat(script("check-restore.sh", database, backup.toString(), restored.toString()))
                    .startsWith("The restore matches the backup: every table count and all ");
            Path receipt;
            try (var receipts = Files.walk(restored.resolve("receipts"))) {
                receipt = receipts.filter(f -> f.toString().endsWith(".txt")).findFirst().orElseThrow();
            }
            Files.writeString(receipt, "tampered");
            Process check = scriptProcess("check-restore.sh", database, backup.toString(), restored.toString());
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(output).isEqualTo(1);
            assertThat(output).contains("changed: " + restored.relativize(receipt))
                    .contains("The restore differs from the backup in 1 place(s).");
        } finally {
            sql("postgres", "DROP DATABASE IF EXISTS " + database);
        }
    }

    /** Runs an ops/ script against a database of the test server, the schema on the search path; its output. */
    private static String script(String name, String database, String... args) throws Exception {
        Process process = scriptProcess(name, database, args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(name + ": " + output).isZero();
        return output;
    }

    private static Process scriptProcess(String name, String database, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", OPS.resolve(name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGUSER", TestDatabases.POSTGRES_USER,
                "PGDATABASE", database, "PGOPTIONS", "-c search_path=" + SCHEMA));
        return builder.start();
    }

    @Test
    void theSystemdUnitsPassSystemdAnalyzeVerify(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (String unit : List.of("activeoffer.service", "activeoffer-nightly.service", "activeoffer-nightly.timer")) {
            command.add(Files.copy(OPS.resolve(unit), dir.resolve(unit)).toString());
        }
        Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).as("no warning").isBlank();
    }

    /** Applies an ops/ SQL file with psql, as the owner, in the schema, as the runbook says. */
    private static void psql(String file, String passwordVariable) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", TestDatabases.POSTGRES_USER,
                "-d", "test", "-v", "ON_ERROR_STOP=1", "-v", passwordVariable + "='not-used-with-trust'", "-f",
                OPS.resolve(file).toString()).redirectErrorStream(true);
        builder.environment().put("PGOPTIONS", "-c search_path=" + SCHEMA);
        Process psql = builder.start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(psql.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(psql.exitValue()).as(output).isZero();
    }

    private static void sql(String user, String statement) throws SQLException {
        try (Connection connection = connect(user)) {
            connection.createStatement().execute(statement);
        }
    }

    private static long count(String user, String query) throws SQLException {
        try (Connection connection = connect(user); var rs = connection.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(String user) throws SQLException {
        if (user.equals("postgres")) {
            return DriverManager.getConnection(TestDatabases.POSTGRES_URL, user, "");
        }
        return DriverManager.getConnection(TestDatabases.POSTGRES_URL + "?currentSchema=" + SCHEMA, user, "");
    }
}
