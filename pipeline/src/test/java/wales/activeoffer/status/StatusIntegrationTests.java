package wales.activeoffer.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.store.SubmissionStore;
import wales.activeoffer.support.InProcessPipeline;
import wales.activeoffer.support.InProcessPipeline.Outcome;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;

/**
 * {@code status} against a real store: one authority's return taken in, another authority that has sent nothing, a
 * file waiting in the inbox and a file quarantined; as text and as JSON, as the command line prints them.
 */
class StatusIntegrationTests {
    private static final String SCHEMA = TestDatabases.newSchemaName();
    private static final String NEWPORT = "WCCIS_ActiveOffer_W06000022_2024-25.csv";

    @AfterAll
    static void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(SCHEMA);
    }

    @Test
    void statusTellsTheLastRunEachAuthoritysGapsAndTheFilesWaitingOrQuarantined(@TempDir Path root) throws Exception {
        // given Newport's return taken in by a run
        Path gwent = Files.createDirectories(root.resolve("inbox/gwent"));
        Files.copy(RepoPaths.sampleData().resolve("inbox/gwent").resolve(NEWPORT), gwent.resolve(NEWPORT));
        InProcessPipeline pipeline = new InProcessPipeline(root, SCHEMA);
        assertThat(pipeline.run().exitCode()).isZero();
        // and a file the data team must look at, and a late return from Torfaen waiting for the next run
        JdbcTemplate jdbc = jdbc();
        SubmissionStore store = new SubmissionStore(jdbc, new TransactionTemplate(
                new DataSourceTransactionManager(jdbc.getDataSource())));
        long stuck = store.register("gwent", null, "explodes.csv", "0".repeat(64), 10, LocalDateTime.now(), 99);
        store.markQuarantined(stuck, "simulated");
        Files.writeString(Files.createDirectories(gwent.resolve("Torfaen")).resolve("late return.csv"), "x\n");
        String first = jdbc.queryForObject("SELECT MIN(quarter) FROM offer_record", String.class);
        List<String> newportQuarters = jdbc.queryForList("SELECT DISTINCT quarter FROM offer_record ORDER BY quarter",
                String.class);

        // when the person on call asks for the status, as text and as JSON
        Outcome text = pipeline.command("status");
        Outcome json = pipeline.command("status", "--json");

        // then the text says what ran, what waits, what is quarantined, and what each authority has not sent
        assertThat(text.exitCode()).isZero();
        assertThat(text.output()).contains("Last run:      run 1 (").contains("), completed, started ")
                .contains("Officials' nightly dataset (restricted):  2").contains("Last public release:  2")
                .containsPattern("Next public release:  \\d{4}-\\d{2}-\\d{2}\n").contains("Waiting in the inbox: 1\n  gwent/Torfaen/late return.csv\n")
                .contains("Quarantined (the data team must look): 1\n  gwent/explodes.csv, received ")
                .contains("\nGwent (gwent)\n  last file: 'explodes.csv' received ")
                .contains("  Newport: last records from '" + NEWPORT + "' received ")
                .contains("  Torfaen: no records yet; missing " + first + ", ");
        assertThat(text.output()).doesNotContainPattern("Newport: .*missing .*" + newportQuarters.get(0) + "\\b");

        // and the JSON says the same for machines, with no record data in it
        JsonNode status = JsonMapper.builder().build().readTree(json.output().substring(json.output().indexOf('{'),
                json.output().lastIndexOf('}') + 1));
        assertThat(status.get("lastRun").get("outcome").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("nextPublicRelease").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(status.get("waiting").get(0).asString()).isEqualTo("gwent/Torfaen/late return.csv");
        assertThat(status.get("quarantined").get(0).get("file").asString()).isEqualTo("explodes.csv");
        JsonNode gwentStatus = status.get("regions").valueStream()
                .filter(r -> r.get("code").asString().equals("gwent")).findFirst().orElseThrow();
        JsonNode torfaen = gwentStatus.get("authorities").valueStream()
                .filter(a -> a.get("name").asString().equals("Torfaen")).findFirst().orElseThrow();
        assertThat(torfaen.get("missingQuarters").get(0).asString()).isEqualTo(first);
        assertThat(torfaen.get("lastSubmission").isNull()).isTrue();
        List<String> keys = jdbc.queryForList("SELECT child_key FROM offer_record", String.class);
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(json.output()).doesNotContain(key));
    }

    private static JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(TestDatabases.POSTGRES_URL + "?currentSchema=" + SCHEMA,
                TestDatabases.POSTGRES_USER, ""));
    }
}
