package wales.activeoffer.mapping;

import java.util.List;
import java.util.Map;

/**
 * A heading row recognised by a mapping.
 *
 * @param fieldByColumn zero-based column index to the template field it carries
 * @param missingFields mapped fields whose heading is not on the row
 * @param headings      zero-based column index to the heading as the file writes it
 */
public record HeaderMatch(SourceMapping mapping, Map<Integer, String> fieldByColumn, List<String> missingFields,
        Map<Integer, String> headings) {

    public int score() {
        return fieldByColumn.size();
    }
}
