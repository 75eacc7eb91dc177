package wales.activeoffer.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.PublishedAggregate;

/**
 * One table of the publication plan laid out as officials read it: a block of lines per figure (offers, the take-up
 * rate, a refusal reason's share…), each block a line per geography in the order Wales, its regions, then the
 * authorities region by region; a column per period. The figures are exactly the published ones. A place without a
 * line of its own is filled the way its definition says: a count of nothing is 0; a share of nothing out of something
 * is 0; a median or a share over nothing is {@code [z]}; and a place and period with no records at all is {@code [x]}.
 */
record WideTable(PublicationPlan.Table table, List<String> periods, List<Line> lines) {
    /** In place of a figure for a geography and period that no record covers. */
    static final String NOT_AVAILABLE = "[x]";
    private static final List<String> COUNTS = List.of("offers", "meetings_accepted", "meetings_held", "taken_up",
            "count", "n", "within_target", "beyond_target");
    private static final List<String> STAGES = List.of("offer", "meeting");

    /** What a line's figures are: everything of a published row but its geography and period. */
    record Figure(String measure, String statistic, String stage, String category, String route) {
        static Figure of(PublishedAggregate published) {
            var row = published.row();
            return new Figure(row.measure(), row.statistic(), row.stage(), row.category(), row.cell().route());
        }
    }

    /** A geography: its level ({@code wales}, {@code region}, {@code authority}) and its code. */
    record Area(String level, String code) {
    }

    /**
     * One line: a figure for one geography, period by period.
     *
     * @param cells each period's published figure, or a symbol or 0 where none was published
     */
    record Line(Figure figure, Area area, Map<String, Object> cells, List<String> revisedPeriods) {
    }

    /**
     * @param release   every published figure of the release
     * @param areas     every geography, in the order lines are wanted: Wales, regions, authorities by region; each
     *                  of a level the table covers has its lines, with {@code [x]} where it has no records
     */
    static WideTable of(PublicationPlan.Table table, List<PublishedAggregate> release, List<Area> areas) {
        List<PublishedAggregate> rows = release.stream().filter(p -> table.covers(p.row().measure(), p.row().cell()))
                .toList();
        TreeSet<String> periods = new TreeSet<>();
        Map<Figure, Integer> appearance = new LinkedHashMap<>();
        Map<String, PublishedAggregate> byPlace = new HashMap<>();
        Map<Area, Boolean> published = new LinkedHashMap<>();
        areas.stream().filter(a -> table.geographies().contains(a.level())).forEach(a -> published.put(a, false));
        for (PublishedAggregate p : rows) {
            CellKey cell = p.row().cell();
            periods.add(cell.period());
            appearance.putIfAbsent(Figure.of(p), appearance.size());
            byPlace.put(place(Figure.of(p), cell.geographyCode(), cell.period()), p);
            byPlace.putIfAbsent(cell.geographyCode() + "|" + cell.period(), p);
            published.put(new Area(cell.geographyLevel(), cell.geographyCode()), true);
        }
        List<Area> geographies = new ArrayList<>(published.keySet());
        List<Figure> figures = new ArrayList<>(appearance.keySet());
        figures.sort(Comparator.comparing((Figure f) -> !CellKey.ALL_ROUTES.equals(f.route()))
                .thenComparing(f -> firstAppearanceOfRoute(appearance, f.route()))
                .thenComparing(f -> f.stage() == null ? -1 : STAGES.indexOf(f.stage()))
                .thenComparing(f -> categoryRank(appearance, f))
                .thenComparing(appearance::get));
        List<Line> lines = new ArrayList<>();
        for (Figure figure : figures) {
            for (Area area : geographies) {
                Map<String, Object> cells = new LinkedHashMap<>();
                List<String> revised = new ArrayList<>();
                for (String period : periods) {
                    PublishedAggregate p = byPlace.get(place(figure, area.code(), period));
                    if (p != null) {
                        cells.put(period, p);
                        if (p.revised()) {
                            revised.add(period);
                        }
                    } else {
                        cells.put(period, filled(figure, area.code(), period, byPlace));
                    }
                }
                lines.add(new Line(figure, area, cells, revised));
            }
        }
        return new WideTable(table, List.copyOf(periods), lines);
    }

    private static String place(Figure figure, String geography, String period) {
        return figure + "|" + geography + "|" + period;
    }

    private static int firstAppearanceOfRoute(Map<Figure, Integer> appearance, String route) {
        return appearance.entrySet().stream().filter(e -> e.getKey().route().equals(route))
                .mapToInt(Map.Entry::getValue).min().orElse(0);
    }

    /** A stage's total first, then its categories in the order first met, with {@code not_recorded} last. */
    private static int categoryRank(Map<Figure, Integer> appearance, Figure figure) {
        if (figure.category() == null || figure.category().equals("all")) {
            return -1;
        }
        if (figure.category().equals("not_recorded")) {
            return Integer.MAX_VALUE;
        }
        return appearance.entrySet().stream().filter(e -> Objects.equals(e.getKey().category(), figure.category()))
                .mapToInt(Map.Entry::getValue).min().orElse(0);
    }

    /** What stands where no figure was published, by the figure's definition. */
    private static Object filled(Figure figure, String geography, String period,
            Map<String, PublishedAggregate> byPlace) {
        if (!byPlace.containsKey(geography + "|" + period)) {
            return NOT_AVAILABLE;
        }
        if (COUNTS.contains(figure.statistic())) {
            return 0;
        }
        if (figure.statistic().equals("share")) {
            if (figure.stage() == null) {
                return 0;
            }
            Figure stageTotal = new Figure(figure.measure(), "count", figure.stage(), "all", figure.route());
            return byPlace.containsKey(place(stageTotal, geography, period)) ? 0 : PublishedAggregate.NOT_APPLICABLE;
        }
        return PublishedAggregate.NOT_APPLICABLE;
    }
}
