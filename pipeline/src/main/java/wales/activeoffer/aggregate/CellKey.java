package wales.activeoffer.aggregate;

import java.util.Comparator;
import java.util.List;

/** One cell of the published tables: a geography, a period and an eligibility route ({@code all} for the total). */
public record CellKey(String geographyLevel, String geographyCode, String periodType, String period, String route)
        implements Comparable<CellKey> {
    public static final String ALL_ROUTES = "all";
    private static final List<String> LEVELS = List.of("wales", "region", "authority");
    private static final Comparator<CellKey> ORDER = Comparator
            .comparing((CellKey k) -> LEVELS.indexOf(k.geographyLevel()))
            .thenComparing(CellKey::geographyCode)
            .thenComparing(CellKey::periodType)
            .thenComparing(CellKey::period)
            .thenComparing(k -> ALL_ROUTES.equals(k.route()) ? "" : k.route());

    @Override
    public int compareTo(CellKey other) {
        return ORDER.compare(this, other);
    }
}
