package wales.activeoffer.template;

/** A reason a whole file is not ingested. */
public record FileRuleDefinition(String id, String message) {
}
