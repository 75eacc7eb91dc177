package wales.activeoffer.disclosure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.BaseCount;
import wales.activeoffer.aggregate.CountKey;
import wales.activeoffer.aggregate.MeasureTable;
import wales.activeoffer.aggregate.PublishedAggregate;

/**
 * The public series' disclosure control: the cell key method, applied where the records are, in base cells (an
 * authority's quarter on one eligibility route).
 *
 * <ul>
 * <li><b>Counts.</b> Each base cell's count is moved by the {@link PerturbationTable}, looked up with its true value
 * and its cell key. A published count is the sum of its base cells' perturbed counts, so Wales is the sum of its
 * regions, a year of its quarters and all routes of the routes, as published. The same records give the same cell key,
 * so a count whose records did not change is published the same in every release; one whose records changed is moved
 * afresh, so the difference between two releases is noisy.</li>
 * <li><b>Small numbers.</b> A published count from 1 to the threshold (4 by default) is shown as {@code [c]}, as UK
 * practice for small numbers asks. With this table only 3 and 4 can be: 1 and 2 are never published.</li>
 * <li><b>Figures built on counts.</b> A rate or share is worked from the published counts, and is at most 1. It is
 * {@code [c]} where a count it is built on is, and {@code [z]} where its published denominator is 0. A median or 90th percentile is shown only where the published
 * number of response times measured is at least {@value #MEDIAN_MINIMUM}, and is {@code [c]} otherwise.</li>
 * </ul>
 */
public final class CellKeyPerturbation {
    /** The least published number of response times beside which a median or percentile is shown. */
    public static final int MEDIAN_MINIMUM = 10;
    private final PerturbationTable table;
    private final int threshold;

    public CellKeyPerturbation(PerturbationTable table, int threshold) {
        this.table = table;
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    public int maxPerturbation() {
        return table.maxPerturbation();
    }

    /** The public figures. */
    public List<PublishedAggregate> protect(MeasureTable measures) {
        Map<CountKey, Integer> published = new HashMap<>();
        for (AggregateRow row : measures.rows()) {
            if (row.isCount()) {
                List<BaseCount> parts = measures.parts().get(row.key());
                int value = parts == null ? table.perturbed(row.value().intValue(), 0)
                        : parts.stream().mapToInt(p -> table.perturbed(p.value(), p.cellKey())).sum();
                published.put(row.key(), value);
            }
        }
        return measures.rows().stream().map(row -> figure(row, published, threshold)).toList();
    }

    /** The officials' figures: every value exact, {@code [z]} where a figure is undefined. */
    public static List<PublishedAggregate> exact(MeasureTable measures) {
        return measures.rows().stream().map(row -> row.value() == null
                ? new PublishedAggregate(row, null, PublishedAggregate.NOT_APPLICABLE)
                : new PublishedAggregate(row, row.value(), null)).toList();
    }

    private static PublishedAggregate figure(AggregateRow row, Map<CountKey, Integer> published, int threshold) {
        if (row.isCount()) {
            int value = published.get(row.key());
            return SmallCounts.isSmall(value, threshold)
                    ? new PublishedAggregate(row, null, PublishedAggregate.CONFIDENTIAL)
                    : new PublishedAggregate(row, (double) value, null);
        }
        if (row.basis().stream().anyMatch(k -> SmallCounts.isSmall(published.getOrDefault(k, 0), threshold))) {
            return new PublishedAggregate(row, null, PublishedAggregate.CONFIDENTIAL);
        }
        String statistic = row.statistic();
        if (statistic.startsWith("median") || statistic.startsWith("p90")) {
            int measured = published.getOrDefault(row.basis().get(0), 0);
            return measured >= MEDIAN_MINIMUM ? new PublishedAggregate(row, row.value(), null)
                    : new PublishedAggregate(row, null, PublishedAggregate.CONFIDENTIAL);
        }
        int numerator = published.getOrDefault(row.basis().get(0), 0);
        int denominator = published.getOrDefault(row.basis().get(1), 0);
        if (denominator == 0) {
            return new PublishedAggregate(row, null, PublishedAggregate.NOT_APPLICABLE);
        }
        return new PublishedAggregate(row, Math.min(1.0, (double) numerator / denominator), null);
    }
}
