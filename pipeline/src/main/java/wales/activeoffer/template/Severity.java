package wales.activeoffer.template;

/** What a broken rule does to its row: an error rejects it, a warning keeps it and flags it. */
public enum Severity {
    ERROR, WARNING;

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Severity fromYaml(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
