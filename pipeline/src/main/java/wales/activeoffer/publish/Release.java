package wales.activeoffer.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a run's published files are, and how many rows each holds.
 *
 * @param qualityRows rows of {@code coverage.csv} and {@code data-quality.csv}, by file name
 * @param isNew       false when nothing had changed and this is the latest release, published before
 */
public record Release(Path folder, Path aggregatesCsv, URI aggregatesParquet, URI recordsParquet, long aggregateRows,
        long recordRows, Map<String, Long> qualityRows, boolean isNew) {
}
