package wales.activeoffer.template;

/** A validation rule: stable id, severity and the message a regional lead reads in the receipt. */
public record RuleDefinition(String id, Severity severity, String field, String message) {
}
