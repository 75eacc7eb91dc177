package wales.activeoffer.job;

import java.nio.file.Files;
import java.nio.file.Path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;

/** The hand-counted scenario against the real PostgreSQL, in a schema of its own. */
class HandCountedInboxPostgresIntegrationTests extends HandCountedInboxScenario {
    static final Path WORK_ROOT = TestDatabases.newWorkRoot("hand-counted-pg");
    static final String SCHEMA = TestDatabases.newSchemaName();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.common(registry, WORK_ROOT, INBOX);
        TestDatabases.usePostgres(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(SCHEMA);
    }

    @Test
    @Order(12)
    void theReadOnlyRoleReadsThePublicationTablesAndNothingElse() throws Exception {
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", TestDatabases.POSTGRES_USER, "-d", "test",
                "-v", "ON_ERROR_STOP=1", "-v", "reader_password='reader-test'",
                "-c", "SET search_path TO " + SCHEMA, "-f",
                RepoPaths.root().resolve("ops/postgres-readonly-role.sql").toString())
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        assertThat(psql.waitFor()).as(output).isZero();

        try (Connection reader = DriverManager.getConnection(TestDatabases.POSTGRES_URL + "?currentSchema=" + SCHEMA,
                "activeoffer_reader", "reader-test")) {
            try (ResultSet rs = reader.createStatement().executeQuery("""
                    SELECT figure, symbol FROM publication_latest_aggregate WHERE geography_code = 'cardiff-and-vale'
                    AND period = '2024-25' AND eligibility_route = 'all' AND statistic = 'offers'""")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1) == null ? rs.getString(2) : String.valueOf(Math.round(rs.getDouble(1))))
                        .as("as in the public CSV").isEqualTo(published.value("region", "cardiff-and-vale",
                                "financial_year", "2024-25", "all", "take_up", "offers", "", ""));
            }
            try (ResultSet rs = reader.createStatement().executeQuery("""
                    SELECT figure FROM publication_latest_aggregate WHERE geography_code = 'cwm-taf'
                    AND period = '2019-20' AND eligibility_route = 'all' AND statistic = 'meetings_accepted'""")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isZero();
            }
            for (String protectedTable : List.of("offer_record", "rejected_row", "row_issue", "submission",
                    "protected_aggregate", "publication_offer_record", "officials_aggregate")) {
                assertThatThrownBy(() -> reader.createStatement().executeQuery("SELECT * FROM " + protectedTable))
                        .as(protectedTable).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
    }

    @Test
    @Order(13)
    void theOfficialsDatasetIsReadOnlyWithTheRunbooksGrant() throws Exception {
        // given the read-only role, which cannot read the officials' exact figures (above)
        // when the runbook's grant for the officials' own role is applied
        String runbook = Files.readString(RepoPaths.root().resolve("ops/RUNBOOK.md"));
        String grant = runbook.substring(runbook.indexOf("<!-- officials-grant -->"));
        grant = grant.substring(grant.indexOf("```sql") + 6, grant.indexOf("```", grant.indexOf("```sql") + 6)).strip();
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", TestDatabases.POSTGRES_USER, "-d", "test",
                "-v", "ON_ERROR_STOP=1", "-c", "SET search_path TO " + SCHEMA + "; " + grant.replace(
                        "activeoffer_officials", "activeoffer_reader")).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        assertThat(psql.waitFor()).as(output).isZero();

        // then the role reads them, exactly as the officials' CSV has them
        String dataset = Path.of(firstRun.officialsFolder()).getFileName().toString();
        try (Connection reader = DriverManager.getConnection(TestDatabases.POSTGRES_URL + "?currentSchema=" + SCHEMA,
                "activeoffer_reader", "reader-test"); var query = reader.prepareStatement("""
                        SELECT figure FROM officials_aggregate WHERE release_name = ? AND geography_code = ?
                        AND period = '2024-25' AND eligibility_route = 'all' AND statistic = 'offers'""")) {
            query.setString(1, dataset);
            query.setString(2, "cardiff-and-vale");
            ResultSet rs = query.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(1)).as("Cardiff and the Vale's 14 offers of 2024-25, exact").isEqualTo(14.0);
        }
    }
}
