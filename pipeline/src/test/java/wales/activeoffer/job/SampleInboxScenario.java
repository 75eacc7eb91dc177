package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.store.SubmissionStatus;
import wales.activeoffer.support.PublishedCsv;
import wales.activeoffer.support.RepoPaths;

/**
 * The quick start's run over the committed sample inbox ({@code sample-data/}: 44 files, 22 authorities, two financial
 * years, five layouts), on PostgreSQL and on the embedded default through the subclasses.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SampleInboxScenario {
    static final Path INBOX = RepoPaths.sampleData().resolve("inbox");

    /** Offers per year planned for each authority in the generator, times two years; planted bad rows come on top. */
    static final Map<String, Integer> RECORDS_PER_AUTHORITY = Map.ofEntries(
            Map.entry("W06000001", 180), Map.entry("W06000002", 240), Map.entry("W06000003", 300),
            Map.entry("W06000004", 320), Map.entry("W06000005", 360), Map.entry("W06000006", 400),
            Map.entry("W06000008", 160), Map.entry("W06000009", 280), Map.entry("W06000010", 420),
            Map.entry("W06000011", 600), Map.entry("W06000012", 400), Map.entry("W06000013", 380),
            Map.entry("W06000014", 300), Map.entry("W06000015", 840), Map.entry("W06000016", 640),
            Map.entry("W06000018", 440), Map.entry("W06000019", 260), Map.entry("W06000020", 300),
            Map.entry("W06000021", 180), Map.entry("W06000022", 440), Map.entry("W06000023", 300),
            Map.entry("W06000024", 220));

    /** The planted bad rows: file, the row number a lead sees, the rule its receipt must give. */
    static final List<List<String>> PLANTED = List.of(
            List.of("cardiff-and-vale", "Cardiff AO return 2024-25.xlsx", "12", "AO-001"),
            List.of("cwm-taf", "nyas_referrals_merthyr-tydfil_2024-25.csv", "11", "AO-002"),
            List.of("gwent", "WCCIS_ActiveOffer_W06000022_2023-24.csv", "11", "AO-003"),
            List.of("mid-and-west-wales", "TGP Cymru AO monitoring - Powys - 2023-24.xlsx", "14", "AO-004"),
            List.of("north-wales", "cofnod-cynnig-rhagweithiol-gwynedd-2024-25.csv", "11", "AO-005"),
            List.of("western-bay", "TGP Cymru AO monitoring - Swansea - 2024-25.xlsx", "14", "AO-008"),
            List.of("gwent", "WCCIS_ActiveOffer_W06000020_2024-25.csv", "11", "AO-009"),
            List.of("north-wales", "TGP Cymru AO monitoring - Wrexham - 2023-24.xlsx", "14", "AO-014"));

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkRoot workRoot;

    RunSummary run;

    @BeforeAll
    void givenTheSampleInboxWhenTheQuickStartRuns() throws Exception {
        run = nightlyRun.execute();
    }

    @Test
    @Order(1)
    void everySampleFileIsIngested() throws Exception {
        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.submissions()).hasSize(manifest().size()).allSatisfy(
                s -> assertThat(s.status()).as(s.fileName()).isEqualTo(SubmissionStatus.INGESTED));
    }

    @Test
    @Order(2)
    void recordsPerAuthorityMatchTheGeneratorsPlan() {
        assertThat(databaseCountsByAuthority()).containsExactlyInAnyOrderEntriesOf(RECORDS_PER_AUTHORITY);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_row", Integer.class)).isEqualTo(PLANTED.size());
    }

    @Test
    @Order(3)
    void everySampleFileHasAReceipt() throws Exception {
        for (CSVRecord file : manifest()) {
            Path original = Path.of(file.get("file"));
            String region = file.get("region");
            try (Stream<Path> receipts = Files.list(workRoot.receipts(region))) {
                assertThat(receipts.map(p -> p.getFileName().toString()))
                        .as(original.toString())
                        .anyMatch(name -> name.startsWith(original.getFileName() + ".receipt-") && name.endsWith(".txt"));
            }
        }
    }

    @Test
    @Order(4)
    void thePlantedBadRowsAreInTheirReceiptsWithTheirRuleIds() throws Exception {
        for (List<String> planted : PLANTED) {
            Path receiptCsv;
            try (Stream<Path> receipts = Files.list(workRoot.receipts(planted.get(0)))) {
                receiptCsv = receipts.filter(p -> p.getFileName().toString().startsWith(planted.get(1) + ".receipt-")
                        && p.toString().endsWith(".csv")).findFirst().orElseThrow();
            }
            assertThat(Files.readAllLines(receiptCsv)).as(planted.get(1))
                    .anyMatch(line -> line.startsWith(planted.get(2) + ",") && line.contains("," + planted.get(3) + ",error,"));
        }
    }

    @Test
    @Order(5)
    void duckDbReadsTheParquetAndAgreesWithTheDatabase() throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            String records = "read_parquet('" + Path.of(URI.create(run.recordsParquet())) + "')";
            Map<String, Integer> fromParquet = new HashMap<>();
            try (ResultSet rs = duck.createStatement().executeQuery(
                    "SELECT authority_code, COUNT(*) FROM " + records + " GROUP BY 1")) {
                while (rs.next()) {
                    fromParquet.put(rs.getString(1), rs.getInt(2));
                }
            }
            assertThat(fromParquet).hasSize(22).isEqualTo(databaseCountsByAuthority());

            String funnelSql = """
                    SELECT COUNT(*),
                           SUM(CASE WHEN offer_response = 'accepted_meeting' THEN 1 ELSE 0 END),
                           SUM(CASE WHEN meeting_outcome IN ('took_up', 'declined', 'time_to_think') THEN 1 ELSE 0 END),
                           SUM(CASE WHEN meeting_outcome = 'took_up' THEN 1 ELSE 0 END)
                    FROM %s WHERE region_code = 'gwent' AND quarter = '2024-25 Q2'""";
            List<Integer> duckFunnel = new java.util.ArrayList<>();
            try (ResultSet rs = duck.createStatement().executeQuery(funnelSql.formatted(records))) {
                rs.next();
                for (int i = 1; i <= 4; i++) {
                    duckFunnel.add(rs.getInt(i));
                }
            }
            List<Integer> databaseFunnel = jdbc.queryForObject(funnelSql.formatted("offer_record"),
                    (rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
            assertThat(duckFunnel).isEqualTo(databaseFunnel);

            PublishedCsv published = PublishedCsv.read(Path.of(run.releaseFolder()).resolve("aggregates.csv"));
            List<String> statistics = List.of("offers", "meetings_accepted", "meetings_held", "taken_up");
            for (int i = 0; i < statistics.size(); i++) {
                assertThat(published.value("region", "gwent", "quarter", "2024-25 Q2", "all", "take_up",
                        statistics.get(i), "", "")).as(statistics.get(i)).isEqualTo(String.valueOf(duckFunnel.get(i)));
            }

            String aggregates = "read_parquet('" + Path.of(URI.create(run.recordsParquet())).resolveSibling("aggregates.parquet") + "')";
            try (ResultSet rs = duck.createStatement().executeQuery("""
                    SELECT COUNT(*), COUNT(*) FILTER (WHERE symbol = '[c]' AND value IS NULL),
                           COUNT(*) FILTER (WHERE symbol IS NULL AND value BETWEEN 1 AND 4 AND statistic IN ('offers','count'))
                    FROM %s""".formatted(aggregates))) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(published.rows().size());
                assertThat(rs.getInt(2)).isEqualTo((int) published.rows().stream().filter(r -> r.get("value").equals("[c]")).count());
                assertThat(rs.getInt(3)).as("no small count published").isZero();
            }
        }
    }

    @Test
    @Order(20)
    void runningTheQuickStartAgainIngestsNothingAndPublishesTheSameNumbers() throws Exception {
        RunSummary again = nightlyRun.execute();

        assertThat(again.submissions()).isEmpty();
        assertThat(databaseCountsByAuthority()).containsExactlyInAnyOrderEntriesOf(RECORDS_PER_AUTHORITY);
        assertThat(Files.readString(Path.of(again.releaseFolder()).resolve("aggregates.csv")))
                .isEqualTo(Files.readString(Path.of(run.releaseFolder()).resolve("aggregates.csv")));
    }

    private Map<String, Integer> databaseCountsByAuthority() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("SELECT authority_code, COUNT(*) AS n FROM offer_record GROUP BY authority_code",
                (ResultSet rs) -> {
                    counts.put(rs.getString("authority_code"), rs.getInt("n"));
                });
        return counts;
    }

    private static List<CSVRecord> manifest() throws Exception {
        try (Reader reader = Files.newBufferedReader(RepoPaths.sampleData().resolve("MANIFEST.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
