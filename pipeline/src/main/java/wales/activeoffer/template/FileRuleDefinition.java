package wales.activeoffer.template;

/** A reason a whole file is not ingested, in English and Welsh. */
public record FileRuleDefinition(String id, String message, String cy) {

    /** The message in the given language ({@code cy} for Welsh, anything else English). */
    public String message(String language) {
        return "cy".equals(language) ? cy : message;
    }
}
