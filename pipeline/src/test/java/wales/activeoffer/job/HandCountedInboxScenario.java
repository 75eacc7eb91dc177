package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.publish.PublishedTables;
import wales.activeoffer.store.SubmissionStatus;
import wales.activeoffer.publish.PublicationPlan;
import wales.activeoffer.support.GssSheets;
import wales.activeoffer.support.DisclosureAudit;
import wales.activeoffer.support.PerturbationBounds;
import wales.activeoffer.support.PublishedCsv;
import wales.activeoffer.support.ForumReportChecks;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.ReportBrowser;

/**
 * The whole job over a small inbox whose every number was worked out by hand
 * ({@code src/test/resources/inboxes/hand-counted}): 5 files in 3 regions, 19 data rows, 2 of them bad, 2 files
 * that cannot be taken in. Runs against PostgreSQL and against the embedded default through the subclasses.
 */
@SpringBootTest(properties = "activeoffer.statistics-contact=" + HandCountedInboxScenario.CONTACT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HandCountedInboxScenario {
    /** The statistician's address the scenario configures (a domain reserved for examples). */
    static final String CONTACT = "active-offer-statistics@example.org";
    static final Path INBOX = RepoPaths.root().resolve("pipeline/src/test/resources/inboxes/hand-counted");
    static final String CARDIFF_FILE = "cardiff-active-offer-2024-25.csv";

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkRoot workRoot;

    RunSummary firstRun;
    PublishedCsv published;

    @BeforeAll
    void givenTheHandCountedInboxWhenTheJobRuns() throws Exception {
        firstRun = nightlyRun.execute();
        published = PublishedCsv.read(Path.of(firstRun.releaseFolder()).resolve("aggregates.csv"));
    }

    @Test
    @Order(1)
    void everyFileIsAccountedFor() {
        assertThat(firstRun.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(firstRun.submissions()).hasSize(5);
        Map<String, SubmissionStatus> statusByFile = new HashMap<>();
        firstRun.submissions().forEach(s -> statusByFile.put(s.fileName(), s.status()));
        assertThat(statusByFile).containsEntry(CARDIFF_FILE, SubmissionStatus.INGESTED)
                .containsEntry("vale-referrals-2024-25.csv", SubmissionStatus.INGESTED)
                .containsEntry("bridgend-referrals-2018-19.csv", SubmissionStatus.INGESTED)
                .containsEntry("meeting-notes.docx", SubmissionStatus.UNREADABLE)
                .containsEntry("unknown-layout.csv", SubmissionStatus.UNREADABLE);
    }

    @Test
    @Order(2)
    void recordsPerAuthorityAreAsCountedByHand() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("SELECT authority_code, COUNT(*) AS n FROM offer_record GROUP BY authority_code",
                (ResultSet rs) -> {
                    counts.put(rs.getString("authority_code"), rs.getInt("n"));
                });
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(
                Map.of("W06000015", 12, "W06000014", 2, "W06000013", 2));
    }

    @Test
    @Order(3)
    void rejectedRowsAreKeptWithTheirRawValues() {
        List<Map<String, Object>> rejected = jdbc.queryForList(
                "SELECT source_row, raw_values FROM rejected_row ORDER BY source_row");
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).get("source_row")).isEqualTo(13);
        assertThat((String) rejected.get(0).get("raw_values")).contains("\"child_id\":\"\"").contains("2024-06-24");
        assertThat(rejected.get(1).get("source_row")).isEqualTo(14);
        assertThat((String) rejected.get(1).get("raw_values")).contains("\"date_offer\":\"not known\"");
    }

    @Test
    @Order(4)
    void theCardiffReceiptListsEveryRejectedAndFlaggedRow() throws Exception {
        String receipt = Files.readString(receipt("cardiff-and-vale", CARDIFF_FILE, ".txt"));
        assertThat(receipt).contains("Status:    Partially accepted: some rows were rejected")
                .contains("Rows read: 14").contains("Accepted:  12 (2 with warnings)").contains("Rejected:  2")
                .contains("Layout:    WCCIS \"Active Offer\" report export, one row per offer")
                .doesNotContain("P012").doesNotContain("2010-11-11");
        assertThat(Files.readAllLines(receipt("cardiff-and-vale", CARDIFF_FILE, ".csv"))).containsExactly(
                "Row,Sheet,Cell,Heading in your file,Template field,Value,Rule,Severity,Message",
                "6,,N6,Reason Not Accepted,Reason for declining,,AO-012,warning: row stored,The child declined but no reason is recorded; counted as 'not recorded'. Record the reason where the child gave one.",
                "11,,N11,Reason Not Accepted,Reason for declining,,AO-012,warning: row stored,The child declined but no reason is recorded; counted as 'not recorded'. Record the reason where the child gave one.",
                "13,,B13,Person ID,Child ID,,AO-001,error: row not stored,The child's identifier is missing. Every row needs the authority's own child ID; it is pseudonymised on arrival.",
                "14,,H14,Offer Date,Offer date,not known,AO-003,error: row not stored,\"The date of the offer is missing or is not a date. This "
                        + "layout reads dates written as dd/mm/yyyy or yyyy-mm-dd, or in words (3 March 2024).\"");
        assertThat(receipt).contains("""
                Rejected rows: these rows were not stored. Correct them and send the file again.
                  Row 13, column B "Person ID", value '': The child's identifier is missing. Every row needs the authority's own child ID; it is pseudonymised on arrival. [AO-001]
                  Row 14, column H "Offer Date", value 'not known': The date of the offer is missing or is not a date. This layout reads dates written as dd/mm/yyyy or yyyy-mm-dd, or in words (3 March 2024). [AO-003]

                Warnings: these rows were stored, but please check them.
                  Row 6, column N "Reason Not Accepted", value '': The child declined but no reason is recorded; counted as 'not recorded'. Record the reason where the child gave one. [AO-012]
                  Row 11, column N "Reason Not Accepted", value '': The child declined but no reason is recorded; counted as 'not recorded'. Record the reason where the child gave one. [AO-012]

                The same detail is in the .csv and .xlsx files beside this receipt.
                Questions about this receipt: the Active Offer data team
                """);
    }

    @Test
    @Order(4)
    void theCardiffReceiptWorkbookHasAnErrorSummaryAndTheRowDetail() throws Exception {
        try (var workbook = WorkbookFactory.create(
                receipt("cardiff-and-vale", CARDIFF_FILE, ".xlsx").toFile(), null, true)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
            assertThat(workbook.getSheetName(1)).isEqualTo("Row detail");
            var summary = workbook.getSheet("Summary");
            var text = new DataFormatter();
            Map<String, List<String>> byLabel = new HashMap<>();
            for (var row : summary) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(text.formatCellValue(cell)));
                byLabel.put(cells.get(0), cells);
            }
            assertThat(byLabel.get("File status")).containsExactly("File status", "Partially accepted: some rows were rejected");
            assertThat(byLabel.get("Rejected")).containsExactly("Rejected", "2");
            assertThat(byLabel.get("AO-012")).containsExactly("AO-012", "2",
                    "The child declined but no reason is recorded; counted as 'not recorded'. Record the reason where the child gave one.",
                    "Reason for declining");
            assertThat(byLabel.get("AO-001")).containsExactly("AO-001", "1",
                    "The child's identifier is missing. Every row needs the authority's own child ID; it is pseudonymised on arrival.",
                    "Child ID");
            var detail = workbook.getSheet("Row detail");
            assertThat(detail.getLastRowNum()).as("header and four issues").isEqualTo(4);
            assertThat(text.formatCellValue(detail.getRow(4).getCell(6))).isEqualTo("AO-003");
            assertThat(text.formatCellValue(detail.getRow(4).getCell(5))).isEqualTo("not known");
            assertThat(text.formatCellValue(detail.getRow(4).getCell(2))).isEqualTo("H14");
            assertThat(text.formatCellValue(detail.getRow(4).getCell(3))).isEqualTo("Offer Date");
        }
    }

    @Test
    @Order(5)
    void filesThatCannotBeReadAreRejectedWithTheReasonAndKept() throws Exception {
        assertThat(Files.readString(receipt("cwm-taf", "meeting-notes.docx", ".txt")))
                .contains("Status:    Rejected").contains("Rule: AO-F01").contains("Send CSV (.csv) or Excel (.xlsx or .xls) files");
        assertThat(Files.readString(receipt("gwent", "unknown-layout.csv", ".txt")))
                .contains("Rule: AO-F02").contains("No mapping recognises this file's headings");
        Path rejectedFolder = workRoot.rejected("gwent").resolve(runStamp());
        assertThat(rejectedFolder.resolve("unknown-layout.csv")).exists();
        assertThat(Files.readString(rejectedFolder.resolve("unknown-layout.csv.reason.txt"))).contains("AO-F02");
    }

    @Test
    @Order(6)
    void theInboxIsEmptiedIntoTheArchiveWithChecksums() throws Exception {
        try (Stream<Path> left = Files.walk(workRoot.inbox())) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
        Path archived = workRoot.archive("cardiff-and-vale").resolve(runStamp()).resolve(CARDIFF_FILE);
        assertThat(Files.readString(archived)).isEqualTo(Files.readString(INBOX.resolve("cardiff-and-vale").resolve(CARDIFF_FILE)));
        assertThat(Files.readString(archived.resolveSibling(CARDIFF_FILE + ".sha256")))
                .startsWith(FileArchive.sha256(archived));
    }

    @Test
    @Order(7)
    void bridgendIsPlacedInItsRegionOnTheOfferDate() {
        assertThat(jdbc.queryForList("""
                SELECT date_offer, region_code, provider_code FROM offer_record
                WHERE authority_code = 'W06000013' ORDER BY date_offer""")).extracting(
                r -> r.get("region_code") + "/" + r.get("provider_code"))
                .containsExactly("western-bay/tgp-cymru", "cwm-taf/nyas-cymru");
    }

    @Test
    @Order(8)
    void theProtectedStoreHoldsTheFunnelForCardiffAndTheValeInQ1AsCountedByHand() {
        assertThat(funnel("offers")).isEqualTo("13");
        assertThat(funnel("meetings_accepted")).isEqualTo("8");
        assertThat(funnel("meetings_held")).isEqualTo("7");
        assertThat(funnel("taken_up")).isEqualTo("5");
        assertThat(funnel("take_up_rate")).isEqualTo("0.7143");
        assertThat(funnel("conversion_rate")).isEqualTo("0.3846");
    }

    @Test
    @Order(9)
    void theProtectedStoreHoldsResponseTimesAndSourcesForCardiffAndTheValeInQ1AsCountedByHand() {
        // referral to meeting, working days: 5, 10, 14, 10, 4, 6 (Cardiff) and 6 (Vale) -> 4 5 6 6 10 10 14
        assertThat(regionQ1("response_time", "n", "", "referral_to_meeting")).isEqualTo("7");
        assertThat(regionQ1("response_time", "median_working_days", "", "referral_to_meeting")).isEqualTo("6");
        assertThat(regionQ1("response_time", "p90_working_days", "", "referral_to_meeting")).isEqualTo("14");
        assertThat(regionQ1("response_time", "share_within_target", "", "referral_to_meeting")).isEqualTo("0.8571");
        // referral sources and refusal reasons are published by year (publication-plan.csv): Q1 and Cardiff's July
        // offer, which a social worker referred: 6 of the year's 14 offers
        assertThat(regionYear("referral_sources", "count", "", "social_worker")).isEqualTo("6");
        assertThat(regionYear("referral_sources", "share", "", "social_worker")).isEqualTo("0.4286");
        assertThat(regionYear("referral_sources", "count", "", "iro")).isEqualTo("2");
        assertThat(regionYear("refusal_reasons", "count", "offer", "prefers_informal")).isEqualTo("1");
        // and by year the July meeting, 5 working days after its referral, joins the response times
        assertThat(regionYear("response_time", "n", "", "referral_to_meeting")).isEqualTo("8");
        assertThat(regionYear("response_time", "median_working_days", "", "referral_to_meeting")).isEqualTo("6");
        assertThat(regionYear("response_time", "share_within_target", "", "referral_to_meeting")).isEqualTo("0.875");
    }

    @Test
    @Order(9)
    void nothingFinerThanThePublicationPlanIsPublished() {
        assertThat(published.rows()).noneMatch(row -> row.get("geography_level").equals("authority")
                && row.get("period_type").equals("quarter"));
        assertThat(published.rows()).noneMatch(row -> row.get("measure").equals("refusal_reasons")
                && row.get("period_type").equals("quarter"));
        assertThat(published.rows()).noneMatch(row -> !row.get("eligibility_route").equals("all")
                && !row.get("measure").equals("take_up"));
        assertThat(published.rows()).anyMatch(row -> row.get("geography_level").equals("authority")
                && row.get("measure").equals("take_up") && row.get("period_type").equals("financial_year"));
    }

    @Test
    @Order(9)
    void theOfficialsCountsAreExactAndThePublicOnesArePerturbedWhereTheRecordsAreAndStillAddUp() throws Exception {
        PublishedCsv exact = PublishedCsv.read(Path.of(firstRun.officialsFolder()).resolve("aggregates.csv"));
        // Cardiff and the Vale offered 13 in 2024-25 Q1 and 1 in Q2 (Cardiff's July offer): 14 in the year, and
        // Wales the same (the only region with offers then)
        for (String[] place : List.of(new String[] {"region", "cardiff-and-vale"}, new String[] {"wales", "W92000004"})) {
            assertThat(exact.value(place[0], place[1], "quarter", "2024-25 Q1", "all", "take_up", "offers", "", ""))
                    .isEqualTo("13");
            assertThat(exact.value(place[0], place[1], "quarter", "2024-25 Q2", "all", "take_up", "offers", "", ""))
                    .isEqualTo("1");
            assertThat(exact.value(place[0], place[1], "financial_year", "2024-25", "all", "take_up", "offers", "",
                    "")).isEqualTo("14");
        }
        // the public counts: never 1 or 2, a 3 or 4 shown as [c], and every place, period and route adding up to its
        // parts as published
        List<Map<String, String>> counts = published.rows().stream().filter(PerturbationBounds::isCount).toList();
        assertThat(counts).noneMatch(r -> List.of("1", "2", "3", "4").contains(r.get("value")));
        assertThat(counts).anyMatch(r -> "[c]".equals(r.get("note_code")));
        Map<String, Long> shown = new HashMap<>();
        counts.stream().filter(r -> !r.get("value").isEmpty()).forEach(r -> shown.put(String.join("|",
                r.get("measure"), r.get("statistic"), r.get("stage"), r.get("category"), r.get("geography_code"),
                r.get("period"), r.get("eligibility_route")), Long.parseLong(r.get("value"))));
        long checked = 0;
        for (Map<String, String> row : counts) {
            String what = String.join("|", row.get("measure"), row.get("statistic"), row.get("stage"),
                    row.get("category"));
            String year = row.get("period").split(" ")[0];
            if (!row.get("period_type").equals("financial_year") || !row.get("geography_level").equals("region")
                    || !row.get("eligibility_route").equals("all") || row.get("value").isEmpty()) {
                continue;
            }
            List<String> quarters = List.of(year + " Q1", year + " Q2", year + " Q3", year + " Q4");
            List<String> parts = quarters.stream().map(q -> what + "|" + row.get("geography_code") + "|" + q + "|all")
                    .filter(key -> published.rows().stream().anyMatch(r -> key.equals(String.join("|",
                            r.get("measure"), r.get("statistic"), r.get("stage"), r.get("category"),
                            r.get("geography_code"), r.get("period"), r.get("eligibility_route"))))).toList();
            if (!parts.isEmpty() && parts.stream().allMatch(shown::containsKey)) {
                assertThat(parts.stream().mapToLong(shown::get).sum()).as(what + " " + row.get("geography_code")
                        + " " + year).isEqualTo(Long.parseLong(row.get("value")));
                checked++;
            }
        }
        assertThat(checked).as("years whose quarters are all shown").isPositive();
    }

    private String offersPublished(String level, String code, String periodType, String period) {
        return published.value(level, code, periodType, period, "all", "take_up", "offers", "", "");
    }

    @Test
    @Order(9)
    void noCountCanBePinnedOrNarrowedFromEverythingTheReleasePublishes() throws Exception {
        DisclosureAudit audit = new DisclosureAudit(4, (authority, period) -> jdbc.queryForObject(
                "SELECT MIN(region_code) FROM offer_record WHERE authority_code = ? AND (financial_year = ? OR quarter = ?)",
                String.class, authority, period, period));
        PerturbationBounds bounds = PerturbationBounds.of(Path.of(firstRun.releaseFolder()), (authority, quarter) ->
                jdbc.queryForObject("SELECT MIN(region_code) FROM offer_record WHERE authority_code = ? AND quarter = ?",
                        String.class, authority, quarter));
        Map<String, Long> truth = PerturbationBounds.exactCounts(Path.of(firstRun.officialsFolder()));

        assertThat(audit.exposedAcrossReleases(List.of(new DisclosureAudit.Published(published.rows(),
                bounds::noise)), List.of(truth), List.of(row -> false), List.of(0))).isEmpty();
        // the same reader, given the officials' exact figures, reads the small counts straight off
        assertThat(audit.exposedAcrossReleases(List.of(new DisclosureAudit.Published(PublishedCsv.read(
                Path.of(firstRun.officialsFolder()).resolve("aggregates.csv")).rows(), row -> 0)), List.of(truth),
                List.of(row -> false), List.of(0))).contains(
                        "exact take_up/offers// cardiff-and-vale 2024-25 Q2 all in release 1 = 1 in [1, 1]");
    }

    @Test
    @Order(10)
    void duckDbReadsTheRecordLevelParquetAndAgreesWithTheDatabase() throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            String parquet = "read_parquet('" + Path.of(URI.create(firstRun.recordsParquet()))
                    + "/**/*.parquet', hive_partitioning = true)";
            Map<String, Integer> fromParquet = new HashMap<>();
            try (ResultSet rs = duck.createStatement().executeQuery(
                    "SELECT authority_code, COUNT(*) FROM " + parquet + " GROUP BY 1")) {
                while (rs.next()) {
                    fromParquet.put(rs.getString(1), rs.getInt(2));
                }
            }
            Map<String, Integer> fromDatabase = new HashMap<>();
            jdbc.query("SELECT authority_code, COUNT(*) AS n FROM offer_record GROUP BY authority_code",
                    (ResultSet rs) -> {
                        fromDatabase.put(rs.getString("authority_code"), rs.getInt("n"));
                    });
            assertThat(fromParquet).isEqualTo(fromDatabase);
            try (ResultSet rs = duck.createStatement().executeQuery("""
                    SELECT COUNT(*), COUNT(*) FILTER (WHERE meeting_outcome = 'took_up'),
                           MIN(date_offer), typeof(MIN(date_offer)), COUNT(DISTINCT child_key)
                    FROM %s WHERE region_code = 'cardiff-and-vale' AND quarter = '2024-25 Q1'""".formatted(parquet))) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(13);
                assertThat(rs.getInt(2)).isEqualTo(5);
                assertThat(rs.getString(3)).isEqualTo("2024-04-02");
                assertThat(rs.getString(4)).isEqualTo("DATE");
                assertThat(rs.getInt(5)).as("P001 was offered twice").isEqualTo(12);
            }
            try (ResultSet rs = duck.createStatement().executeQuery("DESCRIBE SELECT * FROM " + parquet)) {
                List<String> columns = new ArrayList<>();
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
                assertThat(columns).contains("child_key", "age_at_offer")
                        .doesNotContain("child_id", "date_of_birth", "record_ref_key");
            }
        }
    }

    private interface ResultRow {
        String shown(ResultSet rs) throws SQLException;
    }

    /** Runs the README's SQL block after {@code marker} in DuckDB, on this test's latest release. */
    private List<String> runReadmeExample(String marker, ResultRow row) throws Exception {
        String readme = Files.readString(RepoPaths.root().resolve("README.md"));
        int start = readme.indexOf("```sql", readme.indexOf(marker)) + "```sql".length();
        String query = readme.substring(start, readme.indexOf("```", start)).replace("work/releases/latest",
                workRoot.releases().resolve("latest").toString()).replace("work/restricted/latest",
                workRoot.restricted().resolve("latest").toString()).replace(";", "");
        List<String> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet rs = duck.createStatement().executeQuery(query)) {
            while (rs.next()) {
                rows.add(row.shown(rs));
            }
        }
        return rows;
    }

    @Test
    @Order(11)
    void theAggregatesCsvShowsTheNoteCodeWhereNoFigureIsPublished() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet rs = duck.createStatement().executeQuery("""
                        SELECT geography_name, statistic, coalesce(CAST(value AS VARCHAR), note_code) AS shown
                        FROM read_csv('%s', types = {'value': 'VARCHAR'})
                        WHERE measure = 'take_up' AND geography_level = 'region' AND period = '2019-20'
                          AND eligibility_route = 'all'
                        ORDER BY ALL""".formatted(workRoot.releases().resolve("latest/aggregates.csv")))) {
            while (rs.next()) {
                rows.add(rs.getString(2) + " " + rs.getString(3));
            }
        }
        // Cwm Taf in 2019-20: Bridgend's one offer with no response, after Bridgend moved region. A 1 is never
        // published: the cell key method moved this one to 0 (the officials' dataset has the 1), so the conversion rate
        // on it is not applicable; nothing was accepted, held or taken up, and a take-up rate of 0 meetings held is
        // not applicable either.
        assertThat(rows).containsExactly("conversion_rate [z]", "meetings_accepted 0", "meetings_held 0",
                "offers 0", "take_up_rate [z]", "taken_up 0");
        assertThat(PublishedCsv.read(Path.of(firstRun.officialsFolder()).resolve("aggregates.csv")).value("region",
                "cwm-taf", "financial_year", "2019-20", "all", "take_up", "offers", "", "")).isEqualTo("1");
    }

    @Test
    @Order(11)
    void theReadmeDuckDbExampleRuns() throws Exception {
        List<String> fromParquet = runReadmeExample("<!-- duckdb-example -->", rs -> rs.getString(1) + " "
                + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4));
        List<String> fromDatabase = jdbc.query("""
                SELECT financial_year, region_code, COUNT(*) AS offers,
                       SUM(CASE WHEN meeting_outcome = 'took_up' THEN 1 ELSE 0 END) AS taken_up
                FROM offer_record GROUP BY financial_year, region_code ORDER BY financial_year, region_code""",
                (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4));
        assertThat(fromParquet).isEqualTo(fromDatabase).contains("2024-25 cardiff-and-vale 14 6");
    }

    @Test
    @Order(11)
    void theWorkbookCanBeUsedWithoutHelp() throws Exception {
        Path release = Path.of(firstRun.releaseFolder());
        try (var workbook = officialsWorkbook(release)) {
            var text = new DataFormatter();
            var properties = workbook.getProperties().getCoreProperties();
            assertThat(properties.getTitle()).startsWith("The Active Offer of independent professional advocacy");
            assertThat(properties.getUnderlyingProperties().getLanguageProperty()).contains("en-GB");
            List<String> cover = new ArrayList<>();
            workbook.getSheet("Cover_sheet").forEach(row -> cover.add(text.formatCellValue(row.getCell(0))));
            assertThat(cover).anyMatch(line -> line.startsWith("Published / Cyhoeddwyd: " + LocalDate.now()
                            + " (figures to / ffigurau hyd at "))
                    .anyMatch(line -> line.startsWith("Status: official statistics in development"))
                    .anyMatch(line -> line.matches("Next release / Rhyddhad nesaf: \\d{4}-\\d{2}-\\d{2} .*"))
                    .anyMatch(line -> line.startsWith("Revisions policy: Each release revises"))
                    .contains("Contact: the Active Offer statistics team, " + CONTACT + " (you can write in Welsh or "
                            + "English) / Cyswllt: tîm ystadegau'r Cynnig Rhagweithiol, " + CONTACT + " (gallwch "
                            + "ysgrifennu yn Gymraeg neu yn Saesneg)")
                    .noneMatch(line -> line.contains("MANAGEMENT INFORMATION"));
            try (var officials = new XSSFWorkbook(Path.of(firstRun.officialsFolder())
                    .resolve("active-offer-management-information.xlsx").toFile())) {
                List<String> officialsCover = new ArrayList<>();
                officials.getSheet("Cover_sheet").forEach(row -> officialsCover.add(text.formatCellValue(
                        row.getCell(0))));
                assertThat(officialsCover).anyMatch(line -> line.startsWith("MANAGEMENT INFORMATION for the named "
                        + "Welsh Government officials only: not for forwarding"));
            }
            for (var sheet : workbook) {
                if (sheet.getSheetName().equals("Cover_sheet")) {
                    continue;
                }
                var table = ((XSSFSheet) sheet).getTables().get(0);
                var head = sheet.getRow(GssSheets.headingRow(sheet));
                for (int c = 0; c < table.getColumnCount(); c++) {
                    String heading = head.getCell(c).getStringCellValue();
                    assertThat(table.getColumns().get(c).getName()).as(sheet.getSheetName() + " column " + c)
                            .isEqualTo(heading);
                    // a heading wraps within its column, wide enough to read, in a row tall enough for its lines
                    int chars = sheet.getColumnWidth(c) / 256;
                    assertThat(chars).as(sheet.getSheetName() + " width of " + heading)
                            .isGreaterThanOrEqualTo(Math.min(20, heading.length() + 2));
                    assertThat(head.getCell(c).getCellStyle().getWrapText()).as(heading + " wraps").isTrue();
                    assertThat(head.getHeightInPoints()).as(sheet.getSheetName() + " heading row height for " + heading)
                            .isGreaterThanOrEqualTo(15f * (int) Math.ceil((double) heading.length() / chars));
                }
                assertThat(sheet.getPaneInformation()).as(sheet.getSheetName() + " frozen headings").isNotNull();
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                        .isEqualTo((short) (GssSheets.headingRow(sheet) + 1));
            }
            var contents = workbook.getSheet("Table_of_contents");
            for (int r = GssSheets.headingRow(contents) + 1; r <= contents.getLastRowNum(); r++) {
                var cell = contents.getRow(r).getCell(0);
                assertThat(cell.getHyperlink()).as("link to " + cell.getStringCellValue()).isNotNull();
                assertThat(cell.getHyperlink().getAddress()).isEqualTo("'" + cell.getStringCellValue() + "'!A1");
                assertThat(workbook.getSheet(cell.getStringCellValue())).isNotNull();
            }
            var notes = workbook.getSheet("Notes");
            Map<String, String> shareNotes = new HashMap<>();
            for (int r = GssSheets.headingRow(notes) + 1; r <= notes.getLastRowNum(); r++) {
                var row = notes.getRow(r);
                assertThat(text.formatCellValue(row.getCell(1))).as("English note " + r).isNotBlank();
                assertThat(text.formatCellValue(row.getCell(2))).as("Welsh note " + r).isNotBlank();
                shareNotes.put(text.formatCellValue(row.getCell(0)), text.formatCellValue(row.getCell(1)));
            }
            assertThat(shareNotes.get("Perturbation")).as("how the counts are moved, and what does not add up")
                    .startsWith("Counts are perturbed by the cell key method").contains("moved by at most 3")
                    .contains("referral sources need not add up to offers");
            PublicationPlan plan = PublicationPlan.load(RepoPaths.mappings().resolve("reference")
                    .resolve(PublicationPlan.FILE_NAME));
            for (int t = 0; t < plan.tables().size(); t++) {
                PublicationPlan.Table table = plan.tables().get(t);
                List<Map<String, String>> walesAndRegions = published.rows().stream()
                        .filter(r -> table.covers(r.get("measure"), cellOf(r)))
                        .filter(r -> List.of("wales", "region").contains(r.get("geography_level")))
                        .filter(r -> !"[z]".equals(r.get("note_code"))).toList();
                long shown = walesAndRegions.stream().filter(r -> !r.get("value").isEmpty()).count();
                assertThat(shareNotes.get("Table_" + (t + 1))).as(table.id()).isEqualTo(String.format(
                        Locale.UK, "Wales and region figures shown: %,d of %,d (%.1f%%); the rest are [c].",
                        shown, walesAndRegions.size(), walesAndRegions.isEmpty() ? 100.0
                                : 100.0 * shown / walesAndRegions.size()));
            }
            // the Welsh says all the English says: no Welsh note is much shorter than its English
            for (int r = GssSheets.headingRow(notes) + 1; r <= notes.getLastRowNum(); r++) {
                var row = notes.getRow(r);
                assertThat(text.formatCellValue(row.getCell(2)).length()).as("Welsh of " + text.formatCellValue(
                        row.getCell(0))).isGreaterThanOrEqualTo(text.formatCellValue(row.getCell(1)).length() * 9 / 10);
            }
        }
    }

    @Test
    @Order(11)
    void theOfficialsWorkbookFollowsTheGssLayoutAndAgreesWithTheCsv() throws Exception {
        Path release = Path.of(firstRun.releaseFolder());
        try (var workbook = officialsWorkbook(release)) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Cover_sheet", "Table_of_contents", "Notes", "Take_up_change",
                    "Top_refusal_reasons", "Table_1", "Table_2", "Table_3", "Table_4", "Table_5", "Table_6", "Table_7", "Coverage",
                    "Data_quality", "Revisions");
            var text = new DataFormatter();
            for (var sheet : workbook) {
                assertThat(sheet.getNumMergedRegions()).as(sheet.getSheetName() + " merged cells").isZero();
                assertThat(text.formatCellValue(sheet.getRow(0).getCell(0))).as(sheet.getSheetName() + " A1").isNotBlank();
                if (!sheet.getSheetName().equals("Cover_sheet")) {
                    assertThat(((XSSFSheet) sheet).getTables()).as(sheet.getSheetName())
                            .hasSize(1);
                    int heading = GssSheets.headingRow(sheet);
                    for (int r = 0; r < heading; r++) {
                        assertThat(text.formatCellValue(sheet.getRow(r).getCell(0)))
                                .as(sheet.getSheetName() + ": line " + (r + 1) + " above the table").isNotBlank();
                    }
                }
            }
            // Table_1 is take-up by quarter for Wales and the regions, in words: Wales's offers first
            var takeUpByQuarter = workbook.getSheet("Table_1");
            // its English title in A1 and its Welsh title below, each in lines that print whole on the first page
            // (Area, Period and two figures: 30 + 17 + 20 + 20 column width units, 104 characters a line)
            List<String> above = new ArrayList<>();
            for (int r = 0; r < GssSheets.headingRow(takeUpByQuarter); r++) {
                above.add(text.formatCellValue(takeUpByQuarter.getRow(r).getCell(0)));
            }
            assertThat(above.subList(0, 3)).containsExactly(
                    "Take-up of the Active Offer: offers, meetings and advocacy taken up, by quarter: Wales and regions",
                    "Manteisio ar y Cynnig Rhagweithiol: cynigion, cyfarfodydd ac eiriolaeth a dderbyniwyd, "
                            + "fesul chwarter:",
                    "Cymru a'r rhanbarthau");
            assertThat(above).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(104));
            assertThat(above.get(3)).startsWith("This worksheet contains one table: a row for each area and period,");
            assertThat(above).anySatisfy(line -> assertThat(line)
                    .startsWith("Mae'r daflen waith hon yn cynnwys un tabl"));
            var head = takeUpByQuarter.getRow(GssSheets.headingRow(takeUpByQuarter));
            var first = takeUpByQuarter.getRow(GssSheets.headingRow(takeUpByQuarter) + 1);
            int last = head.getLastCellNum() - 1;
            assertThat(List.of(0, 1, 2, last - 2, last - 1, last).stream()
                    .map(c -> text.formatCellValue(head.getCell(c))).toList()).containsExactly("Area (English)",
                    "Period / Cyfnod", "Offers (count) / Cynigion (cyfrif)", "Ardal (Cymraeg)",
                    "Area type / Math o ardal", "Area code / Cod ardal");
            assertThat(List.of(0, last - 2, last - 1, last).stream()
                    .map(c -> text.formatCellValue(first.getCell(c))).toList())
                    .containsExactly("Wales", "Cymru", "Wales / Cymru", "W92000004");
            // Cardiff and the Vale's offers of 2024-25 Q1 and Q2 are as the CSV publishes them
            for (String quarter : List.of("2024-25 Q1", "2024-25 Q2")) {
                assertThat(tidyRows(takeUpByQuarter, "cardiff-and-vale", quarter, text))
                        .singleElement().satisfies(row -> assertThat(row).containsEntry(
                                "Offers (count) / Cynigion (cyfrif)", published.value("region", "cardiff-and-vale",
                                        "quarter", quarter, "all", "take_up", "offers", "", "")));
            }
            // Newport sent nothing, so its rows of take-up by year are not available in any year, rather than 0
            var takeUpByYear = workbook.getSheet("Table_2");
            List<Integer> figures = statisticColumns(takeUpByYear.getRow(GssSheets.headingRow(takeUpByYear)), text);
            assertThat(figures).hasSize(6);
            List<Map<String, String>> newport = tidyRows(takeUpByYear, "W06000022", null, text);
            assertThat(newport).isNotEmpty().allSatisfy(row -> figures.forEach(c -> assertThat(row.get(
                    text.formatCellValue(takeUpByYear.getRow(GssSheets.headingRow(takeUpByYear)).getCell(c)))).isEqualTo("[x]")));

            // and every sheet of the plan holds exactly its table's figures from the CSV; the rest of its cells are
            // what the definitions say: 0 for a count of nothing, [z] for a share of nothing, [x] without records
            PublicationPlan plan = PublicationPlan.load(RepoPaths.mappings().resolve("reference")
                    .resolve(PublicationPlan.FILE_NAME));
            for (int t = 0; t < plan.tables().size(); t++) {
                PublicationPlan.Table table = plan.tables().get(t);
                var sheet = workbook.getSheet("Table_" + (t + 1));
                var heading = sheet.getRow(GssSheets.headingRow(sheet));
                int code = heading.getLastCellNum() - 1;
                List<String> fromWorkbook = new ArrayList<>();
                for (int r = GssSheets.headingRow(sheet) + 1; r <= sheet.getLastRowNum(); r++) {
                    var row = sheet.getRow(r);
                    for (int c : statisticColumns(heading, text)) {
                        fromWorkbook.add(text.formatCellValue(row.getCell(code)) + "|"
                                + text.formatCellValue(row.getCell(1)) + "|" + shown(row.getCell(c)));
                    }
                }
                List<String> fromCsv = published.rows().stream().filter(r -> table.covers(r.get("measure"), cellOf(r)))
                        .map(r -> r.get("geography_code") + "|" + r.get("period") + "|" + (r.get("value").isEmpty()
                                ? r.get("note_code")
                                : new BigDecimal(r.get("value")).stripTrailingZeros().toPlainString()))
                        .toList();
                List<String> filled = new ArrayList<>(fromWorkbook);
                fromCsv.forEach(filled::remove);
                assertThat(fromWorkbook.size() - filled.size()).as(table.id() + ": every CSV figure is in the sheet")
                        .isEqualTo(fromCsv.size());
                assertThat(filled).as(table.id()).allSatisfy(cell -> assertThat(cell).matches(".*\\|(0|\\[z]|\\[x])"));
            }
        }
    }

    private static CellKey cellOf(Map<String, String> row) {
        return new CellKey(row.get("geography_level"), row.get("geography_code"),
                row.get("period_type"), row.get("period"), row.get("eligibility_route"));
    }

    private static String shown(Cell cell) {
        return cell.getCellType() == CellType.NUMERIC
                ? new BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros()
                        .toPlainString()
                : cell.getStringCellValue();
    }

    /** The rows of a tidy table for one area (by its code, the last column) and period (any, if null), by heading. */
    private static List<Map<String, String>> tidyRows(Sheet sheet, String area,
            String period, DataFormatter text) {
        var head = sheet.getRow(GssSheets.headingRow(sheet));
        int code = head.getLastCellNum() - 1;
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = GssSheets.headingRow(sheet) + 1; r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            if (text.formatCellValue(row.getCell(code)).equals(area)
                    && (period == null || text.formatCellValue(row.getCell(1)).equals(period))) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (int c = 0; c < head.getLastCellNum(); c++) {
                    cells.put(text.formatCellValue(head.getCell(c)), row.getCell(c) == null ? "" : shown(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The columns of a tidy table's heading row that hold a statistic: those whose heading names a unit. */
    static List<Integer> statisticColumns(Row head,
            DataFormatter text) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < head.getLastCellNum(); c++) {
            if (text.formatCellValue(head.getCell(c)).matches(".*\\((count|%|working days)\\) / .*")) {
                columns.add(c);
            }
        }
        return columns;
    }

    @Test
    @Order(11)
    void parquetJavaReadsEveryPartitionWithItsSchemaVersionAndTheDictionaryDescribesEveryColumn() throws Exception {
        Path records = Path.of(URI.create(firstRun.recordsParquet()));
        long rows = 0;
        List<Path> parts;
        try (Stream<Path> files = Files.walk(records)) {
            parts = files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList();
        }
        assertThat(parts).extracting(p -> records.relativize(p).toString()).containsExactly(
                "financial_year=2018-19/region_code=western-bay/part-0.parquet",
                "financial_year=2019-20/region_code=cwm-taf/part-0.parquet",
                "financial_year=2024-25/region_code=cardiff-and-vale/part-0.parquet");
        var hadoop = new Configuration();
        for (Path part : parts) {
            var input = HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(part.toUri()), hadoop);
            try (var file = ParquetFileReader.open(input)) {
                assertThat(file.getFooter().getFileMetaData().getKeyValueMetaData())
                        .containsEntry("activeoffer.schema_version", "1");
                var dateOffer = file.getFileMetaData().getSchema().getType("date_offer").asPrimitiveType();
                assertThat(dateOffer.getLogicalTypeAnnotation())
                        .isEqualTo(LogicalTypeAnnotation.dateType());
            }
            try (var reader = ParquetReader.builder(
                    new GroupReadSupport(), new org.apache.hadoop.fs.Path(part.toUri()))
                    .withConf(hadoop).build()) {
                for (var group = reader.read(); group != null; group = reader.read()) {
                    assertThat(group.getString("child_key", 0)).hasSize(64);
                    rows++;
                }
            }
        }
        assertThat(rows).isEqualTo(16);
        List<String> dictionary = Files.readAllLines(records.getParent().resolve("data-dictionary.csv"));
        assertThat(dictionary).hasSize(1 + PublishedTables.RECORD_COLUMNS.size())
                .noneMatch(line -> line.contains(",null,"));
    }

    @Test
    @Order(11)
    void thePublicReleaseHoldsNoRecordLevelDataAndTheRestrictedCopyIsTheServiceAccountsAlone() throws Exception {
        Path release = Path.of(firstRun.releaseFolder());
        try (Stream<Path> files = Files.walk(release)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(file.getFileName().toString()).as(release.relativize(file).toString())
                        .isIn("aggregates.csv", "aggregates.parquet", "coverage.csv", "data-quality.csv",
                                "csv-metadata.json", "manifest.json", "active-offer-official-statistics.xlsx",
                                "forum-report.html", "adroddiad-fforwm.html", "active-offer-recording-template.xlsx");
                if (file.toString().endsWith(".parquet")) {
                    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                            ResultSet columns = duck.createStatement().executeQuery("SELECT column_name FROM "
                                    + "(DESCRIBE SELECT * FROM read_parquet('" + file + "'))")) {
                        while (columns.next()) {
                            assertThat(columns.getString(1)).as("a public Parquet column")
                                    .isNotIn("child_key", "record_ref_key", "date_offer", "age_at_offer");
                        }
                    }
                }
            }
        }
        Path restricted = Path.of(URI.create(firstRun.recordsParquet())).getParent();
        assertThat(restricted.getParent()).isEqualTo(workRoot.restricted());
        var ownerOnly = PosixFilePermissions.fromString("rwx------");
        assertThat(Files.getPosixFilePermissions(workRoot.restricted())).isEqualTo(ownerOnly);
        try (Stream<Path> paths = Files.walk(restricted)) {
            for (Path path : paths.toList()) {
                assertThat(Files.getPosixFilePermissions(path)).as(path.toString()).isEqualTo(Files.isDirectory(path)
                        ? ownerOnly : PosixFilePermissions.fromString("rw-------"));
            }
        }
        assertThat(workRoot.restricted().resolve("latest").toRealPath()).isEqualTo(restricted.toRealPath());
        // and the officials' exact dataset is the service account's alone too, apart from the public release
        Path officials = Path.of(firstRun.officialsFolder());
        assertThat(officials.getParent()).isEqualTo(workRoot.officials());
        assertThat(Files.getPosixFilePermissions(workRoot.officials())).isEqualTo(ownerOnly);
        try (Stream<Path> paths = Files.walk(officials)) {
            for (Path path : paths.toList()) {
                assertThat(Files.getPosixFilePermissions(path)).as(path.toString()).isEqualTo(Files.isDirectory(path)
                        ? ownerOnly : PosixFilePermissions.fromString("rw-------"));
            }
        }
        assertThat(officials.resolve("active-offer-management-information.xlsx")).exists();
    }

    @Test
    @Order(20)
    void aSecondRunWithNothingNewIngestsNothingAndPublishesNothingNew() throws Exception {
        RunSummary second = nightlyRun.execute();

        assertThat(second.submissions()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer_record", Integer.class)).isEqualTo(16);
        assertThat(second.newRelease()).isFalse();
        assertThat(second.releaseFolder()).isEqualTo(firstRun.releaseFolder());
        assertThat(releaseFolders()).hasSize(1);
    }

    @Test
    @Order(11)
    void theForumReportShowsAHiddenRateAsAGapWithItsShorthandAndAMissingReturnAsMissing() throws Exception {
        // given Cardiff and the Vale's take-up rates by quarter that are not shown (Q2's, of no meeting held, is not
        // applicable), and Newport, which sent nothing
        Path release = Path.of(firstRun.releaseFolder());
        Map<String, String> hiddenSymbols = new HashMap<>();
        published.rows().stream().filter(r -> r.get("statistic").equals("take_up_rate")
                && r.get("geography_code").equals("cardiff-and-vale") && r.get("period_type").equals("quarter")
                && r.get("value").isEmpty()).forEach(r -> hiddenSymbols.put(r.get("period"), r.get("note_code")));
        List<String> hidden = List.copyOf(hiddenSymbols.keySet());
        assertThat(hiddenSymbols).containsEntry("2024-25 Q2", "[z]");
        try (ReportBrowser browser = new ReportBrowser()) {
            for (String[] version : List.of(new String[] {"en", "forum-report.html", "Missing"},
                    new String[] {"cy", "adroddiad-fforwm.html", "Ar goll"})) {
                // when the report is opened
                browser.open(release.resolve(version[1]));

                for (String quarter : hidden) {
                    // then the region's line has a gap there marked with its shorthand, and no line passes through it
                    assertThat(browser.script("return [...document.querySelectorAll('#take-up-cardiff-and-vale "
                            + "text.gap.s1')].filter(t => t.dataset.period === arguments[0]).map(t => t.textContent)",
                            quarter)).as(version[0] + " " + quarter).isEqualTo(List.of(hiddenSymbols.get(quarter)));
                    assertThat(browser.script("return [...document.querySelectorAll('#take-up-cardiff-and-vale "
                            + "polyline')].some(l => l.dataset.periods.split(';').includes(arguments[0]))", quarter))
                            .as(version[0] + " " + quarter + " joined over").isEqualTo(false);
                    // and the table shows the shorthand for it
                    assertThat(browser.script("return document.querySelector('td[data-figure=\"take_up|take_up_rate|"
                            + "cardiff-and-vale|' + arguments[0] + '|all||\"]').firstChild.textContent", quarter))
                            .isEqualTo(hiddenSymbols.get(quarter));
                }
                // and Newport is missing, not zero, in every quarter of the coverage grid
                @SuppressWarnings("unchecked")
                List<String> newport = (List<String>) browser.script("return [...document.querySelectorAll("
                        + "'td[data-source^=\"coverage|W06000022|\"]')].map(td => td.textContent.trim())");
                assertThat(newport).hasSize(8).containsOnly(version[2]);
                assertThat(ForumReportChecks.everyNumberIsThePublishedOne(browser, published, version[0]))
                        .isPositive();
                assertThat(ForumReportChecks.coverageAndQualityAreThePublishedOnes(browser,
                        PublishedCsv.read(release.resolve("coverage.csv")), PublishedCsv.read(release.resolve(
                                "data-quality.csv")), version[0].equals("en") ? "Received" : "Wedi dod i law"))
                        .isGreaterThan(100);
            }
        }
    }

    @Test
    @Order(11)
    void theWorkbookAndTheCsvsShowCoverageAndDataQualityAsCountedByHand() throws Exception {
        Path release = Path.of(firstRun.releaseFolder());
        try (var workbook = officialsWorkbook(release)) {
            var text = new DataFormatter();
            // Coverage: offers run from Bridgend's 15 March 2019 (2018-19 Q4) to Cardiff's 2 July 2024 (2024-25 Q2):
            // 1 + 5 x 4 + 2 = 23 quarters. Cardiff sent 2024-25 Q1 and Q2, so 21 are missing; Newport sent nothing.
            Map<String, Map<String, String>> coverage = tableByAuthority(workbook.getSheet("Coverage"), text);
            assertThat(text.formatCellValue(workbook.getSheet("Coverage").getRow(0).getCell(0))).contains("Coverage");
            assertThat(text.formatCellValue(workbook.getSheet("Coverage").getRow(1).getCell(0))).contains("Cwmpas");
            assertThat(coverage).hasSize(22);
            assertThat(coverage.get("W06000015")).containsEntry("Quarters missing (count) / Chwarteri ar goll (cyfrif)", "21")
                    .containsEntry("2024-25 Q1", "Received / Wedi dod i law")
                    .containsEntry("2023-24 Q4", "Missing / Ar goll");
            assertThat(coverage.get("W06000013")).containsEntry("2018-19 Q4", "Received / Wedi dod i law")
                    .containsEntry("2019-20 Q1", "Received / Wedi dod i law");
            assertThat(coverage.get("W06000022")).containsEntry("Quarters missing (count) / Chwarteri ar goll (cyfrif)", "23");
            // Data quality: all 8 of Cardiff's accepted meetings have a referral date and all 7 meetings held a
            // meeting date; one row lacked the child's ID (AO-001), a count too small to show. The Vale's 2 records
            // are too few for a percentage. Newport has no records, so no field applies.
            Map<String, Map<String, String>> quality = tableByAuthority(workbook.getSheet("Data_quality"), text);
            String referralDate = "Referral date recorded (% of meetings accepted) / Dyddiad atgyfeirio wedi'i "
                    + "gofnodi (% o gyfarfodydd a dderbyniwyd)";
            String meetingDate = "Meeting date recorded (% of meetings held) / Dyddiad cyfarfod wedi'i gofnodi (% o "
                    + "gyfarfodydd a gynhaliwyd)";
            String missingId = "Rows: The child's identifier is missing (count) / Rhesi: Mae rhif adnabod y plentyn ar "
                    + "goll (cyfrif)";
            assertThat(quality.get("W06000015")).containsEntry(referralDate, "100%").containsEntry(meetingDate, "100%")
                    .containsEntry(missingId, "[c]");
            assertThat(quality.get("W06000014")).containsEntry(referralDate, "[c]");
            assertThat(quality.get("W06000022")).containsEntry(referralDate, "[z]").containsEntry(missingId, "0");
            assertThat(quality.get("W06000015").keySet()).as("published as not_recorded, under disclosure control")
                    .noneMatch(heading -> heading.contains("AO-012") || heading.contains("Referral source"));
        }
        // the same in the tidy CSVs
        List<Map<String, String>> coverageCsv = PublishedCsv.read(release.resolve("coverage.csv")).rows();
        assertThat(coverageCsv).hasSize(22 * 23).filteredOn(r -> r.get("records_received").equals("true"))
                .extracting(r -> r.get("authority_code") + " " + r.get("quarter")).containsExactlyInAnyOrder(
                        "W06000015 2024-25 Q1", "W06000015 2024-25 Q2", "W06000014 2024-25 Q1",
                        "W06000013 2018-19 Q4", "W06000013 2019-20 Q1");
        List<Map<String, String>> qualityCsv = PublishedCsv.read(release.resolve("data-quality.csv")).rows();
        assertThat(qualityCsv).filteredOn(r -> r.get("authority_code").equals("W06000015"))
                .extracting(r -> r.get("indicator") + "=" + r.get("value") + r.get("note_code"))
                .contains("percent_complete_date_referral=100", "percent_complete_date_meeting=100",
                        "rows_breaking_AO-001=[c]", "rows_breaking_AO-014=0");
    }

    @Test
    @Order(11)
    void theCsvwMetadataDescribesEveryColumnOfEveryTidyCsvInOrder() throws Exception {
        Path release = Path.of(firstRun.releaseFolder());
        var metadata = JsonMapper.builder().build()
                .readTree(release.resolve("csv-metadata.json").toFile());
        assertThat(metadata.get("@context").asString()).isEqualTo("http://www.w3.org/ns/csvw");
        List<String> described = new ArrayList<>();
        for (var table : metadata.get("tables")) {
            String url = table.get("url").asString();
            described.add(url);
            List<String> header;
            try (var lines = Files.lines(release.resolve(url))) {
                header = List.of(lines.findFirst().orElseThrow().split(","));
            }
            List<String> columns = new ArrayList<>();
            for (var column : table.get("tableSchema").get("columns")) {
                columns.add(column.get("name").asString());
                assertThat(column.get("dc:description").asString()).as(url + " " + column).isNotBlank();
                assertThat(column.get("datatype")).as(url + " " + column).isNotNull();
            }
            assertThat(columns).as(url).isEqualTo(header);
        }
        assertThat(described).containsExactly("aggregates.csv", "coverage.csv", "data-quality.csv");
        assertThat(metadata.get("tables").get(0).get("tableSchema").get("columns").get(10).get("datatype").asString())
                .as("value is a number, blank when a note code stands in for it").isEqualTo("number");
        assertThat(metadata.get("tables").get(0).get("dc:title").asString()).as("why totals need not add up")
                .contains("moved by at most 3").contains("referral sources need not add up to offers");
    }

    /** A table sheet's rows by authority code, each as heading to shown value. */
    private static Map<String, Map<String, String>> tableByAuthority(Sheet sheet,
            DataFormatter text) {
        var head = sheet.getRow(GssSheets.headingRow(sheet));
        Map<String, Map<String, String>> byAuthority = new HashMap<>();
        for (int r = GssSheets.headingRow(sheet) + 1; r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < head.getLastCellNum(); c++) {
                cells.put(text.formatCellValue(head.getCell(c)), text.formatCellValue(row.getCell(c)));
            }
            byAuthority.put(text.formatCellValue(row.getCell(0)), cells);
        }
        return byAuthority;
    }

    @Test
    @Order(11)
    void theReleaseHasAManifestAndTheLatestPointer() throws Exception {
        var manifest = JsonMapper.builder().build()
                .readTree(Path.of(firstRun.releaseFolder()).resolve("manifest.json").toFile());
        assertThat(manifest.get("templateVersion").asString()).isEqualTo("2");
        assertThat(manifest.get("files").size())
                .as("the CSV, the workbook, the CSVW metadata, the coverage and data-quality CSVs, the aggregate Parquet, "
                        + "the forum report in English and Welsh, the recording template")
                .isEqualTo(9);
        assertThat(manifest.get("files").toString()).doesNotContain("records/");
        for (var file : manifest.get("files")) {
            Path published = Path.of(firstRun.releaseFolder()).resolve(file.get("name").asString());
            assertThat(file.get("sha256").asString()).isEqualTo(FileArchive.sha256(published));
            assertThat(file.get("bytes").asLong()).isEqualTo(Files.size(published));
        }
        Path restricted = workRoot.restricted().resolve(Path.of(firstRun.releaseFolder()).getFileName());
        var restrictedManifest = JsonMapper.builder().build()
                .readTree(restricted.resolve("manifest.json").toFile());
        assertThat(restrictedManifest.get("files").size()).as("the data dictionary, a file per year and region")
                .isEqualTo(1 + 3);
        for (var file : restrictedManifest.get("files")) {
            Path kept = restricted.resolve(file.get("name").asString());
            assertThat(file.get("sha256").asString()).isEqualTo(FileArchive.sha256(kept));
        }
        manifest = restrictedManifest;
        long records = 0;
        for (var file : manifest.get("files")) {
            if (file.get("name").asString().startsWith("records/")) {
                records += file.get("rows").asLong();
            }
        }
        assertThat(records).as("records in the partitions").isEqualTo(16);
        assertThat(manifest.get("files").toString()).contains("records/financial_year=2018-19/region_code=western-bay/part-0.parquet")
                .contains("records/financial_year=2024-25/region_code=cardiff-and-vale/part-0.parquet");
        assertThat(manifest.get("submissions")).hasSize(3);
        assertThat(manifest.get("submissions").toString()).contains("W06000015").contains(
                FileArchive.sha256(INBOX.resolve("cardiff-and-vale").resolve(CARDIFF_FILE)));
        assertThat(Files.readString(workRoot.releases().resolve("LATEST")).strip())
                .isEqualTo(Path.of(firstRun.releaseFolder()).getFileName().toString());
        assertThat(workRoot.releases().resolve("latest").toRealPath()).isEqualTo(Path.of(firstRun.releaseFolder()).toRealPath());
    }

    @Test
    @Order(21)
    void theSameBytesUnderAnotherNameAreNotIngestedTwice() throws Exception {
        Path copy = workRoot.inbox("cardiff-and-vale").resolve("cardiff resend.csv");
        Files.copy(INBOX.resolve("cardiff-and-vale").resolve(CARDIFF_FILE), copy);

        RunSummary third = nightlyRun.execute();

        assertThat(third.submissions()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubmissionStatus.DUPLICATE);
            assertThat(s.fileName()).isEqualTo("cardiff resend.csv");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer_record", Integer.class)).isEqualTo(16);
        assertThat(Files.readString(receipt("cardiff-and-vale", "cardiff resend.csv", ".txt")))
                .contains("Already received").contains("Identical to '" + CARDIFF_FILE + "'").contains("AO-F04");
        assertThat(third.newRelease()).isFalse();
        assertThat(third.releaseFolder()).isEqualTo(firstRun.releaseFolder());
    }

    @Test
    @Order(22)
    void aCorrectedFileReplacesTheEarlierRecordsForItsAuthorityAndQuartersOnly() throws Exception {
        List<String> original = Files.readAllLines(INBOX.resolve("cardiff-and-vale").resolve(CARDIFF_FILE));
        List<String> corrected = new ArrayList<>(original.subList(0, original.size() - 1));
        corrected.set(2, corrected.get(2).replace("Took up advocacy,,Social worker", "Declined,Not at the moment,Social worker"));
        Files.write(workRoot.inbox("cardiff-and-vale").resolve("cardiff-active-offer-2024-25 corrected.csv"), corrected);

        String firstReleaseManifest = Files.readString(Path.of(firstRun.releaseFolder()).resolve("manifest.json"));
        RunSummary run = nightlyRun.executeAdHoc();

        assertThat(run.submissions()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubmissionStatus.INGESTED);
            assertThat(s.rowsAccepted()).isEqualTo(11);
        });
        assertThat(run.newRelease()).isTrue();
        assertThat(releaseFolders()).hasSize(2);
        assertThat(Files.readString(Path.of(run.releaseFolder()).resolve("manifest.json")))
                .contains(run.submissions().get(0).sha256());
        assertThat(Files.readString(Path.of(firstRun.releaseFolder()).resolve("manifest.json")))
                .as("a published release is never rewritten").isEqualTo(firstReleaseManifest);
        try (Stream<Path> published = Files.walk(Path.of(firstRun.releaseFolder()))) {
            for (Path file : published.filter(Files::isRegularFile).filter(f -> !f.endsWith("manifest.json")).toList()) {
                assertThat(firstReleaseManifest).as(file.toString())
                        .contains(FileArchive.sha256(file));
            }
        }
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM offer_record WHERE authority_code = 'W06000015' AND superseded_by IS NULL""",
                Integer.class)).as("11 corrected Q1 records and the untouched Q2 record").isEqualTo(12);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer_record WHERE superseded_by IS NOT NULL",
                Integer.class)).as("the earlier Q1 records, kept for audit").isEqualTo(11);
        assertThat(Files.readString(receipt("cardiff-and-vale", "cardiff-active-offer-2024-25 corrected.csv", ".txt")))
                .contains("Replaces 11 records of '" + CARDIFF_FILE + "'").contains("quarters 2024-25 Q1.");
        String release = Path.of(run.releaseFolder()).getFileName().toString();
        assertThat(protectedFigure(release, "region", "cardiff-and-vale", "quarter", "2024-25 Q1", "take_up", "offers",
                "", "")).isEqualTo("13");
        assertThat(protectedFigure(release, "region", "cardiff-and-vale", "quarter", "2024-25 Q1", "take_up",
                "taken_up", "", "")).as("one fewer took up").isEqualTo("4");
        assertThat(protectedFigure(release, "region", "cardiff-and-vale", "quarter", "2024-25 Q2", "take_up", "offers",
                "", "")).as("Q2 was not in the correction, so it stands").isEqualTo("1");
        PublishedCsv after = PublishedCsv.read(Path.of(run.officialsFolder()).resolve("aggregates.csv"));
        assertThat(after.value("region", "cardiff-and-vale", "quarter", "2024-25 Q1", "all", "take_up", "taken_up", "",
                "")).as("the officials' nightly dataset, exact").isEqualTo("4");
    }

    @Test
    @Order(23)
    void aCorrectionThatFailsPartWayLeavesTheEarlierRecordsIntact() throws Exception {
        long currentBefore = jdbc.queryForObject("SELECT COUNT(*) FROM offer_record WHERE superseded_by IS NULL", Long.class);
        String before = Files.readString(Path.of(latestRelease()).resolve("aggregates.csv"));
        List<String> original = Files.readAllLines(INBOX.resolve("cardiff-and-vale").resolve(CARDIFF_FILE));
        List<String> broken = new ArrayList<>(original.subList(0, 5));
        broken.set(1, broken.get(1).replace("Took up advocacy", "Time to think"));
        broken.add("Cardiff,P099,E99,2010-10-10,Looked After,Review,,\"2024-06-24,,,,No response,,,,,,Male,English,No");
        Files.write(workRoot.inbox("cardiff-and-vale").resolve("cardiff-active-offer-2024-25 v3.csv"), broken);

        RunSummary run = nightlyRun.execute();

        assertThat(run.submissions()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubmissionStatus.UNREADABLE);
            assertThat(s.statusRuleId()).isEqualTo("AO-F03");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer_record WHERE superseded_by IS NULL", Long.class))
                .isEqualTo(currentBefore);
        assertThat(run.newRelease()).isFalse();
        assertThat(Files.readString(Path.of(run.releaseFolder()).resolve("aggregates.csv"))).isEqualTo(before);
    }

    @Test
    @Order(24)
    void aCorrectionWithFewerRecordsSaysHowManyEarlierRecordsItWithdrawsPerQuarter() throws Exception {
        // given a correction of the corrected Cardiff file that leaves out two of its eleven Q1 records
        List<String> corrected = Files.readAllLines(INBOX.resolve("cardiff-and-vale").resolve(CARDIFF_FILE));
        corrected = new ArrayList<>(corrected.subList(0, corrected.size() - 1));
        corrected.set(2, corrected.get(2).replace("Took up advocacy,,Social worker", "Declined,Not at the moment,Social worker"));
        corrected.remove(2);
        corrected.remove(1);
        Files.write(workRoot.inbox("cardiff-and-vale").resolve("cardiff-active-offer-2024-25 v4.csv"), corrected);

        // when it is taken in
        RunSummary run = nightlyRun.execute();

        // then its receipt and the run summary say that two earlier Q1 records no longer count
        assertThat(run.submissions()).singleElement().satisfies(s -> assertThat(s.rowsAccepted()).isEqualTo(9));
        assertThat(Files.readString(receipt("cardiff-and-vale", "cardiff-active-offer-2024-25 v4.csv", ".txt"))).contains(
                "\nReplaces (a corrected file replaces earlier records for the same authorities and quarters):\n"
                + "  Replaces 11 records of 'cardiff-active-offer-2024-25 corrected.csv' received "
                + LocalDate.now() + " (submission " + jdbc.queryForObject("SELECT id FROM submission WHERE "
                        + "file_name = 'cardiff-active-offer-2024-25 corrected.csv'", Long.class)
                + "), quarters 2024-25 Q1.\n\n"
                + "Withdrawn (this file has fewer records than the one it replaces, so these earlier records no longer "
                + "count; if that is not what you meant, send the missing rows again):\n"
                + "  2024-25 Q1: 2 earlier records withdrawn\n\n");
        assertThat(RunSummaryText.of(run, workRoot.root())).contains("\n  Withdrawn by the correction "
                + "cardiff-active-offer-2024-25 v4.csv: 2024-25 Q1: 2 earlier records withdrawn\n");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM offer_record WHERE authority_code = 'W06000015' AND superseded_by IS NULL""",
                Integer.class)).as("9 Q1 records and the untouched Q2 record").isEqualTo(10);
    }

    private String latestRelease() throws Exception {
        return workRoot.releases().resolve(Files.readString(workRoot.releases().resolve("LATEST")).strip()).toString();
    }

    private List<Path> releaseFolders() throws Exception {
        try (Stream<Path> releases = Files.list(workRoot.releases())) {
            return releases.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }

    private String funnel(String statistic) {
        return regionQ1("take_up", statistic, "", "");
    }

    private String regionYear(String measure, String statistic, String stage, String category) {
        return protectedFigure(runStamp(), "region", "cardiff-and-vale", "financial_year", "2024-25", measure,
                statistic, stage, category);
    }

    private String regionQ1(String measure, String statistic, String stage, String category) {
        return protectedFigure(runStamp(), "region", "cardiff-and-vale", "quarter", "2024-25 Q1", measure, statistic,
                stage, category);
    }

    /** An unsuppressed figure of a release, from the protected store, rounded as the published tables round. */
    private String protectedFigure(String release, String level, String code, String periodType, String period,
            String measure, String statistic, String stage, String category) {
        Double figure = jdbc.queryForObject("""
                SELECT figure FROM protected_aggregate
                WHERE release_name = ? AND geography_level = ? AND geography_code = ? AND period_type = ? AND period = ?
                  AND eligibility_route = 'all' AND measure = ? AND statistic = ?
                  AND COALESCE(stage, '') = ? AND COALESCE(category, '') = ?""", Double.class, release, level, code,
                periodType, period, measure, statistic, stage, category);
        return BigDecimal.valueOf(figure).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** The officials' workbook of a release, opened read-only. */
    static XSSFWorkbook officialsWorkbook(Path release) throws Exception {
        return new XSSFWorkbook(OPCPackage.open(
                release.resolve("active-offer-official-statistics.xlsx").toFile(),
                PackageAccess.READ));
    }

    private String runStamp() {
        return Path.of(firstRun.releaseFolder()).getFileName().toString();
    }

    private Path receipt(String region, String fileName, String extension) throws Exception {
        try (Stream<Path> files = Files.walk(workRoot.receipts(region))) {
            return files.filter(f -> f.getFileName().toString().startsWith(fileName + ".receipt-")
                    && f.getFileName().toString().endsWith(extension)).findFirst()
                    .orElseThrow(() -> new AssertionError("no receipt for " + fileName));
        }
    }
}
