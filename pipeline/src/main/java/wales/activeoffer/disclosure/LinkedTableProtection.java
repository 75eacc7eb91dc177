package wales.activeoffer.disclosure;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wales.activeoffer.aggregate.CountKey;

/**
 * Secondary suppression checked by linear programming, for all published tables together as one linked set. The
 * reader it defends against knows every published count, every sum and inequality that ties counts together, and
 * that a hidden count is at least 1 (zeros are never hidden). For every hidden count it works out, with
 * {@link FeasibleRanges}, the range that reader can pin it to; a range that is a single value, or narrow, needs one
 * more count hidden: the cheapest published, non-zero count that shares a constraint with it (an authority's before a
 * region's, a region's before Wales's, the smallest first). That repeats until every range is wide enough. A group of
 * hidden counts found safe is not solved again while no constraint links a new hidden count to it: its ranges depend
 * only on its own members and published constants.
 *
 * <p>Narrow, for a hidden count of 1 to the threshold: less than 2 wide, or inside [1, threshold] without being the
 * whole of it. For a larger hidden count: less than 3 wide.
 */
public final class LinkedTableProtection {
    private static final Logger log = LoggerFactory.getLogger(LinkedTableProtection.class);
    private static final List<String> LEVELS = List.of("authority", "region", "wales");
    private final int threshold;

    public LinkedTableProtection(int threshold) {
        this.threshold = threshold;
    }

    /**
     * Adds to {@code hidden} the counts to hide with it.
     *
     * @param counts      every published count's true value
     * @param constraints what ties the counts together; those the data does not satisfy are left out
     */
    public void protect(Map<CountKey, Integer> counts, List<Constraint> constraints, Set<CountKey> hidden) {
        List<Constraint> known = constraints.stream().filter(c -> c.holdsFor(counts)).toList();
        Comparator<CountKey> cheapest = Comparator.comparing((CountKey k) -> LEVELS.indexOf(k.cell().geographyLevel()))
                .thenComparing(counts::get).thenComparing(Comparator.naturalOrder());
        Set<CountKey> unprotectable = new HashSet<>();
        Set<Set<CountKey>> verified = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<List<CountKey>, List<Constraint>> group : FeasibleRanges.groups(known, hidden)) {
                Set<CountKey> members = Set.copyOf(group.getKey());
                if (verified.contains(members)) {
                    continue;
                }
                Map<CountKey, FeasibleRanges.Range> ranges = FeasibleRanges.of(group.getKey(), group.getValue(), counts,
                        hidden, 1);
                boolean protectedGroup = true;
                for (CountKey key : group.getKey()) {
                    if (unprotectable.contains(key) || !isExposed(counts.get(key), ranges.get(key))) {
                        continue;
                    }
                    protectedGroup = false;
                    var extra = group.getValue().stream().filter(c -> c.members().contains(key))
                            .flatMap(c -> c.members().stream())
                            .filter(k -> !hidden.contains(k) && counts.getOrDefault(k, 0) > 0)
                            .min(cheapest)
                            .or(() -> group.getValue().stream().flatMap(c -> c.members().stream())
                                    .filter(k -> !hidden.contains(k) && counts.getOrDefault(k, 0) > 0).min(cheapest));
                    if (extra.isPresent()) {
                        hidden.add(extra.get());
                        changed = true;
                    } else {
                        log.warn("No published count is left to hide with {}; the audit will report it", key);
                        unprotectable.add(key);
                    }
                }
                if (protectedGroup) {
                    verified.add(members);
                } else if (changed) {
                    break;
                }
            }
        }
    }

    /** Whether a reader's range for a hidden count is a single value, or narrow. */
    boolean isExposed(int value, FeasibleRanges.Range range) {
        long width = range.width();
        if (value <= threshold) {
            boolean insideSmall = range.low() >= 1 && range.high() <= threshold
                    && !(range.low() == 1 && range.high() == threshold);
            return width < 2 || insideSmall;
        }
        return width < 3;
    }
}
