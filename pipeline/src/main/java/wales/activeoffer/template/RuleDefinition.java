package wales.activeoffer.template;

/** A validation rule: stable id, severity and the message a regional lead reads in the receipt, in English and Welsh. */
public record RuleDefinition(String id, Severity severity, String field, String message, String cy) {

    /** The message in the given language ({@code cy} for Welsh, anything else English). */
    public String message(String language) {
        return "cy".equals(language) ? cy : message;
    }
}
