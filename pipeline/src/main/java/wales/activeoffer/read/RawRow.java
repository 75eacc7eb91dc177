package wales.activeoffer.read;

import java.util.List;

/**
 * One row as it stands in the source, every cell as text. Dates held as real spreadsheet dates arrive as ISO
 * {@code yyyy-MM-dd}.
 *
 * @param rowNumber the number a regional lead sees: the spreadsheet row, or the CSV record counted from 1
 */
public record RawRow(String sheet, int rowNumber, List<String> cells) {

    public boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }
}
