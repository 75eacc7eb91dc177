package wales.activeoffer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top of a workbook, read once for every mapping that tries it. */
class SheetPreviewTests {

    /** A workbook in memory: sheet name to its rows' first cells; "!" as a cell breaks the reading there. */
    private static final class Workbook implements TabularSource {
        private final List<RawRow> rows = new ArrayList<>();
        private final List<SheetInfo> sheets = new ArrayList<>();
        private int position;
        int rowsRead;

        Workbook(Map<String, List<String>> content) {
            content.forEach((sheet, cells) -> {
                sheets.add(new SheetInfo(sheets.size(), sheet, false));
                for (int i = 0; i < cells.size(); i++) {
                    rows.add(new RawRow(sheet, i + 1, List.of(cells.get(i))));
                }
            });
        }

        @Override
        public List<SheetInfo> sheets() {
            return sheets;
        }

        @Override
        public RawRow next() {
            if (position >= rows.size()) {
                return null;
            }
            RawRow row = rows.get(position++);
            rowsRead++;
            if (row.cell(0).equals("!")) {
                throw new UnreadableFileException("AO-F03", "row " + row.rowNumber() + " of " + row.sheet() + " is broken");
            }
            return row;
        }

        @Override
        public void skipSheet() {
            String sheet = rows.get(position - 1).sheet();
            while (position < rows.size() && rows.get(position).sheet().equals(sheet)) {
                position++;
            }
        }

        @Override
        public String describe() {
            return "in memory";
        }

        @Override
        public void close() {
        }
    }

    private static List<String> cells(TabularSource view) {
        List<String> seen = new ArrayList<>();
        for (RawRow row = view.next(); row != null; row = view.next()) {
            seen.add(row.sheet() + ":" + row.cell(0));
        }
        return seen;
    }

    @Test
    void everyMappingSeesTheRowsItWouldHaveReadWhileTheWorkbookIsReadOnce() {
        // given a workbook of two sheets, and a preview that keeps 3 rows of a sheet
        Workbook workbook = new Workbook(orderedOf("Cover", List.of("a", "b"), "Data", List.of("1", "2", "3", "4", "5")));
        SheetPreview preview = new SheetPreview(workbook, 3, 3, 1_000);

        // when two mappings look at its sheets, one at every sheet and one at the data sheet alone
        List<String> first = cells(preview.view(sheet -> true, 3, Integer.MAX_VALUE));
        List<String> second = cells(preview.view(sheet -> sheet.name().equals("Data"), 2, Integer.MAX_VALUE));

        // then each sees what it asked for, and the workbook's rows were read once, no further than kept
        assertThat(first).containsExactly("Cover:a", "Cover:b", "Data:1", "Data:2", "Data:3");
        assertThat(second).containsExactly("Data:1", "Data:2", "Data:3");
        assertThat(workbook.rowsRead).isEqualTo(5);
    }

    @Test
    void aMappingThatLooksFurtherThanThePreviewKeptIsToldSo() {
        Workbook workbook = new Workbook(Map.of("Form", List.of("1", "2", "3", "4", "5")));
        SheetPreview preview = new SheetPreview(workbook, 3, 3, 1_000);

        assertThatThrownBy(() -> cells(preview.view(sheet -> true, 10, Integer.MAX_VALUE)))
                .isInstanceOf(SheetPreview.Exhausted.class);
    }

    @Test
    void aBrokenRowStopsOnlyTheMappingsThatReadAsFarAsIt() {
        // given a first sheet whose fourth row cannot be read, and a second sheet
        Workbook twoSheets = new Workbook(orderedOf("Log", List.of("1", "2", "3", "!", "5"), "Data", List.of("x")));
        SheetPreview preview = new SheetPreview(twoSheets, 10, 10, 1_000);

        // when a mapping reads the whole first sheet, it is stopped by the broken row
        assertThatThrownBy(() -> cells(preview.view(sheet -> true, 10, Integer.MAX_VALUE)))
                .hasMessage("row 4 of Log is broken");

        // and a mapping that skips the first sheet after two rows reads on into the second
        TabularSource skipping = preview.view(sheet -> true, 2, Integer.MAX_VALUE);
        assertThat(skipping.next().cell(0)).isEqualTo("1");
        assertThat(skipping.next().cell(0)).isEqualTo("2");
        skipping.skipSheet();
        assertThat(skipping.next()).isEqualTo(new RawRow("Data", 1, List.of("x")));
    }

    private static Map<String, List<String>> orderedOf(String sheet, List<String> rows, String other,
            List<String> otherRows) {
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        ordered.put(sheet, rows);
        ordered.put(other, otherRows);
        return ordered;
    }
}
