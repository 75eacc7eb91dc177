package wales.activeoffer.template;

/**
 * One input field of the template: what a mapping may point a source column at.
 *
 * @param type one of {@code authority, identifier, date_of_birth, age, code, date, yes_no}
 * @param en   the field's heading in English, as the recording template workbook writes it
 * @param cy   the same heading in Welsh
 */
public record FieldDefinition(String name, String type, String codeList, boolean required, String description,
        String en, String cy) {

    /** The heading in the given language ({@code cy} for Welsh, anything else English). */
    public String heading(String language) {
        return "cy".equals(language) ? cy : en;
    }

    public boolean isPersonal() {
        return "identifier".equals(type) || "date_of_birth".equals(type);
    }
}
