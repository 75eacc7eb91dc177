package wales.activeoffer.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.PublishedAggregate;

/**
 * The figures of the public release, found by what they are. The report reads nothing else: what is hidden or missing
 * here is hidden or missing in the report.
 */
public final class ReleaseFigures {
    private final Map<String, PublishedAggregate> byKey = new HashMap<>();
    private final TreeSet<String> quarters = new TreeSet<>();
    private final TreeSet<String> years = new TreeSet<>();

    public ReleaseFigures(List<PublishedAggregate> published) {
        for (PublishedAggregate p : published) {
            var row = p.row();
            byKey.put(key(row.measure(), row.statistic(), row.cell().geographyCode(), row.cell().period(),
                    row.cell().route(), row.stage(), row.category()), p);
            (row.cell().periodType().equals("quarter") ? quarters : years).add(row.cell().period());
        }
    }

    /**
     * The key a figure is known by in the page ({@code data-figure}): measure, statistic, geography code, period,
     * eligibility route, stage and category, separated by {@code |}, with nothing for a blank.
     */
    public static String key(String measure, String statistic, String geography, String period, String route,
            String stage, String category) {
        return String.join("|", measure, statistic, geography, period, route, Objects.toString(stage, ""),
                Objects.toString(category, ""));
    }

    /** A figure of all eligibility routes together. */
    public Optional<PublishedAggregate> find(String measure, String statistic, String geography, String period,
            String stage, String category) {
        return Optional.ofNullable(byKey.get(key(measure, statistic, geography, period, CellKey.ALL_ROUTES, stage,
                category)));
    }

    /** Whether any figure at all is published for the geography and period: if not, it sent no records for it. */
    public boolean hasAny(String measure, String geography, String period) {
        return find(measure, measure.equals("take_up") ? "offers" : "n", geography, period, null,
                measure.equals("response_time") ? "referral_to_meeting" : null).isPresent();
    }

    /**
     * The last {@code count} quarters up to the latest quarter published, consecutive, whether or not anything was
     * published for each.
     */
    public List<String> latestQuarters(int count) {
        if (quarters.isEmpty()) {
            return List.of();
        }
        String latest = quarters.last();
        int year = Integer.parseInt(latest.substring(0, 4));
        int quarter = Integer.parseInt(latest.substring(latest.length() - 1));
        String[] periods = new String[count];
        for (int i = count - 1; i >= 0; i--) {
            periods[i] = String.format("%d-%02d Q%d", year, (year + 1) % 100, quarter);
            if (--quarter == 0) {
                quarter = 4;
                year--;
            }
        }
        return List.of(periods);
    }

    /** The financial years published, earliest first, at most the last {@code count}. */
    public List<String> latestYears(int count) {
        List<String> all = List.copyOf(years);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }
}
