package wales.activeoffer.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import wales.activeoffer.job.NightlyRun;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.template.CodeDefinition;
import wales.activeoffer.template.FieldDefinition;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.template.RuleDefinition;
import wales.activeoffer.wording.Wording;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;
import wales.activeoffer.support.WorkbookFixture;

/**
 * The receipts of the Welsh layouts' fixtures are wholly in Welsh: the letter, the CSV (headers and values) and the
 * workbook (sheet names, labels, values). Every line and cell is held against the Welsh entries of the wording
 * catalogue and of the recording template (its rules, headings and code labels): once those texts and the file's own
 * data (its name, numbers, dates, the checksum, the lead's headings and values in quotes, rule ids) are taken out,
 * no word may be left. A file refused whole has its reason as a line of its CSV, and no row counts in its workbook.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WelshReceiptsIntegrationTests {
    static final Path WORK_ROOT = TestDatabases.newWorkRoot("welsh-receipts");
    static final Path INBOX = WORK_ROOT.resolveSibling(WORK_ROOT.getFileName() + "-inbox");
    static final Path LAYOUTS = RepoPaths.root().resolve("pipeline/src/test/resources/layouts");
    static final String CSV = "cofnod-cynnig-rhagweithiol-gwynedd-2024-25.csv";
    static final String FORM = "Ffurflenni cofnodi Ynys Mon 2024-25.xlsx";
    static final String REFUSED = "cofnod-cynnig-rhagweithiol-gwynedd-2024-25 (copi).csv";
    /** The Welsh export with its language heading in a second column too, so that one column's values would be lost. */
    static final String TWO_LANGUAGE_COLUMNS = "cofnod-cynnig-rhagweithiol-gwynedd-2024-25 (iaith ddwywaith).csv";
    /** What a receipt shows of the file itself, not words of the pipeline's. */
    static final List<Pattern> DATA = List.of(Pattern.compile("\\b(UTF-8|csv|xlsx|xls|SHA-256)\\b"),
            Pattern.compile("activeoffer\\.[a-z.-]+"),
            Pattern.compile("\\bAO-F?\\d+\\b"), Pattern.compile("\\b[A-Z]{1,3}\\d+\\b"), Pattern.compile("\\d+"),
            Pattern.compile("\\b[A-Z]{1,3}\\b"));
    static final Pattern CHECKSUM = Pattern.compile("\\b[0-9a-f]{64}\\b");
    /** A value the lead wrote, quoted: a heading in double quotes, a value or sheet name in single quotes. */
    static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|(?<=^|[\\s(])'[^']*'(?=[,:;)\\s]|$)");
    static final Pattern LETTER = Pattern.compile("\\p{L}");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path north = Files.createDirectories(INBOX.resolve("north-wales"));
        Files.copy(LAYOUTS.resolve("cofnod-cynnig-rhagweithiol-csv/input.csv"), north.resolve(CSV));
        WorkbookFixture.build(LAYOUTS.resolve("ffurflen-cofnodi-xlsx/input.xlsx.source"), north.resolve(FORM));
        Path gwent = Files.createDirectories(INBOX.resolve("gwent"));
        Files.writeString(gwent.resolve(REFUSED), Files.readString(north.resolve(CSV)) + "\n");
        List<String> lines = Files.readAllLines(north.resolve(CSV), StandardCharsets.UTF_8);
        List<String> twice = new ArrayList<>(List.of(lines.get(0) + ",Iaith"));
        lines.subList(1, lines.size()).forEach(line -> twice.add(line + ",Cymraeg"));
        Files.write(north.resolve(TWO_LANGUAGE_COLUMNS), twice, StandardCharsets.UTF_8);
        TestDatabases.common(registry, WORK_ROOT, INBOX);
    }

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    RecordingTemplate template;
    @Autowired
    MappingCatalogue catalogue;
    @Autowired
    ReferenceData reference;

    /** Every Welsh text a receipt may use, longest first, so a sentence goes before the words inside it. */
    List<Pattern> welsh;

    @BeforeAll
    void givenTheWelshLayoutsFilesWhenTheNightlyRunTakesThemIn() throws Exception {
        nightlyRun.execute();
        Set<String> texts = new LinkedHashSet<>();
        for (String entry : catalogueEntries("receipts_cy.properties").stringPropertyNames()) {
            texts.addAll(pieces(catalogueEntries("receipts_cy.properties").getProperty(entry)));
        }
        template.rules().stream().map(RuleDefinition::cy).forEach(texts::add);
        template.fileRules().forEach(rule -> texts.add(rule.cy()));
        template.fields().stream().map(FieldDefinition::cy).forEach(texts::add);
        template.codeLists().values().forEach(codes -> codes.stream().map(CodeDefinition::cy).forEach(texts::add));
        Arrays.stream(ReceiptStatus.values()).map(s -> s.wording("cy")).forEach(texts::add);
        reference.regions().forEach(r -> texts.add(r.nameCy()));
        reference.authorities().forEach(a -> texts.add(a.nameCy()));
        catalogue.mappings().stream().filter(m -> "cy".equals(m.language())).map(SourceMapping::name)
                .forEach(texts::add);
        welsh = texts.stream().filter(t -> t != null && !t.isBlank()).map(String::strip)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(WelshReceiptsIntegrationTests::wholeWords).toList();
    }

    @Test
    void bothCataloguesHaveTheSameKeys() throws IOException {
        assertThat(catalogueEntries("receipts_cy.properties").stringPropertyNames())
                .isEqualTo(catalogueEntries("receipts.properties").stringPropertyNames());
    }

    @Test
    void everyLineOfEveryWelshReceiptIsInWelsh() throws IOException {
        for (String file : List.of(CSV, FORM, REFUSED, TWO_LANGUAGE_COLUMNS)) {
            String region = file.equals(REFUSED) ? "gwent" : "north-wales";
            List<String> lines = new ArrayList<>(Files.readAllLines(receipt(region, file, ".txt")));
            for (CSVRecord record : csv(receipt(region, file, ".csv"))) {
                lines.addAll(ours(record.toList(), record.getRecordNumber() == 1));
            }
            lines.addAll(cells(receipt(region, file, ".xlsx")));
            for (String line : lines) {
                assertThat(leftOver(line.replace(REFUSED, "").replace(TWO_LANGUAGE_COLUMNS, "").replace(CSV, "")
                        .replace(FORM, "")))
                        .as("%s: what is not Welsh in the line \"%s\"", file, line).doesNotContainPattern(LETTER);
            }
        }
    }

    @Test
    void theWelshLetterSaysWhatWasDetectedAndWhoToAskInWelsh() throws IOException {
        String letter = Files.readString(receipt("north-wales", CSV, ".txt"));
        assertThat(letter).contains("Cynllun:   Cofnod y Cynnig Rhagweithiol - allforio cofnodion Cymraeg (csv; amgodiad "
                + "UTF-8 (nod trefn beitiau); amffinydd coma (wedi'i ganfod))\n")
                .endsWith("Cwestiynau am y dderbynneb hon: tîm data'r Cynnig Rhagweithiol\n");
    }

    @Test
    void aRefusedFilesCsvHasItsReasonLineAndItsWorkbookCountsNoRows() throws IOException {
        List<CSVRecord> records = csv(receipt("gwent", REFUSED, ".csv"));
        assertThat(records.get(0).toList()).containsExactly("Rhes", "Taflen", "Cell", "Pennawd yn eich ffeil",
                "Maes y templed", "Gwerth", "Rheol", "Difrifoldeb", "Neges");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(6)).isEqualTo("AO-F05");
        assertThat(records.get(1).get(7)).isEqualTo("gwrthodwyd y ffeil: dim wedi'i gadw");
        assertThat(records.get(1).get(8)).isEqualTo(template.fileRule("AO-F05").cy() + " Manylion: fe'i rhoddwyd yn "
                + "ffolder Gwent ond mae'n cynnwys cofnodion ar gyfer Gwynedd (Gogledd Cymru), Ynys Môn (Gogledd "
                + "Cymru); anfonwch gofnodion pob rhanbarth i fewnflwch y rhanbarth hwnnw. Ni chafodd yr un rhes o'r "
                + "ffeil hon ei chyfrif.");
        List<String> summary = cells(receipt("gwent", REFUSED, ".xlsx"));
        assertThat(summary).contains("Gwrthodwyd", "dim: gwrthodwyd y ffeil gyfan").doesNotContain("Rhesi a ddarllenwyd");
    }

    @Test
    void aHeadingInTwoColumnsIsRefusedInWelshNamingTheColumns() throws IOException {
        List<CSVRecord> records = csv(receipt("north-wales", TWO_LANGUAGE_COLUMNS, ".csv"));
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(6)).isEqualTo("AO-F02");
        assertThat(records.get(1).get(8)).isEqualTo(template.fileRule("AO-F02").cy() + " Manylion: mae'r pennawd "
                + "'Iaith' yng ngholofnau Q a S rhes 1, ac mae'r cynllun yn ei ddarllen unwaith, felly byddai'r "
                + "gwerthoedd o dan y lleill yn cael eu colli. Rhowch ei bennawd ei hun i bob colofn (er enghraifft "
                + "'Iaith 1', 'Iaith 2'), neu gofynnwch i fapio'r cynllun ddweud sut mae'r colofnau'n ailadrodd. Ni "
                + "chafodd yr un rhes o'r ffeil hon ei chyfrif.");
    }

    @Test
    void theSameWelshFileSentAgainIsAnsweredInWelshNamingTheFirst() throws Exception {
        // given the Welsh export, already taken in, sent again under another name
        String again = "cofnod-cynnig-rhagweithiol-gwynedd-2024-25 (eto).csv";
        Files.copy(INBOX.resolve("north-wales").resolve(CSV), WORK_ROOT.resolve("inbox/north-wales").resolve(again));

        // when the next run takes it in
        nightlyRun.execute();

        // then its receipt says, in Welsh, which file it is the same as, and every line of it is Welsh
        List<CSVRecord> records = csv(receipt("north-wales", again, ".csv"));
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(6)).isEqualTo("AO-F04");
        assertThat(records.get(1).get(7)).isEqualTo("wedi dod i law eisoes: dim byd newydd wedi'i gadw");
        assertThat(records.get(1).get(8)).startsWith(template.fileRule("AO-F04").cy() + " Yr un fath â '"
                + CSV + "' a dderbyniwyd " + LocalDate.now() + " (cyflwyniad ");
        List<String> lines = new ArrayList<>(Files.readAllLines(receipt("north-wales", again, ".txt")));
        for (CSVRecord record : records) {
            lines.addAll(ours(record.toList(), record.getRecordNumber() == 1));
        }
        lines.addAll(cells(receipt("north-wales", again, ".xlsx")));
        for (String line : lines) {
            assertThat(leftOver(line.replace(again, "").replace(CSV, ""))).as("what is not Welsh in \"%s\"", line)
                    .doesNotContainPattern(LETTER);
        }
    }

    /** The line with every Welsh text and every piece of the file's own data taken out. */
    private String leftOver(String line) {
        String rest = QUOTED.matcher(CHECKSUM.matcher(line).replaceAll(" ")).replaceAll(" ");
        for (Pattern text : welsh) {
            rest = text.matcher(rest).replaceAll(" ");
        }
        for (Pattern data : DATA) {
            rest = data.matcher(rest).replaceAll(" ");
        }
        return rest;
    }

    /** A text, where it does not run on into a longer word. */
    private static Pattern wholeWords(String text) {
        boolean wordStart = Character.isLetterOrDigit(text.charAt(0));
        boolean wordEnd = Character.isLetterOrDigit(text.charAt(text.length() - 1));
        return Pattern.compile((wordStart ? "(?<![\\p{L}\\p{N}])" : "") + Pattern.quote(text)
                + (wordEnd ? "(?![\\p{L}\\p{N}])" : ""));
    }

    /** The literal pieces of a catalogue entry, between its placeholders. */
    private static List<String> pieces(String entry) {
        return Arrays.stream(entry.split("\\{\\d+}")).map(p -> p.replaceAll("^[\\s'(]+|[\\s')]+$", ""))
                .filter(p -> !p.isEmpty()).toList();
    }

    private static Properties catalogueEntries(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(RepoPaths.root().resolve("pipeline/src/main/resources/wording")
                .resolve(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.parse(in).getRecords();
        }
    }

    /**
     * What the pipeline wrote in a row of the row detail: all of the heading row; else the row number, the template
     * field, the rule, the severity and the message, without the sheet, cell, heading and value taken from the file.
     */
    private static List<String> ours(List<String> row, boolean heading) {
        return heading ? row : List.of(row.get(0), row.get(4), row.get(6), row.get(7), row.get(8));
    }

    /** Every sheet name and cell of a receipt workbook as its reader sees them, less the file's own in the detail. */
    private static List<String> cells(Path workbook) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(workbook.toFile(), null, true)) {
            for (Sheet sheet : book) {
                cells.add(sheet.getSheetName());
                boolean detail = sheet.getSheetName().equals(Wording.in("cy").text("workbook.rowDetail"));
                for (Row row : sheet) {
                    List<String> values = new ArrayList<>();
                    row.forEach(cell -> values.add(text.formatCellValue(cell)));
                    cells.addAll(detail ? ours(values, row.getRowNum() == 0) : values);
                }
            }
        }
        return cells;
    }

    private static Path receipt(String region, String file, String ending) throws IOException {
        try (Stream<Path> receipts = Files.list(WORK_ROOT.resolve("receipts").resolve(region))) {
            return receipts.filter(p -> p.getFileName().toString().startsWith(file + ".receipt-")
                    && p.getFileName().toString().endsWith(ending)).findFirst().orElseThrow();
        }
    }
}
