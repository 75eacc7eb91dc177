package wales.activeoffer.reference;

import java.util.List;

/**
 * A Welsh local authority, identified by its ONS code.
 *
 * @param alsoKnownAs the abbreviations and short names files use for it ({@code BCBC}, {@code VoG}, {@code Merthyr});
 *                    one may be shared with another authority ({@code CCBC} is Conwy and Caerphilly)
 */
public record Authority(String onsCode, String nameEn, String nameCy, List<String> alsoKnownAs) {

    public Authority {
        alsoKnownAs = alsoKnownAs == null ? List.of() : List.copyOf(alsoKnownAs);
    }

    public Authority(String onsCode, String nameEn, String nameCy) {
        this(onsCode, nameEn, nameCy, List.of());
    }
}
