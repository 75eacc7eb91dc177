package wales.activeoffer.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a published aggregates CSV the way an analyst would: by its column names. */
public record PublishedCsv(List<Map<String, String>> rows) {

    public static PublishedCsv read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new PublishedCsv(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).stream().map(CSVRecord::toMap).toList());
        }
    }

    /** The number, or the note code that stands in for it, as the workbook shows it. */
    public static String shown(Map<String, String> row) {
        return row.get("value").isEmpty() ? row.get("note_code") : row.get("value");
    }

    /** The published value for one cell, measure and statistic; stage and category may be empty. */
    public String value(String level, String code, String periodType, String period, String route, String measure,
            String statistic, String stage, String category) {
        List<String> values = rows.stream()
                .filter(r -> r.get("geography_level").equals(level) && r.get("geography_code").equals(code)
                        && r.get("period_type").equals(periodType) && r.get("period").equals(period)
                        && r.get("eligibility_route").equals(route) && r.get("measure").equals(measure)
                        && r.get("statistic").equals(statistic) && Objects.equals(r.get("stage"), stage)
                        && Objects.equals(r.get("category"), category))
                .map(PublishedCsv::shown).toList();
        if (values.size() != 1) {
            throw new AssertionError("Expected one published value for " + String.join("/", level, code, period, route,
                    measure, statistic, stage, category) + " but found " + values);
        }
        return values.get(0);
    }
}
