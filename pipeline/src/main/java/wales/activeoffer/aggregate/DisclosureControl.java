package wales.activeoffer.aggregate;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Statistical disclosure control for the published tables, with the GSS symbols.
 *
 * <p><b>Primary suppression.</b> A count from 1 to the threshold (4 by default) is shown as {@code [c]}.
 *
 * <p><b>Secondary suppression.</b> A suppressed count could be worked back by subtraction from any sum it is part of
 * (see {@link SumRelation}) in which it is the only one suppressed. So, until no sum has exactly one suppressed count,
 * one more count of each such sum is suppressed: the smallest non-zero part, or the total when no other part is
 * non-zero. Zeros are never chosen, because a zero whose own parts are all published zeros gives itself away. Each
 * sum with a suppressed count then has two or more, and nothing can be recovered by subtracting published figures.
 *
 * <p><b>Figures built on counts.</b> A rate, share, median, percentile or share within target is {@code [c]} when any
 * count it is built on is suppressed, and {@code [z]} (not applicable) when its denominator is zero.
 */
public final class DisclosureControl {
    public static final String CONFIDENTIAL = "[c]";
    public static final String NOT_APPLICABLE = "[z]";
    private final int threshold;

    public DisclosureControl(int threshold) {
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    public List<PublishedAggregate> apply(MeasureTable table) {
        Map<CountKey, Integer> counts = new HashMap<>();
        table.rows().stream().filter(AggregateRow::isCount)
                .forEach(row -> counts.put(row.key(), row.value().intValue()));
        Set<CountKey> suppressed = suppressed(counts, table.sums());
        return table.rows().stream().map(row -> publish(row, suppressed)).toList();
    }

    private Set<CountKey> suppressed(Map<CountKey, Integer> counts, List<SumRelation> sums) {
        Set<CountKey> suppressed = new HashSet<>();
        counts.forEach((key, n) -> {
            if (n >= 1 && n <= threshold) {
                suppressed.add(key);
            }
        });
        Map<CountKey, List<SumRelation>> sumsOf = new HashMap<>();
        sums.forEach(sum -> members(sum).forEach(key -> sumsOf.computeIfAbsent(key, k -> new java.util.ArrayList<>())
                .add(sum)));
        ArrayDeque<SumRelation> toCheck = new ArrayDeque<>(sums);
        while (!toCheck.isEmpty()) {
            SumRelation sum = toCheck.poll();
            if (members(sum).filter(suppressed::contains).count() == 1) {
                CountKey complement = complement(sum, counts, suppressed);
                suppressed.add(complement);
                toCheck.addAll(sumsOf.getOrDefault(complement, List.of()));
            }
        }
        return suppressed;
    }

    private static Stream<CountKey> members(SumRelation sum) {
        return Stream.concat(Stream.of(sum.total()), sum.parts().stream());
    }

    /**
     * The count to suppress with the only suppressed one of a sum. Parts come before the total, so that totals stay
     * published where they can; among parts, the smallest non-zero, then the first in table order.
     */
    private static CountKey complement(SumRelation sum, Map<CountKey, Integer> counts, Set<CountKey> suppressed) {
        Comparator<CountKey> smallestPartFirst = Comparator
                .comparing((CountKey key) -> key.equals(sum.total()))
                .thenComparing(counts::get)
                .thenComparing(Comparator.naturalOrder());
        return members(sum).filter(key -> !suppressed.contains(key) && counts.get(key) > 0)
                .min(smallestPartFirst)
                .orElseThrow(() -> new IllegalStateException("No count left to protect " + sum.total()));
    }

    private static PublishedAggregate publish(AggregateRow row, Set<CountKey> suppressed) {
        if (row.basis().stream().anyMatch(suppressed::contains)) {
            return new PublishedAggregate(row, null, CONFIDENTIAL);
        }
        if (row.value() == null) {
            return new PublishedAggregate(row, null, NOT_APPLICABLE);
        }
        return new PublishedAggregate(row, row.value(), null);
    }
}
