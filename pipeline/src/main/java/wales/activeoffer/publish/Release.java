package wales.activeoffer.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a run's published files are, and how many rows each holds.
 *
 * @param qualityRows rows of {@code coverage.csv} and {@code data-quality.csv}, by file name
 * @param folder          the latest public release, {@code null} when none has been published yet
 * @param isNew           whether this run published that public release
 * @param officialsFolder the officials' nightly dataset (restricted) this run built or found unchanged
 * @param officialsNew    whether this run built it
 * @param nextPublic      the next public release's date on the calendar, or {@code null} when none is set
 */
public record Release(Path folder, Path aggregatesCsv, URI aggregatesParquet, URI recordsParquet, long aggregateRows,
        long recordRows, Map<String, Long> qualityRows, boolean isNew, Path officialsFolder, boolean officialsNew,
        String nextPublic) {

    /** The same release, with the officials' dataset and the calendar. */
    Release with(Path officials, boolean builtOfficials, String next) {
        return new Release(folder, aggregatesCsv, aggregatesParquet, recordsParquet, aggregateRows, recordRows,
                qualityRows, isNew, officials, builtOfficials, next);
    }
}
