package wales.activeoffer.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import wales.activeoffer.job.NightlyRun;
import wales.activeoffer.job.RunSummary;
import wales.activeoffer.read.XlsxTabularSource;
import wales.activeoffer.store.Submission;
import wales.activeoffer.store.SubmissionStatus;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;

/**
 * Hostile and broken files, made in the test and dropped into one inbox with two good files, against the real
 * PostgreSQL: each is refused whole with a clear reason and nothing stored, and the run goes on with the others.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFilesIntegrationTests {
    static final Path WORK_ROOT = TestDatabases.newWorkRoot("hostile");
    static final Path INBOX = WORK_ROOT.resolveSibling(WORK_ROOT.getFileName() + "-inbox");
    static final String SCHEMA = TestDatabases.newSchemaName();
    static final String GOOD = "WCCIS_ActiveOffer_W06000022_2024-25.csv";
    static final String UTF16 = "newport utf16 no bom.csv";

    /** Each hostile file's name, the rule its receipt must give, and words its reason must contain. */
    static final Map<String, String[]> EXPECTED = Map.ofEntries(
            Map.entry("empty return.csv", new String[] {"AO-F03", "empty"}),
            Map.entry("scan of the return.pdf", new String[] {"AO-F01", ".pdf"}),
            Map.entry("really a csv.xlsx", new String[] {"AO-F03", "not an Excel workbook"}),
            Map.entry("really an xlsx.xls", new String[] {"AO-F03", "an .xlsx workbook named .xls"}),
            Map.entry("protected.xlsx", new String[] {"AO-F03", "password-protected"}),
            Map.entry("half copied.xlsx", new String[] {"AO-F03", "damaged or incomplete"}),
            Map.entry("bomb.xlsx", new String[] {"AO-F03", "zip bomb"}),
            Map.entry("laughs.xlsx", new String[] {"AO-F03", "document type or entities"}),
            Map.entry("huge cell.csv", new String[] {"AO-F03", "longer than"}),
            Map.entry("export.csv", new String[] {"AO-F03", "binary data"}),
            Map.entry("linked.xlsx", new String[] {"AO-F03", "points at another workbook"}),
            Map.entry("too many rows.xlsx", new String[] {"AO-F06", "more than 1000 rows"}));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path gwent = Files.createDirectories(INBOX.resolve("gwent"));
        HostileFiles.empty(gwent);
        HostileFiles.wrongExtension(gwent);
        HostileFiles.csvNamedXlsx(gwent);
        HostileFiles.xlsxNamedXls(gwent);
        HostileFiles.passwordProtected(gwent);
        HostileFiles.truncatedZip(gwent);
        HostileFiles.zipBomb(gwent);
        HostileFiles.entityExpansion(gwent);
        HostileFiles.megabyteCell(gwent);
        HostileFiles.binaryGarbage(gwent);
        HostileFiles.externalFormula(gwent);
        Files.move(HostileFiles.millionRows(gwent, 1001), gwent.resolve("too many rows.xlsx"));
        Files.copy(RepoPaths.sampleData().resolve("inbox/gwent").resolve(GOOD), gwent.resolve(GOOD));
        String newport = Files.readString(RepoPaths.sampleData().resolve("inbox/gwent/WCCIS_ActiveOffer_W06000022_2023-24.csv"));
        String firstRows = newport.lines().limit(6).collect(Collectors.joining("\r\n")) + "\r\n";
        Files.write(gwent.resolve(UTF16), firstRows.getBytes(StandardCharsets.UTF_16LE));
        TestDatabases.common(registry, WORK_ROOT, INBOX);
        TestDatabases.usePostgres(registry, SCHEMA);
        registry.add("activeoffer.max-rows-per-file", () -> "1000");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(SCHEMA);
    }

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;

    RunSummary run;

    @BeforeAll
    void whenTheRunMeetsThem() throws Exception {
        run = nightlyRun.execute();
    }

    private Submission submission(String name) {
        return run.submissions().stream().filter(s -> s.fileName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no submission for " + name));
    }

    @Test
    void everyHostileFileIsRefusedWithAClearReasonAndNothingStored() {
        assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
        EXPECTED.forEach((name, expected) -> {
            Submission refused = submission(name);
            assertThat(refused.status()).as(name).isEqualTo(SubmissionStatus.UNREADABLE);
            assertThat(refused.statusRuleId()).as(name).isEqualTo(expected[0]);
            assertThat(refused.statusDetail()).as(name).containsIgnoringCase(expected[1]);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offer_record WHERE submission_id = ?", Integer.class,
                    refused.id())).as(name + ": rows stored").isZero();
            assertThat(receiptText(name)).as(name).contains("Rule: " + expected[0]).contains("No rows from this file were counted");
        });
    }

    @Test
    void theRunGoesOnWithTheGoodFiles() {
        assertThat(submission(GOOD).status()).isEqualTo(SubmissionStatus.INGESTED);
        assertThat(submission(GOOD).rowsAccepted()).isEqualTo(220);
    }

    @Test
    void utf16WithoutAByteOrderMarkIsDetectedAndReadNotGarbled() {
        Submission utf16 = submission(UTF16);
        assertThat(utf16.status()).isEqualTo(SubmissionStatus.INGESTED);
        assertThat(utf16.sourceDetail()).contains("UTF-16LE (detected)");
        assertThat(utf16.rowsAccepted()).isEqualTo(5);
    }

    @Test
    void poisZipBombAndXmlGuardsAreNeverWeakened() throws Exception {
        Class.forName("wales.activeoffer.read.XlsxTabularSource");
        // the one limit raised: parts per workbook, from 1,000 to a bounded 50,000, for recording-form workbooks with
        // a sheet per child; it is set in one place only
        assertThat(XlsxTabularSource.MAX_PARTS).isEqualTo(50_000);
        assertThat(ZipSecureFile.getMaxFileCount()).isEqualTo(50_000L);
        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01d);
        assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(0xFFFFFFFFL);
        assertThat(ZipSecureFile.getMaxTextSize()).isEqualTo(10 * 1024 * 1024L);
        try (var sources = Files.walk(RepoPaths.root().resolve("pipeline/src/main"))) {
            sources.filter(Files::isRegularFile).forEach(file -> {
                try {
                    String text = Files.readString(file);
                    assertThat(text).as(file.toString())
                            .doesNotContain("setMinInflateRatio").doesNotContain("setMaxEntrySize")
                            .doesNotContain("setMaxTextSize").doesNotContain("setByteArrayMaxOverride");
                    if (!file.endsWith("XlsxTabularSource.java")) {
                        assertThat(text).as(file.toString()).doesNotContain("setMaxFileCount");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private String receiptText(String name) {
        try (var files = Files.list(WORK_ROOT.resolve("receipts/gwent"))) {
            Path receipt = files.filter(p -> p.getFileName().toString().startsWith(name + ".receipt-")
                    && p.toString().endsWith(".txt")).findFirst().orElseThrow();
            return Files.readString(receipt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
