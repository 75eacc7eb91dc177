package wales.activeoffer.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import wales.activeoffer.aggregate.PublishedAggregate;

/**
 * How much of a release officials and the forum can see: of the Wales and region figures in {@code aggregates.csv}
 * (leaving out those not applicable, {@code [z]}), how many are shown and how many are {@code [c]}.
 */
public record PublishedShare(long shown, long hidden) {

    public static PublishedShare of(Path aggregatesCsv) {
        long shown = 0;
        long hidden = 0;
        try (Reader reader = Files.newBufferedReader(aggregatesCsv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String level = row.get("geography_level");
                if (!level.equals("wales") && !level.equals("region")) {
                    continue;
                }
                if (PublishedAggregate.CONFIDENTIAL.equals(row.get("note_code"))) {
                    hidden++;
                } else if (!row.get("value").isEmpty()) {
                    shown++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + aggregatesCsv, e);
        }
        return new PublishedShare(shown, hidden);
    }

    /** The same count over published figures, as the release writes them. */
    public static PublishedShare of(Stream<PublishedAggregate> published) {
        long[] counts = new long[2];
        published.filter(p -> List.of("wales", "region").contains(p.row().cell().geographyLevel()))
                .forEach(p -> {
                    if (PublishedAggregate.CONFIDENTIAL.equals(p.symbol())) {
                        counts[1]++;
                    } else if (p.value() != null) {
                        counts[0]++;
                    }
                });
        return new PublishedShare(counts[0], counts[1]);
    }

    /** For example "2,011 of 2,176 Wales and region figures (92.4%)". */
    public String describe() {
        return fraction().replace(" (", " Wales and region figures (");
    }

    /** For example "2,011 of 2,176 (92.4%)". */
    public String fraction() {
        long all = shown + hidden;
        return String.format(Locale.UK, "%,d of %,d (%.1f%%)", shown, all, all == 0 ? 100.0 : 100.0 * shown / all);
    }
}
