package wales.activeoffer.read;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.normalise.SourceRow;

/**
 * The data rows of a recognised file, one at a time: the rows below the heading row, blank rows skipped, each cell
 * keyed by the template field its column carries. Counts the source rows it has consumed so a restart can skip them.
 */
public final class SourceRows implements Closeable {
    private final TabularSource source;
    private final Map<Integer, String> fieldByColumn;
    private int rowsConsumed;

    private SourceRows(TabularSource source, Map<Integer, String> fieldByColumn) {
        this.source = source;
        this.fieldByColumn = Map.copyOf(fieldByColumn);
    }

    /**
     * Opens {@code file} and positions it after the heading row and after {@code alreadyConsumed} further rows.
     *
     * @throws UnreadableFileException if the file cannot be opened or read that far
     */
    public static SourceRows open(Path file, SourceMapping mapping, int headerRowNumber,
            Map<Integer, String> fieldByColumn, int alreadyConsumed) {
        SourceRows rows = new SourceRows(TabularSources.open(file, mapping), fieldByColumn);
        RawRow row;
        do {
            row = rows.source.next();
        } while (row != null && row.rowNumber() < headerRowNumber);
        for (int i = 0; i < alreadyConsumed && rows.source.next() != null; i++) {
            rows.rowsConsumed++;
        }
        return rows;
    }

    /** Opens a file at its first data row, as {@link LayoutDetector} recognised it. */
    public static SourceRows open(Path file, DetectedLayout layout) {
        return open(file, layout.header().mapping(), layout.headerRowNumber(), layout.header().fieldByColumn(), 0);
    }

    /** The next non-blank data row, or {@code null} at the end. */
    public SourceRow next() {
        RawRow row;
        do {
            row = source.next();
            if (row != null) {
                rowsConsumed++;
            }
        } while (row != null && row.isBlank());
        if (row == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<Integer, String> column : fieldByColumn.entrySet()) {
            values.put(column.getValue(), row.cell(column.getKey()));
        }
        return new SourceRow(row.sheet(), row.rowNumber(), values);
    }

    public int rowsConsumed() {
        return rowsConsumed;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
