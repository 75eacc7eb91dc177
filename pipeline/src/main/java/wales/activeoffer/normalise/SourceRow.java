package wales.activeoffer.normalise;

import java.util.Map;

/** A data row of a source file with its cells keyed by the template field the mapping assigned them to. */
public record SourceRow(String sheet, int rowNumber, Map<String, String> values) {

    public String value(String field) {
        String raw = values.get(field);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }
}
