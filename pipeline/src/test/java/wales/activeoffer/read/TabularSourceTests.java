package wales.activeoffer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.RepoPaths;
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
}
