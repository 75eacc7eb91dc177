package wales.activeoffer.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.PublishedAggregate;

/**
 * One table of the publication plan laid out tidy, as the GSS guidance asks of a machine-readable table: one variable
 * per column. A line is one area, one period and one breakdown (the eligibility route, the refusal stage, the reason,
 * source or interval, where the table has them); a column is one statistic, so each column holds one unit. Lines run
 * area by area (Wales, its regions, then the authorities region by region), period by period, then breakdown by
 * breakdown (each stage's total before its categories, "not recorded" last).
 *
 * <p>The figures are exactly the published ones. A place without a figure of its own is filled the way its definition
 * says: a count of nothing is 0; a share of nothing out of something is 0; a median or a share over nothing is
 * {@code [z]}, as is a statistic the breakdown never has (the share of all reasons); and an area and period with no
 * records at all is {@code [x]}.
 */
record TidyTable(PublicationPlan.Table table, List<String> statistics, List<Line> lines) {
    /** In place of a figure for a geography and period that no record covers. */
    static final String NOT_AVAILABLE = "[x]";
    private static final List<String> COUNTS = List.of("offers", "meetings_accepted", "meetings_held", "taken_up",
            "count", "n", "within_target", "beyond_target");
    private static final List<String> STAGES = List.of("offer", "meeting");

    /** What a line breaks its area and period down by; a part the table does not have is {@code null}. */
    record Breakdown(String route, String stage, String category) {
    }

    /** A geography: its level ({@code wales}, {@code region}, {@code authority}) and its code. */
    record Area(String level, String code) {
    }

    /**
     * One line: an area, a period and a breakdown, with each statistic's figure.
     *
     * @param cells             by statistic, the published figure, or a symbol or 0 where none was published
     * @param revisedStatistics the statistics whose figure on this line was revised since the previous release
     */
    record Line(Area area, String period, Breakdown breakdown, Map<String, Object> cells,
            List<String> revisedStatistics) {
    }

    /** Whether any line breaks its figures down by stage (refusal reasons). */
    boolean hasStages() {
        return lines.stream().anyMatch(l -> l.breakdown().stage() != null);
    }

    /** Whether any line breaks its figures down by category (a reason, a source, an interval). */
    boolean hasCategories() {
        return lines.stream().anyMatch(l -> l.breakdown().category() != null);
    }

    /**
     * @param release every published figure of the release
     * @param areas   every geography, in the order lines are wanted: Wales, regions, authorities by region; each of a
     *                level the table covers has its lines, with {@code [x]} where it has no records
     */
    static TidyTable of(PublicationPlan.Table table, List<PublishedAggregate> release, List<Area> areas) {
        List<PublishedAggregate> rows = release.stream().filter(p -> table.covers(p.row().measure(), p.row().cell()))
                .toList();
        TreeSet<String> periods = new TreeSet<>();
        Set<String> statistics = new LinkedHashSet<>();
        Map<Breakdown, Integer> appearance = new LinkedHashMap<>();
        Set<String> statisticsOfBreakdown = new HashSet<>();
        Map<String, PublishedAggregate> byPlace = new HashMap<>();
        Set<String> placesWithRecords = new HashSet<>();
        Map<Area, Boolean> covered = new LinkedHashMap<>();
        areas.stream().filter(a -> table.geographies().contains(a.level())).forEach(a -> covered.put(a, true));
        for (PublishedAggregate p : rows) {
            var row = p.row();
            CellKey cell = row.cell();
            Breakdown breakdown = breakdown(table, p);
            periods.add(cell.period());
            statistics.add(row.statistic());
            appearance.putIfAbsent(breakdown, appearance.size());
            statisticsOfBreakdown.add(breakdown + "|" + row.statistic());
            byPlace.put(place(breakdown, row.statistic(), cell.geographyCode(), cell.period()), p);
            placesWithRecords.add(cell.geographyCode() + "|" + cell.period());
            covered.putIfAbsent(new Area(cell.geographyLevel(), cell.geographyCode()), true);
        }
        List<Breakdown> breakdowns = new ArrayList<>(appearance.keySet());
        breakdowns.sort(Comparator.comparing((Breakdown b) -> b.route() != null && !CellKey.ALL_ROUTES.equals(b.route()))
                .thenComparing(b -> firstAppearance(appearance, o -> Objects.equals(o.route(), b.route())))
                .thenComparing(b -> b.stage() == null ? -1 : STAGES.indexOf(b.stage()))
                .thenComparing(b -> categoryRank(appearance, b))
                .thenComparing(appearance::get));
        List<Line> lines = new ArrayList<>();
        for (Area area : covered.keySet()) {
            for (String period : periods) {
                boolean hasRecords = placesWithRecords.contains(area.code() + "|" + period);
                for (Breakdown breakdown : breakdowns) {
                    Map<String, Object> cells = new LinkedHashMap<>();
                    List<String> revised = new ArrayList<>();
                    for (String statistic : statistics) {
                        PublishedAggregate p = byPlace.get(place(breakdown, statistic, area.code(), period));
                        if (p != null) {
                            cells.put(statistic, p);
                            if (p.revised()) {
                                revised.add(statistic);
                            }
                        } else if (!statisticsOfBreakdown.contains(breakdown + "|" + statistic)) {
                            cells.put(statistic, PublishedAggregate.NOT_APPLICABLE);
                        } else if (!hasRecords) {
                            cells.put(statistic, NOT_AVAILABLE);
                        } else {
                            cells.put(statistic, filled(statistic, breakdown, area.code(), period, byPlace));
                        }
                    }
                    lines.add(new Line(area, period, breakdown, cells, revised));
                }
            }
        }
        return new TidyTable(table, List.copyOf(statistics), lines);
    }

    private static Breakdown breakdown(PublicationPlan.Table table, PublishedAggregate published) {
        var row = published.row();
        return new Breakdown(table.eachRoute() ? row.cell().route() : null, row.stage(), row.category());
    }

    private static String place(Breakdown breakdown, String statistic, String geography, String period) {
        return breakdown + "|" + statistic + "|" + geography + "|" + period;
    }

    private static int firstAppearance(Map<Breakdown, Integer> appearance,
            Predicate<Breakdown> matching) {
        return appearance.entrySet().stream().filter(e -> matching.test(e.getKey()))
                .mapToInt(Map.Entry::getValue).min().orElse(0);
    }

    /** A stage's total first, then its categories in the order first met, with {@code not_recorded} last. */
    private static int categoryRank(Map<Breakdown, Integer> appearance, Breakdown breakdown) {
        if (breakdown.category() == null || breakdown.category().equals("all")) {
            return -1;
        }
        if (breakdown.category().equals("not_recorded")) {
            return Integer.MAX_VALUE;
        }
        return firstAppearance(appearance, o -> Objects.equals(o.category(), breakdown.category()));
    }

    /** What stands where no figure was published for a place that has records, by the figure's definition. */
    private static Object filled(String statistic, Breakdown breakdown, String geography, String period,
            Map<String, PublishedAggregate> byPlace) {
        if (COUNTS.contains(statistic)) {
            return 0;
        }
        if (statistic.equals("share")) {
            if (breakdown.stage() == null) {
                return 0;
            }
            Breakdown stageTotal = new Breakdown(breakdown.route(), breakdown.stage(), "all");
            return byPlace.containsKey(place(stageTotal, "count", geography, period)) ? 0
                    : PublishedAggregate.NOT_APPLICABLE;
        }
        return PublishedAggregate.NOT_APPLICABLE;
    }
}
