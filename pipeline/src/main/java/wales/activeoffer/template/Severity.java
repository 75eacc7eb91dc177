package wales.activeoffer.template;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** What a broken rule does to its row: an error rejects it, a warning keeps it and flags it. */
public enum Severity {
    ERROR, WARNING;

    @JsonCreator
    public static Severity fromYaml(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
