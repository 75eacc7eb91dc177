package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.publish.PublicationPlan;
import wales.activeoffer.receipt.Receipt;
import wales.activeoffer.receipt.ReceiptStatus;
import wales.activeoffer.store.Submission;
import wales.activeoffer.validate.FileValidator;
import wales.activeoffer.store.SubmissionStatus;
import wales.activeoffer.support.GssSheets;
import wales.activeoffer.support.DisclosureAudit;
import wales.activeoffer.support.PerturbationBounds;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.support.DuckDbMeasures;
import wales.activeoffer.support.PdfPages;
import wales.activeoffer.support.PublishedCsv;
import wales.activeoffer.support.ForumReportChecks;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.ReadmeExamples;
import wales.activeoffer.support.ReportBrowser;
import wales.activeoffer.support.Screenshots;
import wales.activeoffer.wording.Wording;

/**
 * The quick start's run over the committed sample inbox ({@code sample-data/}: 22 authorities, two financial years,
 * twelve layouts, and four files that must be refused), on PostgreSQL and on the embedded default through the
 * subclasses. What each file should give is in {@code sample-data/MANIFEST.csv}.
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

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkRoot workRoot;
    @Autowired
    FileValidator validator;
    @Autowired
    MappingCatalogue catalogue;

    RunSummary run;

    @BeforeAll
    void givenTheSampleInboxWhenTheQuickStartRuns() throws Exception {
        run = nightlyRun.execute();
    }

    @Test
    @Order(1)
    void everySampleFileIsIngestedOrRefusedForItsDocumentedReason() throws Exception {
        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.submissions()).hasSize(manifest().size());
        for (CSVRecord file : manifest()) {
            String name = Path.of(file.get("file")).getFileName().toString();
            var submission = run.submissions().stream().filter(s -> s.fileName().equals(name)).findFirst().orElseThrow();
            if (file.get("file_rule_id").isEmpty()) {
                assertThat(submission.status()).as(name).isEqualTo(SubmissionStatus.INGESTED);
                assertThat(submission.mappingId()).as(name).isEqualTo(file.get("mapping"));
                assertThat(submission.rowsRead()).as(name).isEqualTo(Integer.parseInt(file.get("data_rows")));
                assertThat(submission.rowsAccepted()).as(name).isEqualTo(Integer.parseInt(file.get("valid_rows")));
            } else {
                assertThat(submission.status()).as(name).isEqualTo(SubmissionStatus.UNREADABLE);
                assertThat(submission.statusRuleId()).as(name).isEqualTo(file.get("file_rule_id"));
            }
        }
    }

    @Test
    @Order(1)
    void aFileInTheWrongRegionsFolderIsRefusedNamingBothRegions() throws Exception {
        Path receipt = receipt("cardiff-and-vale", "WCCIS_ActiveOffer_W06000022_2024-25 corrections.csv", ".txt");
        assertThat(Files.readString(receipt)).contains("Status:    Rejected").contains("Rule: AO-F05")
                .contains("dropped in the Cardiff and the Vale folder but holds records for Newport (Gwent)");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM offer_record r JOIN submission s ON s.id = r.submission_id
                WHERE s.file_name LIKE '%corrections%'""", Integer.class)).isZero();
    }

    @Test
    @Order(2)
    void recordsPerAuthorityMatchTheGeneratorsPlan() throws Exception {
        assertThat(databaseCountsByAuthority()).containsExactlyInAnyOrderEntriesOf(RECORDS_PER_AUTHORITY);
        long planted = manifest().stream().filter(f -> !f.get("planted_rule_ids").isEmpty()).count();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_row", Integer.class)).isEqualTo((int) planted);
    }

    @Test
    @Order(3)
    void everySampleFileHasAReceipt() throws Exception {
        for (CSVRecord file : manifest()) {
            String name = Path.of(file.get("file")).getFileName().toString();
            for (String extension : List.of(".txt", ".csv", ".xlsx")) {
                assertThat(receipt(file.get("region"), name, extension)).as(name).isRegularFile();
            }
        }
    }

    @Test
    @Order(4)
    void thePlantedBadRowsAreInTheirReceiptsWithTheirRuleIds() throws Exception {
        for (CSVRecord file : manifest()) {
            if (file.get("planted_rule_ids").isEmpty()) {
                continue;
            }
            String name = Path.of(file.get("file")).getFileName().toString();
            Matcher at = Pattern.compile("(?:sheet '(.*)' )?row (\\d+)").matcher(file.get("planted_at"));
            assertThat(at.matches()).as(file.get("planted_at")).isTrue();
            String sheet = at.group(1);
            Wording words = Wording.in(catalogue.byId(file.get("mapping")).orElseThrow().language());
            List<Map<String, String>> issues = PublishedCsv.read(receipt(file.get("region"), name, ".csv")).rows();
            assertThat(issues).as(name).anySatisfy(issue -> {
                assertThat(issue.get(words.text("column.row"))).isEqualTo(at.group(2));
                if (sheet != null) {
                    assertThat(issue.get(words.text("column.sheet"))).isEqualTo(sheet);
                }
                assertThat(issue.get(words.text("column.rule"))).isEqualTo(file.get("planted_rule_ids"));
                assertThat(issue.get(words.text("column.severity"))).isEqualTo(words.text("severity.error"));
            });
        }
    }

    @Test
    @Order(5)
    void duckDbReadsTheParquetAndAgreesWithTheDatabase() throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            String records = "read_parquet('" + Path.of(URI.create(run.recordsParquet()))
                    + "/**/*.parquet', hive_partitioning = true)";
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
            List<Integer> duckFunnel = new ArrayList<>();
            try (ResultSet rs = duck.createStatement().executeQuery(funnelSql.formatted(records))) {
                rs.next();
                for (int i = 1; i <= 4; i++) {
                    duckFunnel.add(rs.getInt(i));
                }
            }
            List<Integer> databaseFunnel = jdbc.queryForObject(funnelSql.formatted("offer_record"),
                    (rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
            assertThat(duckFunnel).isEqualTo(databaseFunnel);

            PublishedCsv officials = PublishedCsv.read(Path.of(run.officialsFolder()).resolve("aggregates.csv"));
            List<String> statistics = List.of("offers", "meetings_accepted", "meetings_held", "taken_up");
            for (int i = 0; i < statistics.size(); i++) {
                assertThat(officials.value("region", "gwent", "quarter", "2024-25 Q2", "all", "take_up",
                        statistics.get(i), "", "")).as(statistics.get(i)).isEqualTo(String.valueOf(duckFunnel.get(i)));
            }
            PublishedCsv published = PublishedCsv.read(Path.of(run.releaseFolder()).resolve("aggregates.csv"));

            String aggregates = "read_parquet('" + Path.of(URI.create(run.aggregatesParquet())) + "')";
            List<String> hiddenInParquet = new ArrayList<>();
            try (ResultSet rs = duck.createStatement().executeQuery("""
                    SELECT concat_ws('|', measure, statistic, geography_code, period, eligibility_route,
                                     coalesce(stage, ''), coalesce(category, ''), note_code),
                           value IS NULL
                    FROM %s WHERE note_code IS NOT NULL""".formatted(aggregates))) {
                while (rs.next()) {
                    hiddenInParquet.add(rs.getString(1));
                    assertThat(rs.getBoolean(2)).as("no value behind a symbol: " + rs.getString(1)).isTrue();
                }
            }
            List<String> hiddenInCsv = published.rows().stream().filter(r -> r.get("value").isEmpty())
                    .map(r -> String.join("|", r.get("measure"), r.get("statistic"), r.get("geography_code"),
                            r.get("period"), r.get("eligibility_route"), r.get("stage"), r.get("category"),
                            r.get("note_code"))).toList();
            assertThat(hiddenInParquet).as("the same cells are suppressed in the CSV and the Parquet")
                    .containsExactlyInAnyOrderElementsOf(hiddenInCsv).isNotEmpty();
            List<String> hiddenInDatabase = jdbc.queryForList("""
                    SELECT CONCAT(measure, '|', statistic, '|', geography_code, '|', period, '|', eligibility_route, '|',
                                  COALESCE(stage, ''), '|', COALESCE(category, ''), '|', symbol)
                    FROM publication_aggregate WHERE release_name = ? AND symbol IS NOT NULL AND figure IS NULL""",
                    String.class, Path.of(run.releaseFolder()).getFileName().toString());
            assertThat(hiddenInDatabase).as("the same cells are suppressed in the CSV and the publication table")
                    .containsExactlyInAnyOrderElementsOf(hiddenInCsv);
        }
    }

    @Test
    @Order(6)
    void nothingIsLostEveryRowIsARecordOrARejectedRowAndEveryFileIsArchivedWithItsChecksum() throws Exception {
        for (Submission submission : run.submissions()) {
            int records = jdbc.queryForObject("SELECT COUNT(*) FROM offer_record WHERE submission_id = ?", Integer.class,
                    submission.id());
            int rejected = jdbc.queryForObject("SELECT COUNT(*) FROM rejected_row WHERE submission_id = ?",
                    Integer.class, submission.id());
            if (submission.status() == SubmissionStatus.INGESTED) {
                assertThat(records + rejected).as(submission.fileName()).isEqualTo(submission.rowsRead());
            }
            String archivedPath = jdbc.queryForObject("SELECT archived_path FROM submission WHERE id = ?", String.class,
                    submission.id());
            Path archived = workRoot.root().resolve(archivedPath);
            assertThat(archived).as(submission.fileName()).isRegularFile();
            assertThat(FileArchive.sha256(archived)).isEqualTo(submission.sha256());
            assertThat(Files.readString(archived.resolveSibling(archived.getFileName() + ".sha256")))
                    .startsWith(submission.sha256());
        }
        for (CSVRecord file : manifest()) {
            String sha = FileArchive.sha256(RepoPaths.sampleData().resolve(file.get("file")));
            assertThat(run.submissions()).as(file.get("file")).anyMatch(s -> s.sha256().equals(sha));
        }
    }

    @Test
    @Order(10)
    void validatingEverySampleFileGivesTheSameVerdictAndLeavesTheStoreUntouched() throws Exception {
        List<Integer> before = storeRowCounts();
        for (CSVRecord file : manifest()) {
            Path path = RepoPaths.sampleData().resolve(file.get("file"));
            Receipt receipt = validator.validate(path, file.get("region"), LocalDate.now());
            String name = path.getFileName().toString();
            if (file.get("file_rule_id").isEmpty()) {
                assertThat(receipt.mappingId()).as(name).isEqualTo(file.get("mapping"));
                assertThat(receipt.rowsRead()).as(name).isEqualTo(Integer.parseInt(file.get("data_rows")));
                assertThat(receipt.rowsAccepted()).as(name).isEqualTo(Integer.parseInt(file.get("valid_rows")));
                Submission ingested = run.submissions().stream().filter(s -> s.fileName().equals(name)).findFirst()
                        .orElseThrow();
                assertThat(receipt.status()).as(name).isEqualTo(ingested.receiptStatus());
                assertThat(receipt.rowsFlagged()).as(name).isEqualTo(ingested.rowsFlagged());
            } else {
                assertThat(receipt.status()).as(name).isEqualTo(ReceiptStatus.REJECTED);
                assertThat(receipt.fileVerdict()).as(name).contains("Rule: " + file.get("file_rule_id"));
            }
        }
        assertThat(storeRowCounts()).isEqualTo(before);
    }

    private List<Integer> storeRowCounts() {
        return List.of("submission", "offer_record", "rejected_row", "row_issue").stream()
                .map(table -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).toList();
    }

    @Test
    @Order(6)
    void noSmallCountInTheSampleReleaseCanBePinnedOrNarrowedFromEverythingItPublishes() throws Exception {
        // given the region of each authority in each period, as the record-level Parquet shows it
        Map<String, String> regionOf = new HashMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet rs = duck.createStatement().executeQuery("SELECT DISTINCT authority_code, region_code, "
                        + "financial_year, quarter FROM read_parquet('" + Path.of(URI.create(run.recordsParquet()))
                        + "/**/*.parquet', hive_partitioning = true)")) {
            while (rs.next()) {
                regionOf.put(rs.getString(1) + " " + rs.getString(3), rs.getString(2));
                regionOf.put(rs.getString(1) + " " + rs.getString(4), rs.getString(2));
            }
        }
        PublishedCsv published = PublishedCsv.read(Path.of(run.releaseFolder()).resolve("aggregates.csv"));
        PerturbationBounds bounds = PerturbationBounds.of(Path.of(run.releaseFolder()),
                (authority, quarter) -> regionOf.get(authority + " " + quarter));

        // when a reader who knows how the counts are perturbed solves everything published by linear programming,
        // with every sum, non-negativity and the inequalities the definitions imply
        DisclosureAudit audit = new DisclosureAudit(4, (authority, period) -> regionOf.get(authority + " " + period));
        List<String> exposed = audit.exposedAcrossReleases(List.of(new DisclosureAudit.Published(published.rows(),
                bounds::noise)), List.of(PerturbationBounds.exactCounts(Path.of(run.officialsFolder()))),
                List.of(row -> false), List.of(0));

        // then no small count or [c] is pinned to a value or a narrow range
        assertThat(exposed).isEmpty();
        assertThat(published.rows()).anyMatch(r -> "[c]".equals(r.get("note_code")));
    }

    @Test
    @Order(7)
    void theTopReasonsTableAnswersTheQuestionAtAGlanceFromThePublishedCounts() throws Exception {
        // given the published refusal counts for Wales, by stage and reason, in the latest financial year
        List<Map<String, String>> counts = PublishedCsv.read(Path.of(run.releaseFolder()).resolve("aggregates.csv"))
                .rows().stream().filter(r -> r.get("measure").equals("refusal_reasons")
                        && r.get("statistic").equals("count") && r.get("geography_level").equals("wales")
                        && r.get("period_type").equals("financial_year") && r.get("eligibility_route").equals("all"))
                .toList();
        String latest = counts.stream().map(r -> r.get("period")).max(String::compareTo).orElseThrow();
        Map<String, int[]> byReason = new HashMap<>();
        counts.stream().filter(r -> r.get("period").equals(latest) && !r.get("category").equals("all"))
                .forEach(r -> byReason.computeIfAbsent(r.get("category"), c -> new int[2])[
                        r.get("stage").equals("offer") ? 0 : 1] = Integer.parseInt(r.get("value")));
        List<String> expected = byReason.values().stream().map(n -> n[0] + "+" + n[1] + "=" + (n[0] + n[1]))
                .sorted().toList();

        // when an official opens the workbook's Top_refusal_reasons sheet
        List<String> shown = new ArrayList<>();
        List<Integer> both = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(Path.of(run.releaseFolder())
                .resolve("active-offer-official-statistics.xlsx").toFile())) {
            Sheet sheet = book.getSheet("Top_refusal_reasons");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("(" + latest + ")");
            for (int r = GssSheets.headingRow(sheet) + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                int offer = (int) row.getCell(3).getNumericCellValue();
                int meeting = (int) row.getCell(4).getNumericCellValue();
                both.add((int) row.getCell(5).getNumericCellValue());
                shown.add(offer + "+" + meeting + "=" + (int) row.getCell(5).getNumericCellValue());
                assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            }
        }

        // then it holds every reason with the two stages added up, most common first
        assertThat(shown.stream().sorted().toList()).isEqualTo(expected);
        assertThat(both).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    @Order(7)
    void noCellOfEitherWorkbookShowsARuleCodeOrARepositoryPath() throws Exception {
        Pattern code = Pattern.compile("\\bAO-F?\\d+\\b");
        Pattern repositoryPath = Pattern.compile("\\b(mappings|docs|pipeline|ops|src)/[\\w./-]+|\\b[\\w-]+\\.md\\b");
        DataFormatter text = new DataFormatter();
        for (Path workbook : List.of(Path.of(run.releaseFolder()).resolve("active-offer-official-statistics.xlsx"),
                Path.of(run.officialsFolder()).resolve("active-offer-management-information.xlsx"))) {
            int cells = 0;
            try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
                for (Sheet sheet : book) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            String shown = text.formatCellValue(cell);
                            cells++;
                            assertThat(shown).as("%s, %s!%s", workbook.getFileName(), sheet.getSheetName(),
                                    cell.getAddress()).doesNotContainPattern(code).doesNotContainPattern(repositoryPath);
                        }
                    }
                }
            }
            assertThat(cells).isGreaterThan(1000);
        }
    }

    /** The units a workbook heading may name, in English and in Welsh, by what its cells must hold. */
    private static final Pattern UNIT_EN = Pattern.compile("\\((count|%|% of [^)]+|working days|percentage points)\\)");
    private static final Pattern UNIT_CY = Pattern.compile("\\((cyfrif|%|% o [^)]+|diwrnodau gwaith|pwyntiau canran)\\)");
    private static final Map<String, String> UNIT_IN_WELSH = Map.of("count", "cyfrif", "%", "%",
            "working days", "diwrnodau gwaith", "percentage points", "pwyntiau canran");

    @Test
    @Order(7)
    void everyTableColumnOfEitherWorkbookHoldsOneUnitAndItsHeadingNamesItInBothLanguages() throws Exception {
        DataFormatter text = new DataFormatter();
        for (Path workbook : List.of(Path.of(run.releaseFolder()).resolve("active-offer-official-statistics.xlsx"),
                Path.of(run.officialsFolder()).resolve("active-offer-management-information.xlsx"))) {
            Map<String, Integer> numbersByUnit = new HashMap<>();
            try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
                for (var sheet : book) {
                    for (XSSFTable table : ((XSSFSheet) sheet).getTables()) {
                        Row head = sheet.getRow(table.getStartRowIndex());
                        for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                            String heading = text.formatCellValue(head.getCell(c));
                            String where = workbook.getFileName() + ", " + sheet.getSheetName() + ", '" + heading + "'";
                            String unit = unit(UNIT_EN, heading);
                            String welsh = unit(UNIT_CY, heading);
                            // given a heading: it names a unit in English and the same unit in Welsh, or neither
                            if (unit == null) {
                                assertThat(welsh).as(where + ": a Welsh unit without an English one").isNull();
                            } else {
                                assertThat(welsh).as(where + ": the unit in Welsh").isNotNull();
                                if (unit.startsWith("% of ")) {
                                    assertThat(welsh).as(where + ": the unit in Welsh").startsWith("% o ");
                                } else {
                                    assertThat(welsh).as(where + ": the unit in Welsh")
                                            .isEqualTo(UNIT_IN_WELSH.get(unit));
                                }
                            }
                            boolean rank = heading.startsWith("Rank ");
                            for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                                Cell cell = sheet.getRow(r).getCell(c);
                                if (cell == null || cell.getCellType() != CellType.NUMERIC) {
                                    String shown = cell == null ? "" : text.formatCellValue(cell);
                                    // then a column with a unit holds numbers, symbols, or nothing in a None row
                                    if (unit != null) {
                                        assertThat(shown).as(where + " row " + (r + 1)).matches("|\\[[cxz]]");
                                    }
                                    continue;
                                }
                                // and a number stands only under a unit (or a rank), in that unit's form
                                String format = cell.getCellStyle().getDataFormatString();
                                double value = cell.getNumericCellValue();
                                String as = where + " row " + (r + 1) + ": " + text.formatCellValue(cell);
                                assertThat(unit != null || rank).as(as + " is a number under a heading with no unit")
                                        .isTrue();
                                String kind = rank ? "rank" : unit.startsWith("%") ? "%" : unit;
                                numbersByUnit.merge(kind, 1, Integer::sum);
                                switch (kind) {
                                    case "%" -> assertThat(format).as(as).endsWith("%");
                                    case "count", "rank" -> assertThat(value).as(as).isNotNegative()
                                            .isEqualTo(Math.rint(value));
                                    case "working days" -> assertThat(value).as(as).isNotNegative();
                                    default -> assertThat(kind).isEqualTo("percentage points");
                                }
                                if (!kind.equals("%")) {
                                    assertThat(format).as(as).isEqualTo("General");
                                }
                            }
                        }
                    }
                }
            }
            assertThat(numbersByUnit).as(workbook.getFileName().toString())
                    .containsKeys("count", "%", "working days", "percentage points", "rank");
            assertThat(numbersByUnit.get("count")).isGreaterThan(1000);
        }
    }

    /** The one unit a heading names (the last in brackets), or null. */
    private static String unit(Pattern units, String heading) {
        Matcher matcher = units.matcher(heading);
        String unit = null;
        while (matcher.find()) {
            unit = matcher.group(1);
        }
        return unit;
    }

    @Test
    @Order(7)
    void theWorkbookShowsRatesAndSharesAsPercentagesWithOneDecimal() throws Exception {
        try (var workbook = HandCountedInboxScenario.officialsWorkbook(Path.of(run.releaseFolder()))) {
            var text = new DataFormatter(Locale.UK);
            int percentages = 0;
            for (int t = 1; workbook.getSheet("Table_" + t) != null; t++) {
                String sheet = "Table_" + t;
                var rows = workbook.getSheet(sheet);
                var head = rows.getRow(GssSheets.headingRow(rows));
                List<Integer> figures = HandCountedInboxScenario.statisticColumns(head, text);
                for (int r = GssSheets.headingRow(rows) + 1; r <= rows.getLastRowNum(); r++) {
                    var row = rows.getRow(r);
                    for (int c : figures) {
                        String figure = head.getCell(c).getStringCellValue();
                        boolean rate = figure.contains("(%)");
                        var value = row.getCell(c);
                        if (value.getCellType() != CellType.NUMERIC) {
                            continue;
                        }
                        assertThat(value.getCellStyle().getDataFormatString()).as(sheet + " row " + (r + 1) + " " + figure)
                                .isEqualTo(rate ? "0.0%" : "General");
                        if (rate) {
                            assertThat(text.formatCellValue(value)).matches("\\d{1,3}\\.\\d%");
                            percentages++;
                        }
                    }
                }
            }
            assertThat(percentages).isGreaterThan(100);
        }
    }

    @Test
    @Order(7)
    void theWorkbookAnswersEachRegionsTakeUpThisQuarterAgainstTheLastAsTheCsvDoes() throws Exception {
        // given the published take-up rates of Wales and the regions by quarter
        List<Map<String, String>> rates = PublishedCsv.read(Path.of(run.releaseFolder()).resolve("aggregates.csv"))
                .rows().stream().filter(r -> r.get("statistic").equals("take_up_rate")
                        && r.get("period_type").equals("quarter") && r.get("eligibility_route").equals("all")
                        && List.of("wales", "region").contains(r.get("geography_level"))).toList();
        TreeSet<String> quarters = new TreeSet<>();
        rates.forEach(r -> quarters.add(r.get("period")));
        String latest = quarters.last();
        String before = quarters.lower(latest);
        Map<String, String> shown = new HashMap<>();
        rates.forEach(r -> shown.put(r.get("geography_code") + " " + r.get("period"),
                r.get("value").isEmpty() ? r.get("note_code") : r.get("value")));

        // when an official opens the worked table of take-up change
        try (var workbook = HandCountedInboxScenario.officialsWorkbook(Path.of(run.releaseFolder()))) {
            var table = workbook.getSheet("Take_up_change");
            var text = new DataFormatter(Locale.UK);
            assertThat(text.formatCellValue(table.getRow(GssSheets.headingRow(table)).getCell(3))).startsWith("Take-up rate " + before);
            assertThat(text.formatCellValue(table.getRow(GssSheets.headingRow(table)).getCell(4))).startsWith("Take-up rate " + latest);

            // then each region's two rates and the change are those of the CSV
            List<String> geographies = new ArrayList<>();
            for (int r = GssSheets.headingRow(table) + 1; r <= table.getLastRowNum(); r++) {
                var row = table.getRow(r);
                String code = row.getCell(0).getStringCellValue();
                geographies.add(code);
                String earlier = shown.get(code + " " + before);
                String later = shown.get(code + " " + latest);
                assertThat(cellShown(row.getCell(3))).as(code + " " + before).isEqualTo(earlier);
                assertThat(cellShown(row.getCell(4))).as(code + " " + latest).isEqualTo(later);
                String change = earlier.startsWith("[") || later.startsWith("[")
                        ? (earlier.equals("[c]") || later.equals("[c]") ? "[c]" : "[z]")
                        : BigDecimal.valueOf(100 * (Double.parseDouble(later) - Double.parseDouble(earlier)))
                                .setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
                assertThat(cellShown(row.getCell(5))).as(code + " change").isEqualTo(change);
            }
            assertThat(geographies).hasSize(7).first().isEqualTo("W92000004");
        }
    }

    private static String cellShown(Cell cell) {
        return cell.getCellType() == CellType.NUMERIC
                ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                : cell.getStringCellValue();
    }

    @Test
    @Order(7)
    void libreOfficeRendersTheOfficialsWorkbookToPdf(@TempDir Path dir) throws Exception {
        // given the release's workbook, when LibreOffice Calc (a real process, headless; .ci/run installs it) converts
        // it to PDF, as an official without Excel would open it
        Path workbook = Path.of(run.releaseFolder()).resolve("active-offer-official-statistics.xlsx");
        Process soffice = new ProcessBuilder("soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir",
                dir.toString(), workbook.toString()).redirectErrorStream(true).start();
        String output = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(soffice.waitFor(3, TimeUnit.MINUTES)).as("soffice finished").isTrue();

        // then it succeeds, with more pages than sheets
        assertThat(soffice.exitValue()).as(output).isZero();
        Path pdf = dir.resolve("active-offer-official-statistics.pdf");
        assertThat(pdf).as(output).exists();
        List<List<PdfPages.Run>> pages = PdfPages.read(pdf);
        assertThat(pages).hasSizeGreaterThan(10);

        // and, on every page, no line of text is drawn over another, none is smaller than 8 pt, and none runs past the
        // page's edge (a title that did would be cut there, mid-word)
        for (List<PdfPages.Run> page : pages) {
            for (int i = 0; i < page.size(); i++) {
                assertThat(page.get(i).right()).as("the end of '%s' on page %d", page.get(i).text(),
                        page.get(i).page()).isLessThanOrEqualTo(page.get(i).pageWidth());
                for (int j = i + 1; j < page.size(); j++) {
                    assertThat(page.get(i).overlaps(page.get(j))).as("on page %d, '%s' drawn over '%s'",
                            page.get(i).page(), page.get(i).text(), page.get(j).text()).isFalse();
                }
                assertThat(page.get(i).smallestPoints()).as("the size of '%s' on page %d", page.get(i).text(),
                        page.get(i).page()).isGreaterThanOrEqualTo(8f);
            }
        }

        // and every page of a table sheet, headed with the sheet's name, repeats the table's heading row
        Map<String, List<String>> headingWords = new HashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
            for (var sheet : book) {
                for (XSSFTable table : ((XSSFSheet) sheet).getTables()) {
                    String heading = sheet.getRow(table.getStartRowIndex()).getCell(0).getStringCellValue();
                    headingWords.put(sheet.getSheetName(), List.of(heading.split("\\s+")));
                }
            }
        }
        Map<String, Integer> pagesBySheet = new HashMap<>();
        for (List<PdfPages.Run> page : pages) {
            String sheet = page.stream().min(Comparator.comparing(PdfPages.Run::top))
                    .map(PdfPages.Run::text).orElse("");
            if (headingWords.containsKey(sheet)) {
                if (sheet.equals("Table_1") && !pagesBySheet.containsKey(sheet)) {
                    Screenshots.save("statistics-workbook-table-1.png", PdfPages.png(pdf, page.get(0).page()));
                }
                pagesBySheet.merge(sheet, 1, Integer::sum);
                String onPage = String.join(" ", page.stream().map(PdfPages.Run::text).toList());
                assertThat(onPage).as("the heading row of %s on page %d", sheet, page.get(0).page())
                        .contains(headingWords.get(sheet));
            }
        }
        assertThat(pagesBySheet.keySet()).as("every table sheet printed under its name")
                .containsExactlyInAnyOrderElementsOf(headingWords.keySet());
        assertThat(pagesBySheet.values()).as("a wide table runs on to more pages, never shrunk")
                .anyMatch(n -> n > 1);
    }

    @Test
    @Order(7)
    void theForumReportShowsEveryChartWithItsTextAndTableFromThePublishedFiguresInBothLanguagesOffline()
            throws Exception {
        Path release = Path.of(run.releaseFolder());
        PublishedCsv published = PublishedCsv.read(release.resolve("aggregates.csv"));
        Map<String, List<String>> headings = new HashMap<>();
        try (ReportBrowser browser = new ReportBrowser()) {
            for (String[] version : List.of(new String[] {"en", "forum-report.html"},
                    new String[] {"cy", "adroddiad-fforwm.html"})) {
                // when a forum member opens the report from the release folder, with no network
                browser.open(release.resolve(version[1]));

                // then it is in its language, fetches nothing, and every chart has drawn its panels
                assertThat(browser.script("return document.documentElement.lang")).isEqualTo(version[0]);
                assertThat(browser.resourcesFetched()).as("a self-contained page").isEmpty();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.script("""
                        return [...document.querySelectorAll('figure.chart')].map(f => ({
                          id: f.id,
                          panels: f.querySelectorAll('svg.panel').length,
                          drawn: [...f.querySelectorAll('svg.panel')].every(s => s.getBoundingClientRect().width > 0
                              && s.getBoundingClientRect().height > 0
                              && s.querySelectorAll('polyline, rect, circle').length > 0),
                          named: [...f.querySelectorAll('svg.panel')].every(s => s.getAttribute('role') === 'img'
                              && s.getAttribute('aria-labelledby').split(' ').every(id =>
                                  (document.getElementById(id)?.textContent || '').trim().length > 0)),
                          descriptions: [...f.querySelectorAll('svg.panel desc')].map(d => d.textContent.trim()),
                          caption: (f.querySelector('figcaption')?.textContent || '').trim(),
                          title: (f.querySelector('h3')?.textContent || '').trim(),
                          tableRows: f.querySelectorAll('table tbody tr').length}));""");
                assertThat(charts).extracting(c -> c.get("id")).containsExactly("fig-take-up", "fig-funnel",
                        "fig-refusals-offer", "fig-refusals-meeting", "fig-response-days", "fig-response-share",
                        "fig-sources");
                for (Map<String, Object> chart : charts) {
                    assertThat(((Number) chart.get("panels")).intValue()).as(chart.get("id") + " panels")
                            .isGreaterThanOrEqualTo(6);
                    assertThat(chart.get("drawn")).as(chart.get("id") + " drawn").isEqualTo(true);
                    assertThat(chart.get("named")).as(chart.get("id") + " text alternative").isEqualTo(true);
                    // each panel's text alternative says what it shows: figures from the panel, or that none is
                    // published, not only where the numbers are
                    @SuppressWarnings("unchecked")
                    List<String> descriptions = (List<String>) chart.get("descriptions");
                    assertThat(descriptions).as(chart.get("id") + " descriptions")
                            .hasSizeGreaterThanOrEqualTo(6).allSatisfy(d -> assertThat(d.replaceAll(
                                    "\\d{4}-\\d{2}( (Q|Ch)\\d)?|\\d+(th|fed) |95%|(target of|targed o|within|o fewn) \\d+", ""))
                                    .containsPattern("\\d|\\[[cxz]]|no (figure|share) is published|ni chyhoeddir"));
                    assertThat(((Number) chart.get("tableRows")).intValue()).as(chart.get("id") + " data table")
                            .isPositive();
                    assertThat(chart.get("caption").toString()).as(chart.get("id") + " source")
                            .contains(release.getFileName().toString());
                    // a title that states the chart's message: a number or a direction taken from the figures
                    assertThat(chart.get("title").toString().replaceAll("\\d{4}-\\d{2}( [A-Z][a-z]?\\d)?", ""))
                            .as(chart.get("id") + " title, periods aside")
                            .containsPattern("\\d|\\b(up|down|the same|i fyny|i lawr|yr un fath)\\b");
                }
                // and every number it marks is the published one, every interval the Wilson interval of its counts
                assertThat(ForumReportChecks.everyNumberIsThePublishedOne(browser, published, version[0]))
                        .isGreaterThan(1000);
                assertThat(ForumReportChecks.coverageAndQualityAreThePublishedOnes(browser,
                        PublishedCsv.read(release.resolve("coverage.csv")), PublishedCsv.read(release.resolve(
                                "data-quality.csv")), version[0].equals("en") ? "Received" : "Wedi dod i law"))
                        .isGreaterThan(100);
                // and every number of its running text is a published figure or a constant of the release, each
                // as the release has it
                assertThat(ForumReportChecks.numbersInTheTextThatSayNotWhereTheyComeFrom(browser)).as(version[1])
                        .isEmpty();
                boolean english = version[0].equals("en");
                int mostMoved = JsonMapper.builder().build().readTree(release.resolve("manifest.json").toFile())
                        .path("publication").path("maxPerturbation").asInt();
                assertThat(ForumReportChecks.constantsAndCoverageCountsAreTheReleases(browser, Map.of(
                        "interval-level", "95%", "target-working-days", "10", "authorities", "22",
                        "small-counts", english ? "1 to 4" : "1 i 4", "max-perturbation", String.valueOf(mostMoved),
                        "percentile", english ? "90th" : "90fed"), PublishedCsv.read(release.resolve("coverage.csv"))))
                        .as(version[1]).isGreaterThanOrEqualTo(12);
                // and axe-core finds nothing serious or critical
                assertThat(browser.seriousAccessibilityViolations()).as(version[1]).isEmpty();
                // and on a desktop and on a phone, every label of every chart is inside its panel
                for (int width : List.of(1280, 390)) {
                    browser.resize(width);
                    assertThat(ForumReportChecks.labelsThatDoNotFit(browser)).as("%s at %d px", version[1], width)
                            .isEmpty();
                    // and no period or date of the text is broken at its hyphen
                    assertThat(browser.script("return [...document.querySelectorAll('.period')].filter(p => "
                            + "p.getClientRects().length > 1).map(p => p.textContent)")).as("%s at %d px",
                            version[1], width).asList().isEmpty();
                    assertThat(browser.script("return document.querySelectorAll('.period').length"))
                            .asString().matches("[1-9]\\d+");
                    if (version[0].equals("en")) {
                        Screenshots.save("forum-report-" + width + "px.png", browser.screenshot());
                    }
                }
                browser.resize(1280);
                @SuppressWarnings("unchecked")
                List<String> texts = (List<String>) browser.script("return [...document.querySelectorAll("
                        + "'h1, h2, h3, figcaption, .table-caption, .summary li')].map(e => e.textContent.trim());");
                headings.put(version[0], texts);
                if (version[0].equals("en")) {
                    byte[] pdf = browser.printToPdf();
                    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
                    assertThat(Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf,
                            StandardCharsets.ISO_8859_1)).results().count()).isGreaterThan(3);
                }
            }
        }
        // and the Welsh is complete: every heading, caption and summary line is there, and none is left in English
        assertThat(headings.get("cy")).hasSameSizeAs(headings.get("en"));
        for (int i = 0; i < headings.get("en").size(); i++) {
            assertThat(headings.get("cy").get(i)).as("Welsh of: " + headings.get("en").get(i))
                    .isNotEqualTo(headings.get("en").get(i));
        }
    }

    @Test
    @Order(7)
    void theRunSummarySaysHowManyWalesAndRegionFiguresArePublished() throws Exception {
        List<Map<String, String>> walesAndRegions = PublishedCsv.read(Path.of(run.releaseFolder())
                .resolve("aggregates.csv")).rows().stream()
                .filter(r -> List.of("wales", "region").contains(r.get("geography_level")))
                .filter(r -> !"[z]".equals(r.get("note_code"))).toList();
        long shown = walesAndRegions.stream().filter(r -> !r.get("value").isEmpty()).count();
        assertThat(RunSummaryText.of(run, workRoot.root())).contains(String.format(Locale.UK,
                "  Published:        %,d of %,d Wales and region figures (%.1f%%) in the public release; the rest are "
                        + "[c], hidden to protect small numbers%n", shown, walesAndRegions.size(),
                100.0 * shown / walesAndRegions.size()));
        assertThat(RunSummaryText.of(run, workRoot.root())).contains("    Forum report:           "
                + run.releaseFolder() + "/forum-report.html (Cymraeg: adroddiad-fforwm.html)\n")
                .contains("    Workbook:               " + run.officialsFolder()
                        + "/active-offer-management-information.xlsx\n");
        assertThat(100.0 * shown / walesAndRegions.size()).as("officials and the forum see at least 95% of it")
                .isGreaterThanOrEqualTo(95);
    }

    @Test
    @Order(7)
    void duckDbRecomputesEveryFigureOfTheOfficialsDatasetFromTheRecordLevelParquetAndMatchesTheProtectedStore()
            throws Exception {
        // given the unsuppressed figures the protected store kept for the release
        String release = Path.of(run.releaseFolder()).getFileName().toString();
        Map<String, Double> protectedFigures = new HashMap<>();
        jdbc.query("SELECT * FROM protected_aggregate WHERE release_name = ?", (ResultSet rs) -> {
            double figure = rs.getDouble("figure");
            Double unsuppressed = rs.wasNull() ? null : figure;
            protectedFigures.put(String.join("|", rs.getString("measure"), rs.getString("statistic"),
                    rs.getString("geography_level"), rs.getString("geography_code"), rs.getString("period_type"),
                    rs.getString("period"), rs.getString("eligibility_route"),
                    Objects.requireNonNullElse(rs.getString("stage"), ""),
                    Objects.requireNonNullElse(rs.getString("category"), "")), unsuppressed);
        }, release);

        // when DuckDB recomputes every measure from the record-level Parquet alone
        PublicationPlan plan = PublicationPlan.load(RepoPaths.mappings().resolve("reference")
                .resolve(PublicationPlan.FILE_NAME));
        Map<String, Map<String, String>> combined = new HashMap<>();
        List.of("refusal_reasons", "referral_sources").forEach(measure -> plan.combinations(measure).forEach(
                (group, parts) -> parts.forEach(part -> combined.computeIfAbsent(measure, m -> new HashMap<>())
                        .put(part, group))));
        Map<String, Double> recomputed;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            recomputed = DuckDbMeasures.recompute(duck, Path.of(URI.create(run.recordsParquet())).toString(), 10,
                    combined);
        }
        recomputed.keySet().removeIf(key -> {
            String[] part = key.split("\\|", -1);
            return !plan.covers(part[0], new CellKey(part[2], part[3], part[4], part[5], part[6]));
        });

        // then it finds every row of the officials' exact dataset, and every figure is the same to the last digit
        List<Map<String, String>> published = PublishedCsv.read(Path.of(run.officialsFolder())
                .resolve("aggregates.csv")).rows();
        assertThat(recomputed.keySet()).containsExactlyInAnyOrderElementsOf(published.stream().map(DuckDbMeasures::key)
                .toList());
        assertThat(protectedFigures.keySet()).isEqualTo(recomputed.keySet());
        List<Map<String, String>> withFigures = published.stream().filter(r -> !r.get("value").isEmpty()).toList();
        assertThat(withFigures).isNotEmpty();
        for (Map<String, String> row : withFigures) {
            String key = DuckDbMeasures.key(row);
            assertThat(recomputed.get(key)).as(key).isEqualTo(protectedFigures.get(key));
            assertThat(BigDecimal.valueOf(recomputed.get(key)).setScale(4, RoundingMode.HALF_UP))
                    .as(key).isEqualByComparingTo(row.get("value"));
        }
    }

    @Test
    @Order(7)
    void everyReadmeExampleRunsOnTheSampleRunsOutput() throws Exception {
        List<ReadmeExamples.Example> examples = ReadmeExamples.all();
        assertThat(examples).extracting(ReadmeExamples.Example::language).contains("sql", "python", "r");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (ReadmeExamples.Example example : examples) {
                List<String> paths = example.paths();
                assertThat(paths).as(example.code()).isNotEmpty();
                if (example.language().equals("sql")) {
                    try (ResultSet rs = duck.createStatement().executeQuery(
                            ReadmeExamples.at(example, workRoot.root()).replace(";", ""))) {
                        assertThat(rs.next()).as("a row from " + example.code()).isTrue();
                    }
                    continue;
                }
                for (String path : paths) {
                    Path folder = workRoot.root().resolve(path.substring("work/".length()));
                    assertThat(folder).as(example.code()).isDirectory();
                    String dataset = "read_parquet('" + folder + "/**/*.parquet', hive_partitioning = true)";
                    List<String> columns = new ArrayList<>();
                    try (ResultSet rs = duck.createStatement().executeQuery("DESCRIBE SELECT * FROM " + dataset)) {
                        while (rs.next()) {
                            if (Pattern.compile("\\b" + rs.getString(1) + "\\b").matcher(example.code()).find()) {
                                columns.add(rs.getString(1));
                            }
                        }
                    }
                    assertThat(columns).as("the columns " + example.code() + " groups by").isNotEmpty();
                    try (ResultSet rs = duck.createStatement().executeQuery("SELECT " + String.join(", ", columns)
                            + ", count(*) FROM " + dataset + " GROUP BY ALL")) {
                        assertThat(rs.next()).as("a row from " + example.code()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    @Order(20)
    void runningTheQuickStartAgainIngestsNothingAndPublishesTheSameNumbers() throws Exception {
        long archivedBefore = countFiles(workRoot.root().resolve("archive")) + countFiles(workRoot.root().resolve("rejected"));
        RunSummary again = nightlyRun.execute();
        assertThat(countFiles(workRoot.root().resolve("archive")) + countFiles(workRoot.root().resolve("rejected")))
                .as("the archive only grows").isGreaterThanOrEqualTo(archivedBefore);

        assertThat(again.submissions()).isEmpty();
        assertThat(databaseCountsByAuthority()).containsExactlyInAnyOrderEntriesOf(RECORDS_PER_AUTHORITY);
        assertThat(again.newRelease()).as("nothing new, so nothing new published").isFalse();
        assertThat(again.releaseFolder()).isEqualTo(run.releaseFolder());
        assertThat(Files.readString(Path.of(again.releaseFolder()).resolve("aggregates.csv")))
                .isEqualTo(Files.readString(Path.of(run.releaseFolder()).resolve("aggregates.csv")));
    }

    private static long countFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private Path receipt(String region, String fileName, String extension) throws Exception {
        try (Stream<Path> receipts = Files.walk(workRoot.receipts(region))) {
            return receipts.filter(p -> p.getFileName().toString().startsWith(fileName + ".receipt-")
                    && p.getFileName().toString().endsWith(extension)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + extension + " receipt for " + fileName));
        }
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
