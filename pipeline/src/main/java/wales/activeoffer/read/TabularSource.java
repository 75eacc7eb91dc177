package wales.activeoffer.read;

import java.io.Closeable;

/** A source file read one row at a time, so memory stays bounded whatever its size. */
public interface TabularSource extends Closeable {

    /** The next row, or {@code null} at the end of the data. */
    RawRow next();

    /** What was detected about the file on opening, recorded in each record's lineage (for example the encoding). */
    String describe();
}
