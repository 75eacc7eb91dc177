package wales.activeoffer.normalise;

import wales.activeoffer.template.Severity;

/**
 * A broken rule on one row, as the receipt shows it.
 *
 * @param value   the offending value, or {@code "(withheld)"} for identifiers and dates of birth
 * @param message the rule's message in the receipt's language, with what the field takes
 * @param heading the lead's own name for the field: the file's heading, or the form's label ("" when unknown)
 * @param cell    where the value is: a cell reference such as {@code C7}, {@code "file name"} or {@code "folder"}, or
 *                "" when the field was not in the file
 */
public record RowIssue(String sheet, int rowNumber, String field, String value, String ruleId, Severity severity,
        String message, String heading, String cell) {

    public RowIssue {
        heading = heading == null ? "" : heading;
        cell = cell == null ? "" : cell;
    }
}
