package wales.activeoffer.read;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.normalise.SourceRow;

/**
 * The offers in a recognised file, one {@link SourceRow} at a time, each cell keyed by the template field it carries.
 * What was passed over on the way (sheets without a heading row, totals and notes below the data) is kept in
 * {@link #notes()} for the receipt.
 */
public interface SourceRecords extends Closeable {

    /** The next offer, or {@code null} at the end. */
    SourceRow next();

    /** Plain-language notes on what was not read, and why. */
    List<String> notes();

    /**
     * Opens a file with a mapping, skipping the first {@code alreadyEmitted} offers (for a restart).
     *
     * @param fileValues values that come from outside the rows (the authority from the file name or folder)
     */
    static SourceRecords open(Path file, SourceMapping mapping, HeaderMatcher matcher, Map<String, String> fileValues,
            int alreadyEmitted) {
        TabularSource source = TabularSources.open(file, mapping);
        SourceRecords records = mapping.isForm() ? new FormRecords(source, mapping, fileValues, matcher.yesNo())
                : new TableRecords(source, mapping, matcher, fileValues);
        try {
            for (int i = 0; i < alreadyEmitted && records.next() != null; i++) {
                // skip what an earlier attempt already stored
            }
        } catch (RuntimeException e) {
            closeQuietly(records);
            throw e;
        }
        return records;
    }

    private static void closeQuietly(SourceRecords records) {
        try {
            records.close();
        } catch (IOException ignored) {
            // the original failure is what matters
        }
    }
}
