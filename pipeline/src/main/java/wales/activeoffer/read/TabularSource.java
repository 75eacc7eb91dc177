package wales.activeoffer.read;

import java.io.Closeable;
import java.util.List;

/**
 * A source file read one row at a time, so memory stays bounded whatever its size. Rows of the chosen sheets come in
 * sheet order, each naming its sheet.
 */
public interface TabularSource extends Closeable {

    /** Every sheet of the file, hidden or not, in workbook order. */
    List<SheetInfo> sheets();

    /** The next row, or {@code null} at the end of the data. */
    RawRow next();

    /** Passes over the rest of the current sheet: the next row comes from the next chosen sheet, if any. */
    void skipSheet();

    /** What was detected about the file on opening (encoding, delimiter, sheets), kept in the submission's lineage. */
    String describe();
}
