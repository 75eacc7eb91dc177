package wales.activeoffer.publish;

import java.net.URI;
import java.nio.file.Path;

/** Where one run's published files went, and how many rows each holds. */
public record Release(Path folder, Path aggregatesCsv, URI aggregatesParquet, URI recordsParquet, long aggregateRows,
        long recordRows) {
}
