package wales.activeoffer.reference;

/** A Welsh local authority, identified by its ONS code. */
public record Authority(String onsCode, String nameEn, String nameCy) {
}
