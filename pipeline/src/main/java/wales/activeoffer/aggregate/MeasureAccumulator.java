package wales.activeoffer.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import wales.activeoffer.template.OfferRecord;

/**
 * Builds the four families of measures for Wales, each region and each authority, by financial year and quarter, by
 * eligibility route and for all routes. Records are added one at a time; memory grows with the number of cells, not
 * with the number of records.
 */
public final class MeasureAccumulator {
    public static final String WALES_CODE = "W92000004";
    private final Map<CellKey, CellTally> tallies = new TreeMap<>();
    private final GeographyNames names;
    private final int targetWorkingDays;

    /** Display names for geography codes. */
    public interface GeographyNames {
        String name(String level, String code);
    }

    public MeasureAccumulator(GeographyNames names, int targetWorkingDays) {
        this.names = names;
        this.targetWorkingDays = targetWorkingDays;
    }

    public void add(OfferRecord record) {
        String[][] geographies = {{"wales", WALES_CODE}, {"region", record.regionCode()},
                {"authority", record.authorityCode()}};
        String[][] periods = {{"financial_year", record.financialYear()}, {"quarter", record.quarter()}};
        for (String[] geography : geographies) {
            for (String[] period : periods) {
                for (String route : List.of(CellKey.ALL_ROUTES, record.eligibilityRoute())) {
                    tallies.computeIfAbsent(new CellKey(geography[0], geography[1], period[0], period[1], route),
                            k -> new CellTally()).add(record);
                }
            }
        }
    }

    public List<AggregateRow> rows() {
        List<AggregateRow> rows = new ArrayList<>();
        tallies.forEach((cell, tally) -> {
            Rows out = new Rows(rows, cell, names.name(cell.geographyLevel(), cell.geographyCode()));
            out.count("take_up", "offers", null, null, tally.offers);
            out.count("take_up", "meetings_accepted", null, null, tally.meetingsAccepted);
            out.count("take_up", "meetings_held", null, null, tally.meetingsHeld);
            out.count("take_up", "taken_up", null, null, tally.takenUp);
            out.rate("take_up", "take_up_rate", null, null, tally.takenUp, tally.meetingsHeld);
            out.rate("take_up", "conversion_rate", null, null, tally.takenUp, tally.offers);
            tally.refusalsByStage.forEach((stage, byReason) -> {
                int total = byReason.values().stream().mapToInt(Integer::intValue).sum();
                byReason.forEach((reason, n) -> {
                    out.count("refusal_reasons", "count", stage, reason, n);
                    out.rate("refusal_reasons", "share", stage, reason, n, total);
                });
            });
            out.responseTimes("referral_to_meeting", tally.referralToMeeting, targetWorkingDays);
            out.responseTimes("referral_to_first_contact", tally.referralToFirstContact, targetWorkingDays);
            tally.referralSources.forEach((source, n) -> {
                out.count("referral_sources", "count", null, source, n);
                out.rate("referral_sources", "share", null, source, n, tally.offers);
            });
        });
        return rows;
    }

    private record Rows(List<AggregateRow> rows, CellKey cell, String name) {
        void count(String measure, String statistic, String stage, String category, int n) {
            rows.add(new AggregateRow(measure, statistic, cell, name, stage, category, (double) n, List.of(n)));
        }

        void rate(String measure, String statistic, String stage, String category, int numerator, int denominator) {
            Double value = denominator == 0 ? null : (double) numerator / denominator;
            rows.add(new AggregateRow(measure, statistic, cell, name, stage, category, value,
                    List.of(numerator, denominator)));
        }

        void responseTimes(String interval, Distribution times, int target) {
            int n = times.size();
            rows.add(new AggregateRow("response_time", "n", cell, name, null, interval, (double) n, List.of(n)));
            if (n == 0) {
                return;
            }
            rows.add(new AggregateRow("response_time", "median_working_days", cell, name, null, interval,
                    times.median(), List.of(n)));
            rows.add(new AggregateRow("response_time", "p90_working_days", cell, name, null, interval,
                    (double) times.percentile90(), List.of(n)));
            int within = times.countAtMost(target);
            rows.add(new AggregateRow("response_time", "share_within_target", cell, name, null, interval,
                    (double) within / n, List.of(within, n)));
        }
    }
}
