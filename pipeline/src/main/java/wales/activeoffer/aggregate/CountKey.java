package wales.activeoffer.aggregate;

import java.util.Comparator;

/**
 * Names one published count: a count statistic of a measure in one cell, for one stage and category where the measure
 * has them. Rates, shares and response-time statistics name the counts they are built on with these keys.
 */
public record CountKey(String measure, String statistic, String stage, String category, CellKey cell)
        implements Comparable<CountKey> {
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<CountKey> ORDER = Comparator.comparing(CountKey::cell)
            .thenComparing(CountKey::measure)
            .thenComparing(CountKey::statistic)
            .thenComparing(CountKey::stage, NULLS_FIRST)
            .thenComparing(CountKey::category, NULLS_FIRST);

    public CountKey inCell(CellKey other) {
        return new CountKey(measure, statistic, stage, category, other);
    }

    public CountKey withStatistic(String otherStatistic) {
        return new CountKey(measure, otherStatistic, stage, category, cell);
    }

    public CountKey withCategory(String otherCategory) {
        return new CountKey(measure, statistic, stage, otherCategory, cell);
    }

    @Override
    public int compareTo(CountKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return measure + "/" + statistic + (stage == null ? "" : "/" + stage)
                + (category == null ? "" : "/" + category) + " " + cell.geographyCode() + " " + cell.period() + " "
                + cell.route();
    }
}
