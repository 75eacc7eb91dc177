package wales.activeoffer.normalise;

import wales.activeoffer.template.Severity;

/**
 * A broken rule on one row, as the receipt shows it.
 *
 * @param value the offending value, or {@code "(withheld)"} for identifiers and dates of birth
 */
public record RowIssue(String sheet, int rowNumber, String field, String value, String ruleId, Severity severity,
        String message) {
}
