package wales.activeoffer.template;

/**
 * One input field of the template: what a mapping may point a source column at.
 *
 * @param type one of {@code authority, identifier, date_of_birth, code, date, yes_no}
 */
public record FieldDefinition(String name, String type, String codeList, boolean required, String description) {

    public boolean isPersonal() {
        return "identifier".equals(type) || "date_of_birth".equals(type);
    }
}
