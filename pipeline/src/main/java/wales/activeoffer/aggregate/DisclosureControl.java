package wales.activeoffer.aggregate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import wales.activeoffer.disclosure.Constraint;
import wales.activeoffer.disclosure.LinkedTableProtection;

/**
 * Statistical disclosure control for the published tables, with the GSS symbols.
 *
 * <p><b>Primary suppression.</b> A count from 1 to the threshold (4 by default) is shown as {@code [c]}.
 *
 * <p><b>Secondary suppression, one sum at a time.</b> A suppressed count could be worked back by subtraction from any
 * sum it is part of (see {@link SumRelation}) in which it is the only one suppressed. So, until no sum has exactly one
 * suppressed count, one more count of each such sum is suppressed: the smallest non-zero part, or the total when no
 * other part is non-zero. Zeros are not chosen, because a zero whose own parts are all published zeros gives itself
 * away.
 *
 * <p><b>Secondary suppression, all sums together.</b> A reader can also solve all the sums at once, as a system of
 * linear equations, and so fix a count that no single sum gives away. {@link CombinedSums} finds such counts; for each,
 * one more published count is suppressed in the nearest sum that still has one, and both steps repeat until nothing is
 * fixed. Counts next to one just protected wait for the next round, since that protection may already cover them.
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

    /** Primary suppression's test: a count from 1 to the threshold describes too few children to show. */
    public static boolean isSmall(long n, int threshold) {
        return n >= 1 && n <= threshold;
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
            if (isSmall(n, threshold)) {
                suppressed.add(key);
            }
        });
        Map<CountKey, List<SumRelation>> sumsOf = new HashMap<>();
        sums.forEach(sum -> members(sum).forEach(key -> sumsOf.computeIfAbsent(key, k -> new ArrayList<>())
                .add(sum)));
        protectEachSum(new ArrayDeque<>(sums), sumsOf, counts, suppressed);
        for (List<CountKey> fixed = CombinedSums.fixed(sums, suppressed); !fixed.isEmpty();
                fixed = CombinedSums.fixed(sums, suppressed)) {
            ArrayDeque<SumRelation> toCheck = new ArrayDeque<>();
            Set<CountKey> nextToAnExtra = new HashSet<>();
            for (CountKey key : fixed) {
                if (nextToAnExtra.contains(key)) {
                    continue;
                }
                nearestPublished(key, sumsOf, counts, suppressed).ifPresent(extra -> {
                    suppressed.add(extra);
                    List<SumRelation> changed = sumsOf.getOrDefault(extra, List.of());
                    toCheck.addAll(changed);
                    changed.forEach(sum -> members(sum).forEach(nextToAnExtra::add));
                });
            }
            if (toCheck.isEmpty()) {
                throw new IllegalStateException("No count left to protect " + fixed.get(0));
            }
            protectEachSum(toCheck, sumsOf, counts, suppressed);
        }
        new LinkedTableProtection(threshold).protect(counts, constraints(counts, sums), suppressed);
        return suppressed;
    }

    /**
     * What a reader knows ties the counts together: every sum, and the inequalities the definitions imply. In each
     * cell, meetings accepted plus refusals at the offer are at most the offers; meetings held, and the response times
     * to first contact measured, are at most the offers; advocacy taken up, and the response times to the meeting
     * measured, are at most the meetings held.
     */
    static List<Constraint> constraints(Map<CountKey, Integer> counts, List<SumRelation> sums) {
        List<Constraint> constraints = new ArrayList<>();
        sums.forEach(sum -> constraints.add(Constraint.sum(sum.total(), sum.parts())));
        for (CountKey key : counts.keySet()) {
            if (!"take_up".equals(key.measure()) || !"offers".equals(key.statistic())) {
                continue;
            }
            CellKey cell = key.cell();
            CountKey accepted = new CountKey("take_up", "meetings_accepted", null, null, cell);
            CountKey held = new CountKey("take_up", "meetings_held", null, null, cell);
            CountKey refusedAtOffer = new CountKey("refusal_reasons", "count", "offer", MeasureAccumulator.ALL_REASONS,
                    cell);
            List<CountKey> acceptedOrRefused = Stream.of(accepted, refusedAtOffer).filter(counts::containsKey).toList();
            atMost(constraints, counts, acceptedOrRefused, key);
            atMost(constraints, counts, List.of(held), key);
            atMost(constraints, counts, List.of(new CountKey("response_time", "n", null, "referral_to_first_contact",
                    cell)), key);
            atMost(constraints, counts, List.of(new CountKey("take_up", "taken_up", null, null, cell)), held);
            atMost(constraints, counts, List.of(new CountKey("response_time", "n", null, "referral_to_meeting", cell)),
                    held);
        }
        return constraints;
    }

    private static void atMost(List<Constraint> constraints, Map<CountKey, Integer> counts, List<CountKey> parts,
            CountKey bound) {
        if (!parts.isEmpty() && counts.containsKey(bound) && parts.stream().allMatch(counts::containsKey)) {
            constraints.add(Constraint.atMost(parts, bound));
        }
    }

    /** Until no sum to check has exactly one suppressed count, suppresses a complement in each that has. */
    private static void protectEachSum(ArrayDeque<SumRelation> toCheck, Map<CountKey, List<SumRelation>> sumsOf,
            Map<CountKey, Integer> counts, Set<CountKey> suppressed) {
        while (!toCheck.isEmpty()) {
            SumRelation sum = toCheck.poll();
            if (members(sum).filter(suppressed::contains).count() == 1) {
                CountKey complement = complement(sum, counts, suppressed)
                        .orElseThrow(() -> new IllegalStateException("No count left to protect " + sum.total()));
                suppressed.add(complement);
                toCheck.addAll(sumsOf.getOrDefault(complement, List.of()));
            }
        }
    }

    /**
     * For a suppressed count that the sums fix when solved together: the published count to suppress with it, taken
     * from the nearest sum (through suppressed counts) that still has a non-zero published count. Empty when an extra
     * suppression earlier in the same round has already hidden all of them; the next round checks again.
     */
    private static Optional<CountKey> nearestPublished(CountKey fixed, Map<CountKey, List<SumRelation>> sumsOf,
            Map<CountKey, Integer> counts, Set<CountKey> suppressed) {
        ArrayDeque<CountKey> frontier = new ArrayDeque<>(List.of(fixed));
        Set<CountKey> seen = new HashSet<>(frontier);
        while (!frontier.isEmpty()) {
            for (SumRelation sum : sumsOf.getOrDefault(frontier.poll(), List.of())) {
                Optional<CountKey> complement = complement(sum, counts, suppressed);
                if (complement.isPresent()) {
                    return complement;
                }
                members(sum).filter(seen::add).forEach(frontier::add);
            }
        }
        return Optional.empty();
    }

    private static Stream<CountKey> members(SumRelation sum) {
        return Stream.concat(Stream.of(sum.total()), sum.parts().stream());
    }

    /**
     * The count to suppress with the only suppressed one of a sum. Parts come before the total, so that totals stay
     * published where they can; among parts, the smallest non-zero, then the first in table order.
     */
    private static Optional<CountKey> complement(SumRelation sum, Map<CountKey, Integer> counts,
            Set<CountKey> suppressed) {
        Comparator<CountKey> smallestPartFirst = Comparator
                .comparing((CountKey key) -> key.equals(sum.total()))
                .thenComparing(counts::get)
                .thenComparing(Comparator.naturalOrder());
        return members(sum).filter(key -> !suppressed.contains(key) && counts.get(key) > 0).min(smallestPartFirst);
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
