package wales.activeoffer.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.activeoffer.job.PipelineCommandLine.COMPLETED_WITH_REFUSED_FILES;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.InProcessPipeline;
import wales.activeoffer.support.InProcessPipeline.Outcome;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.SheetXmlWorkbook;
import wales.activeoffer.support.TestDatabases;

/**
 * The table of every reason a file is refused, in {@code docs/submissions.md}, against the real thing: each file is
 * made as the table names it, dropped in the inbox, and its receipt's {@code Detail:} line must be the table's,
 * word for word; the rule too. A file in the table that the test cannot make, or one made that the table lacks,
 * fails the test, so the table and the pipeline cannot drift apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalReasonsIntegrationTests {
    private static final Path DOC = RepoPaths.root().resolve("docs/submissions.md");
    private static final String SCHEMA = TestDatabases.newSchemaName();

    /** How each file of the table is made, in the folder it is dropped in. */
    interface Maker {
        void make(Path file) throws Exception;
    }

    private static Map<String, Maker> makers() {
        Map<String, Maker> makers = new LinkedHashMap<>();
        makers.put("gwent/notes.docx", file -> Files.writeString(file, "meeting notes"));
        makers.put("gwent/returns", file -> Files.copy(sample("gwent/WCCIS_ActiveOffer_W06000022_2024-25.csv"), file));
        makers.put("gwent/empty return.csv", file -> Files.write(file, new byte[0]));
        makers.put("gwent/protected.xlsx", file -> moveMade(HostileFiles.passwordProtected(file.getParent()), file));
        makers.put("gwent/protected.xls", RefusalReasonsIntegrationTests::encryptedXls);
        makers.put("gwent/old format.xlsx", RefusalReasonsIntegrationTests::xls);
        makers.put("gwent/really a csv.xlsx", file -> moveMade(HostileFiles.csvNamedXlsx(file.getParent()), file));
        makers.put("gwent/really an xlsx.xls", file -> moveMade(HostileFiles.xlsxNamedXls(file.getParent()), file));
        makers.put("gwent/excel 4.xls", file -> Files.write(file, new byte[] {0x09, 0x04, 0x06, 0, 0, 0, 0x10, 0,
                0x0a, 0, 0, 0, 0, 0, 0, 0}));
        makers.put("gwent/excel 2003 xml.xls", file -> Files.writeString(file, "<?xml version=\"1.0\"?>\n<Workbook "
                + "xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet/></Workbook>\n"));
        makers.put("gwent/web page.xls", file -> Files.writeString(file, "<html><body><table><tr><td>Authority</td>"
                + "</tr></table></body></html>\n"));
        makers.put("gwent/scan.csv", file -> Files.writeString(file, "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n"));
        makers.put("gwent/export.csv", file -> moveMade(HostileFiles.binaryGarbage(file.getParent()), file));
        makers.put("gwent/half copied.xlsx", file -> moveMade(HostileFiles.truncatedZip(file.getParent()), file));
        makers.put("gwent/bomb.xlsx", file -> moveMade(HostileFiles.zipBomb(file.getParent()), file));
        makers.put("gwent/laughs.xlsx", file -> moveMade(HostileFiles.entityExpansion(file.getParent()), file));
        makers.put("gwent/linked.xlsx", file -> moveMade(HostileFiles.externalFormula(file.getParent()), file));
        makers.put("gwent/unclosed quote.csv", file -> Files.writeString(file, HostileFiles.WCCIS_HEADER
                + "\nW06000022,\"P1,LAC,2024-04-03,Accepted\nW06000022,P2,LAC,2024-04-04,Accepted\n"));
        makers.put("gwent/stray quote.csv", file -> Files.writeString(file, HostileFiles.WCCIS_HEADER
                + "\nW06000022,P1,LAC,2024-04-03,Accepted\nW06000022,\"P2\"x,LAC,2024-04-04,Accepted\n"));
        makers.put("gwent/huge row.csv", file -> Files.writeString(file, HostileFiles.WCCIS_HEADER
                + "\nW06000022,P1,LAC,2024-04-03," + "A".repeat(1_200_000) + "\n"));
        makers.put("gwent/huge cell.xlsx", file -> SheetXmlWorkbook.write(file, "Data", "<row r=\"1\">"
                + cells(1, HostileFiles.RETURN_HEADER.split(",")) + "</row><row r=\"2\">"
                + cells(2, "Newport", "P1", "LAC", "2024-04-03", "x".repeat(40_000)) + "</row>"));
        makers.put("gwent/unknown headings.csv", file -> Files.writeString(file, "Name,Age,Favourite colour\nA,9,red\n"));
        makers.put("gwent/two offer dates.csv", file -> Files.write(file, Files.readAllLines(
                sample("gwent/WCCIS_ActiveOffer_W06000022_2024-25.csv")).stream()
                .map(line -> line + (line.startsWith("Local Authority") ? ",Offer Date" : ",01/05/2024")).toList()));
        makers.put("cwm-taf/NYAS recording sheets.xlsx",
                file -> Files.copy(sample("cwm-taf/Merthyr Tydfil/NYAS recording sheets 2024-25.xlsx"), file));
        makers.put("gwent/cardiff in gwent.csv", file -> Files.copy(RepoPaths.root().resolve(
                "pipeline/src/test/resources/inboxes/hand-counted/cardiff-and-vale/cardiff-active-offer-2024-25.csv"),
                file));
        makers.put("gwent/too many rows.xlsx", file -> moveMade(HostileFiles.millionRows(file.getParent(), 1001), file));
        return makers;
    }

    /** One row of the table. */
    record Refusal(String file, String rule, String detail) {
    }

    private final Map<String, String> receipts = new LinkedHashMap<>();
    private List<Refusal> table;
    private Outcome run;

    @BeforeAll
    void givenEveryRefusedFileOfTheTableInOneInboxWhenThePipelineRuns(@TempDir Path root) throws Exception {
        table = readTable();
        Map<String, Maker> makers = makers();
        for (Refusal refusal : table) {
            Path file = root.resolve("inbox").resolve(refusal.file());
            Files.createDirectories(file.getParent());
            Maker maker = makers.get(refusal.file());
            if (maker != null) {
                maker.make(file);
            }
        }
        run = new InProcessPipeline(root, SCHEMA).with("activeoffer.max-rows-per-file=1000").run();
        try (Stream<Path> files = Files.walk(root.resolve("receipts"))) {
            for (Path receipt : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                String region = root.resolve("receipts").relativize(receipt).getName(0).toString();
                receipts.put(region + "/" + receipt.getFileName().toString().replaceAll("\\.receipt-.*", ""),
                        Files.readString(receipt, StandardCharsets.UTF_8));
            }
        }
    }

    @AfterAll
    void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(SCHEMA);
    }

    @Test
    void theTableAndTheFilesTheTestMakesAreTheSame() {
        assertThat(table).extracting(Refusal::file).containsExactlyInAnyOrderElementsOf(makers().keySet());
    }

    @Test
    void everyFileOfTheTableIsRefusedWithExactlyTheTablesWords() {
        assertThat(run.exitCode()).as("every file refused, each with its receipt: " + run.output())
                .isEqualTo(COMPLETED_WITH_REFUSED_FILES);
        for (Refusal refusal : table) {
            String receipt = receipts.get(refusal.file());
            assertThat(receipt).as("receipt of " + refusal.file()).isNotNull();
            assertThat(receipt).as(refusal.file()).contains("Status:    Rejected\n")
                    .contains("\nRule: " + refusal.rule() + "\nNo rows from this file were counted.");
            String detail = receipt.lines().filter(l -> l.startsWith("Detail: ")).findFirst().orElseThrow()
                    .substring("Detail: ".length());
            if (refusal.detail().endsWith(" …")) {
                assertThat(detail).as(refusal.file()).startsWith(refusal.detail().substring(0,
                        refusal.detail().length() - 2));
            } else {
                assertThat(detail).as(refusal.file()).isEqualTo(refusal.detail());
            }
        }
    }

    private static List<Refusal> readTable() throws Exception {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf("<!-- refusals -->") + 3;
        return lines.subList(start, lines.size()).stream().takeWhile(l -> l.startsWith("| ")).map(line -> {
            String[] cells = line.substring(2, line.length() - 2).split(" \\| ", 3);
            return new Refusal(cells[0].replace("`", ""), cells[1], cells[2]);
        }).toList();
    }

    private static Path sample(String file) {
        return RepoPaths.sampleData().resolve("inbox").resolve(file);
    }

    private static void moveMade(Path made, Path file) throws Exception {
        Files.move(made, file);
    }

    private static void encryptedXls(Path file) throws Exception {
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try {
            xls(file);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    private static void xls(Path file) throws Exception {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Data").createRow(0).createCell(0).setCellValue("Local Authority");
            workbook.write(out);
        }
    }

    private static String cells(int row, String... values) {
        StringBuilder xml = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            xml.append(SheetXmlWorkbook.text((char) ('A' + c) + String.valueOf(row), values[c]));
        }
        return xml.toString();
    }
}
