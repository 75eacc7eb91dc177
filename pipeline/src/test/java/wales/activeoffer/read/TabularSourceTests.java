package wales.activeoffer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.SheetXmlWorkbook;
import wales.activeoffer.support.WorkbookFixture;

class TabularSourceTests {

    private static List<RawRow> readAll(TabularSource source) throws IOException {
        try (source) {
            List<RawRow> rows = new ArrayList<>();
            for (RawRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void aRecordingFormWorkbookWithASheetForEachOfManyChildrenIsRead(@TempDir Path dir) throws IOException {
        // given a workbook of 1,100 one-child sheets: over 1,000 parts, which POI's default limit refuses
        Path file = dir.resolve("forms.xlsx");
        try (var workbook = new SXSSFWorkbook(10)) {
            for (int child = 1; child <= 1_100; child++) {
                workbook.createSheet("Child " + child).createRow(0).createCell(0).setCellValue("C" + child);
            }
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        // when it is read, then every sheet's row comes through
        List<RawRow> rows = readAll(new XlsxTabularSource(file, new SheetSelection(List.of())));
        assertThat(rows).hasSize(1_100);
        assertThat(rows.get(1_099).cells()).containsExactly("C1100");
    }

    @Test
    void csvWithAByteOrderMarkDropsItAndSaysSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFAwdurdod lleol,Iaith\nYnys Môn,Cymraeg\n").getBytes(StandardCharsets.UTF_8));
        CsvTabularSource source = new CsvTabularSource(file, TextDialect.detect(file, "auto", "auto"));
        assertThat(source.describe()).contains("UTF-8").contains("byte-order mark");
        List<RawRow> rows = readAll(source);
        assertThat(rows.get(0).cells()).containsExactly("Awdurdod lleol", "Iaith");
        assertThat(rows.get(1).cells()).containsExactly("Ynys Môn", "Cymraeg");
    }

    @Test
    void csvQuotedNewlinesStayInTheirCellAndRowsAreCountedAsRecords(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("quoted.csv");
        Files.writeString(file, "a,b\n\"line one\nline two\",x\nlast,y\n");
        List<RawRow> rows = readAll(new CsvTabularSource(file, TextDialect.detect(file, "auto", "auto")));
        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 2, 3);
        assertThat(rows.get(1).cell(0)).isEqualTo("line one\nline two");
        assertThat(rows.get(2).cell(5)).as("beyond the last cell").isEmpty();
    }

    @Test
    void csvDeclaredUtf8ButWrittenInWindows1252IsUnreadableNotGarbled(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cp1252.csv");
        Files.write(file, "Authority\nYnys M\u00f4n\n".getBytes(Charset.forName("windows-1252")));
        CsvTabularSource source = new CsvTabularSource(file, TextDialect.detect(file, "UTF-8", "auto"));
        assertThatThrownBy(() -> readAll(source)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("not valid UTF-8")
                .extracting(e -> ((UnreadableFileException) e).ruleId()).isEqualTo("AO-F03");
    }

    @Test
    void xlsxRowsKeepSpreadsheetRowNumbersAndDateCellsBecomeIsoDates(@TempDir Path dir) throws IOException {
        Path file = WorkbookFixture.build(RepoPaths.root().resolve(
                "pipeline/src/test/resources/layouts/tgp-cymru-monitoring-xlsx/input.xlsx.source"), dir.resolve("t.xlsx"));
        List<RawRow> rows = readAll(new XlsxTabularSource(file, new SheetSelection(List.of())));
        RawRow header = rows.stream().filter(r -> r.cell(0).equals("LA")).findFirst().orElseThrow();
        assertThat(header.rowNumber()).isEqualTo(4);
        RawRow conwy = rows.stream().filter(r -> r.cell(0).equals("Conwy")).findFirst().orElseThrow();
        assertThat(conwy.rowNumber()).isEqualTo(5);
        assertThat(conwy.cell(6)).isEqualTo("2024-04-03");
        RawRow flintshire = rows.stream().filter(r -> r.cell(0).equals("Flintshire")).findFirst().orElseThrow();
        assertThat(flintshire.cell(6)).as("a plain number stays a number").isEqualTo("45474");
    }

    @Test
    void aWorkbookKeptOpenForTheNextReaderIsNeverUsedForAFileThatChangedSinceOrAnotherFile(@TempDir Path dir)
            throws IOException {
        // given a workbook read once, and so kept open for the next reader of the same file
        Path file = dir.resolve("form.xlsx");
        writeOneCell(file, "first answer");
        assertThat(readAll(new XlsxTabularSource(file, sheet -> true))).extracting(r -> r.cell(0))
                .containsExactly("first answer");
        assertThat(readAll(new XlsxTabularSource(file, sheet -> true))).as("the same file, read again")
                .extracting(r -> r.cell(0)).containsExactly("first answer");
        // when the lead saves the file again, and another workbook is read in between
        writeOneCell(file, "second answer");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2_000));
        Path other = dir.resolve("other.xlsx");
        writeOneCell(other, "another file");
        // then each reader reads what its file holds now
        assertThat(readAll(new XlsxTabularSource(file, sheet -> true))).extracting(r -> r.cell(0))
                .containsExactly("second answer");
        assertThat(readAll(new XlsxTabularSource(other, sheet -> true))).extracting(r -> r.cell(0))
                .containsExactly("another file");
        XlsxTabularSource.closeParked();
    }

    private static void writeOneCell(Path file, String text) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Child 1").createRow(0).createCell(0).setCellValue(text);
            workbook.write(out);
        }
    }

    @Test
    void aFileThatIsNotAWorkbookIsUnreadable(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fake.xlsx");
        Files.writeString(file, "this is not a zip");
        assertThatThrownBy(() -> new XlsxTabularSource(file, new SheetSelection(List.of())))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("not a readable Excel workbook");
    }

    @Test
    void anUnacceptedExtensionIsNamed() {
        assertThatThrownBy(() -> TabularSources.formatOf(Path.of("notes.docx")))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining(".docx");
    }

    @Test
    void sharedAndArrayFormulasGiveTheValuesExcelLastCalculated(@TempDir Path dir) throws IOException {
        // given a column filled down with one formula, which Excel saves as a shared formula, and an array formula
        Path file = SheetXmlWorkbook.write(dir.resolve("filled down.xlsx"), "Returns",
                "<row r=\"1\">" + SheetXmlWorkbook.text("A1", "n") + SheetXmlWorkbook.text("B1", "double")
                        + SheetXmlWorkbook.text("C1", "total") + "</row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><f t=\"shared\" ref=\"B2:B4\" si=\"0\">A2*2</f>"
                        + "<v>2</v></c><c r=\"C2\"><f t=\"array\" ref=\"C2\">SUM(A2:A4)</f><v>6</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\"><f t=\"shared\" si=\"0\"/><v>4</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\"><v>3</v></c><c r=\"B4\"><f t=\"shared\" si=\"0\"/><v>6</v></c></row>");

        // when it is read
        List<RawRow> rows = readAll(new XlsxTabularSource(file, new SheetSelection(List.of())));

        // then every formula gives its cached value
        assertThat(rows).extracting(RawRow::cells).containsExactly(List.of("n", "double", "total"),
                List.of("1", "2", "6"), List.of("2", "4"), List.of("3", "6"));
    }

    @Test
    void aSharedFormulaThatPointsAtAnotherWorkbookIsStillRefused(@TempDir Path dir) throws IOException {
        Path file = SheetXmlWorkbook.write(dir.resolve("linked.xlsx"), "Returns",
                "<row r=\"1\"><c r=\"A1\"><f t=\"shared\" ref=\"A1:A2\" si=\"0\">[1]Sheet1!A1</f><v>5</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><f t=\"shared\" si=\"0\"/><v>6</v></c></row>");
        assertThatThrownBy(() -> readAll(new XlsxTabularSource(file, new SheetSelection(List.of()))))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("points at another workbook");
    }

    @Test
    void aQuoteThatIsNeverClosedIsRefusedAtItsRowWithoutReadingTheRestIntoMemory(@TempDir Path dir)
            throws IOException {
        // given a CSV whose second row opens a quote that is never closed, and far more than a row's worth after it
        Path file = dir.resolve("unclosed.csv");
        String filler = "x,y,z\n".repeat(200_000);
        Files.writeString(file, "a,b,c\n1,\"oops,3\n" + filler);

        // when it is read, then it is refused with the row and the fix, in plain words
        assertThatThrownBy(() -> readAll(new CsvTabularSource(file, TextDialect.detect(file, "auto", "auto"))))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("row 2 has a quote mark (\") that opens a cell and is never closed, so the rest of the file "
                        + "would be read as one cell. Close the quote, or remove it, and send the file again");
    }

    @Test
    void quotedCellsSpanningLinesAndDoubledQuotesAreNotMistakenForAnUnclosedQuote(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("fine.csv");
        Files.writeString(file, "a,b\n\"said \"\"hi\"\"\nthen left\",5\" tall\n" + "p,q\n".repeat(300_000));
        List<RawRow> rows = readAll(new CsvTabularSource(file, TextDialect.detect(file, "auto", "auto")));
        assertThat(rows).hasSize(300_002);
        assertThat(rows.get(1).cells()).containsExactly("said \"hi\"\nthen left", "5\" tall");
    }

    @Test
    void textAfterAClosingQuoteIsRefusedWithTheRowAndTheFix(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stray.csv");
        Files.writeString(file, "a,b\nok,1\n\"abc\"def,2\n");
        assertThatThrownBy(() -> readAll(new CsvTabularSource(file, TextDialect.detect(file, "auto", "auto"))))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("row 3 has a cell in quote marks with more text after its closing quote (as in \"abc\"def). "
                        + "Put the whole cell in quotes and double any quote mark inside it (\"abc\"\"def\"), then send "
                        + "the file again");
    }

    @Test
    void aFileWithNoEndingIsToldToAddOne() {
        assertThatThrownBy(() -> TabularSources.formatOf(Path.of("bigsstrecord2cr1")))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("the file name has no ending such as .xlsx or .csv, so its format is not known; add the "
                        + "ending of its format and send it again");
    }

    @Test
    void skippingASheetMovesOnToTheNextChosenSheet(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, "a\nb\nc\n");
        try (CsvTabularSource source = new CsvTabularSource(file, TextDialect.detect(file, "auto", "auto"))) {
            assertThat(source.next().cells()).containsExactly("a");
            source.skipSheet();
            assertThat(source.next()).as("a text file has one sheet").isNull();
        }
    }
}
