package wales.activeoffer.report;

/** Wales, a region or an authority, with its names in both languages. */
public record Place(String level, String code, String nameEn, String nameCy) {
    public String name(Language language) {
        return language.pick(nameEn, nameCy);
    }
}
