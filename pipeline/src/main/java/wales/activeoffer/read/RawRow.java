package wales.activeoffer.read;

import java.util.List;

/**
 * One row as it stands in the source, every cell as text. Dates held as real spreadsheet dates arrive as ISO
 * {@code yyyy-MM-dd}.
 *
 * @param rowNumber the number a regional lead sees: the spreadsheet row, or the CSV record counted from 1
 */
public record RawRow(String sheet, int rowNumber, List<String> cells) {
    /** The most characters a spreadsheet cell can hold; a longer cell is refused rather than read. */
    public static final int MAX_CELL_CHARS = 32_767;

    public RawRow {
        for (String cell : cells) {
            if (cell != null && cell.length() > MAX_CELL_CHARS) {
                throw new UnreadableFileException("AO-F03", String.format("row %d has a cell of more than %,d "
                        + "characters, the most a spreadsheet cell can hold; shorten it and send the file again",
                        rowNumber, MAX_CELL_CHARS));
            }
        }
    }

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }
}
