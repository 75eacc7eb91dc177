package wales.activeoffer.reference;

/** The independent professional advocacy provider contracted by a region. */
public record Provider(String code, String name) {
}
