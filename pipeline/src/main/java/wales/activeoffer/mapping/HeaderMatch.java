package wales.activeoffer.mapping;

import java.util.List;
import java.util.Map;

/**
 * A heading row recognised by a mapping.
 *
 * @param fieldByColumn zero-based column index to the template field it carries
 * @param missingFields mapped fields whose heading is not on the row
 * @param headings      zero-based column index to the heading as the file writes it
 * @param repeated      mapped fields whose heading is in more than one column, to every column it is in
 * @param groups        for a layout with repeated column groups, each group found (in the mapping's order) to its
 *                      columns and fields; the columns are in {@code fieldByColumn} too
 */
public record HeaderMatch(SourceMapping mapping, Map<Integer, String> fieldByColumn, List<String> missingFields,
        Map<Integer, String> headings, Map<String, List<Integer>> repeated, Map<String, Map<Integer, String>> groups) {

    public int score() {
        return fieldByColumn.size();
    }
}
