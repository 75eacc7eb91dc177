package wales.activeoffer.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import wales.activeoffer.aggregate.DisclosureControl;

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
                if (DisclosureControl.CONFIDENTIAL.equals(row.get("note_code"))) {
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

    /** For example "2,011 of 2,176 Wales and region figures (92.4%)". */
    public String describe() {
        long all = shown + hidden;
        return String.format(Locale.UK, "%,d of %,d Wales and region figures (%.1f%%)", shown, all,
                all == 0 ? 100.0 : 100.0 * shown / all);
    }
}
