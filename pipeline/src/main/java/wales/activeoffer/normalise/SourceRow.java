package wales.activeoffer.normalise;

import java.util.Map;
import wales.activeoffer.template.Text;

/**
 * A data row of a source file with its cells keyed by the template field the mapping assigned them to.
 *
 * @param origins where each field's value is in the lead's own file, for the receipt; a field without one is told by
 *                its template name
 */
public record SourceRow(String sheet, int rowNumber, Map<String, String> values, Map<String, Origin> origins) {

    public SourceRow {
        origins = origins == null ? Map.of() : origins;
    }

    public SourceRow(String sheet, int rowNumber, Map<String, String> values) {
        this(sheet, rowNumber, values, Map.of());
    }

    /** The value, with every Unicode space a plain one, trimmed; {@code null} when there is nothing but spaces. */
    public String value(String field) {
        String raw = Text.plainSpaces(values.get(field));
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    public Origin origin(String field) {
        return origins.getOrDefault(field, Origin.NONE);
    }

    /**
     * Where a value is in the lead's file.
     *
     * @param heading the lead's own heading or form label for it
     * @param cell    a cell reference ({@code C7}), or {@code "file name"} / {@code "folder"}
     */
    public record Origin(String heading, String cell) {
        public static final Origin NONE = new Origin("", "");
    }
}
