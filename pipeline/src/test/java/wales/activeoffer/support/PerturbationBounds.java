package wales.activeoffer.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * How far a published count of the public series can be from the true count, as {@code docs/publication.md} tells a
 * reader: the most the perturbation table moves a count (the release's manifest gives it), times the number of
 * authorities' quarters and routes the count adds up. A reader knows from the published coverage which authority sent
 * records for which quarter; the routes with records are not published, so every route of those quarters is counted.
 */
public final class PerturbationBounds {
    public static final List<String> ROUTES = List.of("looked_after", "child_protection", "care_and_support");
    private final int most;
    private final Set<String> received;
    private final BiFunction<String, String, String> regionOfAuthorityInQuarter;
    private final Map<String, String> regions = new HashMap<>();

    private PerturbationBounds(int most, Set<String> received,
            BiFunction<String, String, String> regionOfAuthorityInQuarter) {
        this.most = most;
        this.received = received;
        this.regionOfAuthorityInQuarter = regionOfAuthorityInQuarter;
    }

    /** A public release's bounds, from its manifest and its {@code coverage.csv}. */
    public static PerturbationBounds of(Path release, BiFunction<String, String, String> regionOfAuthorityInQuarter)
            throws IOException {
        int most = JsonMapper.builder().build().readTree(release.resolve("manifest.json").toFile()).get("publication")
                .get("maxPerturbation").asInt();
        Set<String> received = new HashSet<>();
        for (Map<String, String> row : PublishedCsv.read(release.resolve("coverage.csv")).rows()) {
            if (Boolean.parseBoolean(row.get("records_received"))) {
                received.add(row.get("authority_code") + " " + row.get("quarter"));
            }
        }
        return new PerturbationBounds(most, received, regionOfAuthorityInQuarter);
    }

    public int most() {
        return most;
    }

    /** The most a published count's true value can differ from it. */
    public long noise(Map<String, String> row) {
        long cells = 0;
        for (String authorityQuarter : received) {
            for (String route : ROUTES) {
                if (inside(row, authorityQuarter + " " + route)) {
                    cells++;
                }
            }
        }
        return most * cells;
    }

    /**
     * Whether an authority's quarter on a route ({@code "W06000015 2024-25 Q1 looked_after"}, or {@code any} route)
     * is inside a published row's place, period and route.
     */
    public boolean inside(Map<String, String> row, String cell) {
        String[] parts = cell.split(" ");
        String authority = parts[0];
        String quarter = parts[1] + " " + parts[2];
        String route = parts[3];
        boolean period = row.get("period_type").equals("quarter") ? row.get("period").equals(quarter)
                : quarter.startsWith(row.get("period") + " ");
        if (!period || (!route.equals("any") && !row.get("eligibility_route").equals("all")
                && !row.get("eligibility_route").equals(route))) {
            return false;
        }
        return switch (row.get("geography_level")) {
            case "wales" -> true;
            case "authority" -> row.get("geography_code").equals(authority);
            default -> row.get("geography_code").equals(regions.computeIfAbsent(authority + " " + quarter,
                    k -> regionOfAuthorityInQuarter.apply(authority, quarter)));
        };
    }

    /** Whether a published row is a count (rather than a rate, share or response time). */
    public static boolean isCount(Map<String, String> row) {
        return List.of("offers", "meetings_accepted", "meetings_held", "taken_up", "count", "n", "within_target",
                "beyond_target").contains(row.get("statistic"));
    }

    /** The exact counts of an officials' dataset (or any unprotected aggregates), named as the audit names them. */
    public static Map<String, Long> exactCounts(Path folder) throws IOException {
        Map<String, Long> figures = new HashMap<>();
        for (Map<String, String> row : PublishedCsv.read(folder.resolve("aggregates.csv")).rows()) {
            if (isCount(row)) {
                figures.put(DisclosureAudit.nameOf(row), Long.parseLong(row.get("value")));
            }
        }
        return figures;
    }
}
