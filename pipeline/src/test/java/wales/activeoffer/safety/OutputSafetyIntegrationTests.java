package wales.activeoffer.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import wales.activeoffer.job.NightlyRun;
import wales.activeoffer.job.RunSummary;
import wales.activeoffer.support.TestDatabases;

/**
 * Children's data and formula injection, end to end against the real PostgreSQL. Known identifiers, names, dates of
 * birth and free text are planted in a return (some in columns no mapping reads, some on a rejected row); after the
 * run no output holds any of them: not the published CSV or Parquet, the receipts (text, CSV, XLSX), the logs, nor the
 * store's tables. Values that a spreadsheet would run as formulas are neutralised in every CSV and workbook written,
 * and kept raw in the store.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class OutputSafetyIntegrationTests {
    static final Path WORK_ROOT = TestDatabases.newWorkRoot("output-safety");
    static final Path INBOX = WORK_ROOT.resolveSibling(WORK_ROOT.getFileName() + "-inbox");
    static final String SCHEMA = TestDatabases.newSchemaName();
    static final List<String> PLANTED = List.of("ZZCHILD0001", "ZZCHILD0002", "ZZCHILD0003", "ZZCHILD0004",
            "Persephone Quackenbush", "Barnaby Thistlewood", "Ottoline Gribble", "Wilhelmina Fothergill",
            "Lives with her aunt", "17/02/2009", "2009-02-17", "18/03/2010", "2010-03-18");
    static final String HYPERLINK = "=HYPERLINK(\"http://example.invalid\",\"click\")";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createDirectories(INBOX.resolve("cardiff-and-vale"));
        String[] header = {"Authority", "Child Reference", "Child's name", "Date of Birth", "Route", "Date offer made",
            "Response", "Outcome", "Source of referral", "Notes"};
        String[][] rows = {
            {"Cardiff", "ZZCHILD0001", "Persephone Quackenbush", "17/02/2009", "Looked after", "03/04/2024",
                "Accepted meeting", "Took up advocacy", "Social worker", "Lives with her aunt Wilhelmina Fothergill"},
            {"Cardiff", "ZZCHILD0002", "Barnaby Thistlewood", "18/03/2010", "Looked after", "not known", "No response",
                "", "", "Moved school"},
            {"Cardiff", "ZZCHILD0003", "Ottoline Gribble", "19/04/2011", "Child protection", "05/04/2024", "Declined",
                "", HYPERLINK, "note"},
            {"Cardiff", "ZZCHILD0004", "", "20/05/2012", "Looked after", "08/04/2024", "Accepted meeting", "@SUM(1+1)",
                "\uFF1D1+1", ""}};
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(folder.resolve("Cardiff AO return 2024-25 Q1.xlsx"))) {
            var sheet = workbook.createSheet("Return");
            sheet.createRow(0).createCell(0).setCellValue("Active Offer return - Cardiff - 2024-25 Q1");
            Row head = sheet.createRow(1);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
        }
        TestDatabases.common(registry, WORK_ROOT, INBOX);
        TestDatabases.usePostgres(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(SCHEMA);
    }

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noPlantedIdentifierNameDateOfBirthOrFreeTextLeavesIngest(CapturedOutput logs) throws Exception {
        RunSummary run = nightlyRun.execute();
        assertThat(run.submissions()).singleElement().satisfies(s -> {
            assertThat(s.rowsAccepted()).isEqualTo(3);
            assertThat(s.rowsRejected()).isEqualTo(1);
        });

        List<String> outputs = new ArrayList<>();
        outputs.add(logs.getAll());
        try (Stream<Path> files = Files.walk(WORK_ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString();
                if (name.contains("/archive/") || name.contains("/db/")) {
                    continue;
                }
                outputs.add(readable(file));
            }
        }
        outputs.add(parquetValues(Path.of(URI.create(run.recordsParquet())) + "/**/*.parquet"));
        outputs.add(parquetValues(Path.of(URI.create(run.aggregatesParquet())).toString()));
        for (String table : List.of("offer_record", "rejected_row", "row_issue", "submission",
                "batch_step_execution_context", "batch_job_execution_context")) {
            outputs.add(jdbc.queryForList("SELECT * FROM " + table).toString());
        }
        String everything = String.join("\n", outputs);
        assertThat(outputs).hasSizeGreaterThan(8);
        PLANTED.forEach(planted -> assertThat(everything).as(planted).doesNotContain(planted));
        assertThat(jdbc.queryForObject("SELECT raw_values FROM rejected_row", String.class))
                .contains("\"child_id\":\"key:").contains("\"date_of_birth\":\"(withheld)\"")
                .contains("\"date_offer\":\"not known\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer_record WHERE age_at_offer IS NOT NULL",
                Integer.class)).as("only the age at offer is kept").isEqualTo(3);
    }

    @Test
    void valuesThatWouldRunAsFormulasAreNeutralisedInEverySpreadsheetAndKeptRawInTheStore() throws Exception {
        Path receipts = WORK_ROOT.resolve("receipts/cardiff-and-vale");
        if (!Files.exists(receipts)) {
            nightlyRun.execute();
        }
        Path csv;
        Path xlsx;
        try (Stream<Path> files = Files.list(receipts)) {
            List<Path> all = files.toList();
            csv = all.stream().filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
            xlsx = all.stream().filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        String receiptCsv = Files.readString(csv);
        assertThat(receiptCsv).contains("'=HYPERLINK").contains("'@SUM(1+1)").contains("'\uFF1D1+1")
                .doesNotContain("," + HYPERLINK.substring(0, 10));
        String workbookText = readable(xlsx);
        assertThat(workbookText).contains("'=HYPERLINK").contains("'@SUM(1+1)").contains("'\uFF1D1+1");
        assertThat(jdbc.queryForList("SELECT shown_value FROM row_issue WHERE rule_id = 'AO-006'", String.class))
                .contains(HYPERLINK, "@SUM(1+1)", "\uFF1D1+1");
    }

    /** A file's text; a workbook's text is the text of its XML parts. */
    private static String readable(Path file) throws IOException {
        if (file.toString().endsWith(".xlsx")) {
            StringBuilder text = new StringBuilder();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (var entries = zip.entries(); entries.hasMoreElements();) {
                    var entry = entries.nextElement();
                    text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return text.toString().replace("&quot;", "\"").replace("&amp;", "&");
        }
        if (file.toString().endsWith(".parquet")) {
            return "";
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String parquetValues(String parquet) throws Exception {
        StringBuilder values = new StringBuilder();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet rs = duck.createStatement().executeQuery("SELECT * FROM read_parquet('" + parquet + "')")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    values.append(rs.getString(c)).append('|');
                }
            }
        }
        return values.toString();
    }
}
