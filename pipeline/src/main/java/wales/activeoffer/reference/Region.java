package wales.activeoffer.reference;

/** An advocacy commissioning region. */
public record Region(String code, String nameEn, String nameCy) {
}
