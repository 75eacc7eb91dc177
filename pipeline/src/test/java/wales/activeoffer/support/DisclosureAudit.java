package wales.activeoffer.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.function.ToLongFunction;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * An attacker's view of the published aggregates tables, written without the pipeline's protection code: it knows only
 * the published rows, the measure definitions of {@code docs/measures.md}, how {@code docs/publication.md} says the
 * counts are perturbed, and which region each authority was in.
 *
 * <p>It lists every sum a reader can write down from those definitions (routes add up to all routes, authorities to
 * their region, regions to Wales, quarters to their financial year, reasons to their stage's total, referral sources to
 * offers, within and beyond the target to the response times measured, advocacy taken up and refusals at the meeting to
 * meetings held) and every inequality they imply, and solves by linear programming (ojAlgo) what they leave of each
 * count, and of each change between releases.
 */
public final class DisclosureAudit {
    private static final Set<String> COUNTS = Set.of("take_up/offers", "take_up/meetings_accepted",
            "take_up/meetings_held", "take_up/taken_up", "refusal_reasons/count", "referral_sources/count",
            "response_time/n", "response_time/within_target", "response_time/beyond_target");
    /** Counts up to this (and every [c]) are judged as a hidden count would be; larger ones move by too much to pin. */
    private static final int SMALL = 10;
    private final int threshold;
    private final BiFunction<String, String, String> regionOfAuthorityInPeriod;

    /**
     * @param regionOfAuthorityInPeriod the region code of an authority code in a period ({@code 2024-25} or
     *                                  {@code 2024-25 Q1})
     */
    public DisclosureAudit(int threshold, BiFunction<String, String, String> regionOfAuthorityInPeriod) {
        this.threshold = threshold;
        this.regionOfAuthorityInPeriod = regionOfAuthorityInPeriod;
    }

    /**
     * What a reader of a perturbed release knows of one release: its published rows, and for each published count the
     * most its true value can differ from it (the docs: the perturbation table's most, times the number of
     * authorities' quarters and routes the count adds up; 0 for exact figures).
     */
    public record Published(List<Map<String, String>> rows, ToLongFunction<Map<String, String>> noise) {
    }

    /**
     * The reader of every public release, written from {@code docs/publication.md} alone: one who keeps all the
     * earlier releases and subtracts. Every count of every release is an unknown: at least 0 (at least 1 where it is
     * [c], which stands for a published 3 or 4), within its noise of what was published, tied by every sum and
     * inequality of the definitions within its release. Between two releases in a row, a count whose place and period
     * hold no authority quarter that a new or replaced submission covers (which the manifests say) is the same in
     * both; where the only change is records added (a late return), a count can only grow, and where it is records
     * withdrawn, only fall.
     * For each count of the changed places, the least and greatest difference is found by linear programming (ojAlgo),
     * and judged against the true difference as the single-release audit judges a hidden count: exact if both are
     * equal; for a difference of 1 to 4 (or -1 to -4), narrow if less than 2 wide or inside [1, 4] without being all
     * of it; for 5 or more, narrow if less than 3 wide. The latest release's counts with a true value up to 10,
     * and its [c], are judged too, as hidden counts, against everything published in all the releases.
     *
     * @param releases      the releases, oldest first
     * @param truths        each release's true figures, named by {@link #nameOf}
     * @param changed       whether a row's place and period hold an authority quarter changed since the release before
     * @param direction     for each release after the first: 1 when the change was records added only (a late
     *                      return), -1 when records withdrawn only, 0 when either
     * @return each exposed difference or count, described
     */
    public List<String> exposedAcrossReleases(List<Published> releases, List<Map<String, Long>> truths,
            List<Predicate<Map<String, String>>> changed, List<Integer> direction) {
        // no sum, inequality or link ties one financial year's counts to another's, so each year is its own programme
        Map<String, List<Map<Key, Map<String, String>>>> byYear = new LinkedHashMap<>();
        for (int r = 0; r < releases.size(); r++) {
            for (Map<String, String> row : releases.get(r).rows()) {
                if (!COUNTS.contains(row.get("measure") + "/" + row.get("statistic"))) {
                    continue;
                }
                List<Map<Key, Map<String, String>>> years = byYear.computeIfAbsent(row.get("period").split(" ")[0],
                        y -> new ArrayList<>());
                while (years.size() < releases.size()) {
                    years.add(new LinkedHashMap<>());
                }
                years.get(r).put(Key.of(row), row);
            }
        }
        List<Set<String>> families = releases.stream().map(release -> families(release.rows().stream()
                .filter(row -> COUNTS.contains(row.get("measure") + "/" + row.get("statistic"))).map(Key::of)
                .collect(Collectors.toSet()))).toList();
        List<String> exposed = new ArrayList<>();
        byYear.values().forEach(byKey -> exposed.addAll(exposed(releases, byKey, families, truths, changed,
                direction)));
        return exposed;
    }

    private List<String> exposed(List<Published> releases, List<Map<Key, Map<String, String>>> byKey,
            List<Set<String>> families, List<Map<String, Long>> truths, List<Predicate<Map<String, String>>> changed,
            List<Integer> direction) {
        Model model = model(releases, byKey, families, changed, direction);
        List<String> exposed = new ArrayList<>();
        int last = releases.size() - 1;
        for (Key key : byKey.get(last).keySet()) {
            long truth = truthOf(truths.get(last), key);
            if (truth > SMALL && !byKey.get(last).get(key).get("value").isEmpty()) {
                continue;
            }
            long[] range = model.range(last, key, last, null);
            if (narrowCount(truth, range)) {
                exposed.add((range[0] == range[1] ? "exact " : "narrow ") + key + " in release " + (last + 1)
                        + " = " + truth + " in [" + range[0] + ", " + range[1] + "]");
            }
        }
        for (int r = 1; r < releases.size(); r++) {
            Set<Key> union = new LinkedHashSet<>(byKey.get(r - 1).keySet());
            union.addAll(byKey.get(r).keySet());
            for (Key key : union) {
                Map<String, String> row = byKey.get(r).getOrDefault(key, byKey.get(r - 1).get(key));
                if (!changed.get(r).test(row)) {
                    continue;
                }
                long difference = truthOf(truths.get(r), key) - truthOf(truths.get(r - 1), key);
                long[] range = model.range(r, byKey.get(r).containsKey(key) ? key : null, r - 1,
                        byKey.get(r - 1).containsKey(key) ? key : null);
                if (narrowDifference(difference, range)) {
                    exposed.add((range[0] == range[1] ? "exact " : "narrow ") + "difference of " + key
                            + " from release " + r + " to " + (r + 1) + " = " + difference + " in [" + range[0] + ", "
                            + range[1] + "]");
                }
            }
        }
        return exposed;
    }

    private static long truthOf(Map<String, Long> truth, Key key) {
        return truth.getOrDefault(key.toString(), 0L);
    }

    private boolean narrowCount(long value, long[] range) {
        long width = range[1] == Long.MAX_VALUE ? Long.MAX_VALUE : range[1] - range[0];
        if (value == 0) {
            return width == 0;
        }
        return value <= threshold ? width < 2 || (range[0] >= 1 && range[1] <= threshold
                && !(range[0] == 1 && range[1] == threshold)) : width < 3;
    }

    private static boolean narrowDifference(long difference, long[] range) {
        long width = range[1] == Long.MAX_VALUE || range[0] == Long.MIN_VALUE ? Long.MAX_VALUE : range[1] - range[0];
        long size = Math.abs(difference);
        if (size == 0) {
            return width == 0;
        }
        if (size <= 4) {
            long low = difference > 0 ? range[0] : -range[1];
            long high = difference > 0 ? range[1] : -range[0];
            return width < 2 || (low >= 1 && high <= 4 && !(low == 1 && high == 4));
        }
        return width < 3;
    }

    /** Everything the reader knows of all the releases, as one linear programme; each count an unknown. */
    private record Model(ExpressionsBasedModel model,
            List<Map<Key, Variable>> unknowns) {

        /** The least and greatest value of one release's count less another's (either may be absent). */
        long[] range(int plusRelease, Key plus, int minusRelease, Key minus) {
            var up = plus == null ? null : unknowns.get(plusRelease).get(plus);
            var down = minus == null ? null : unknowns.get(minusRelease).get(minus);
            long[] range = new long[2];
            for (int side = 0; side < 2; side++) {
                if (up != null) {
                    up.weight(1);
                }
                if (down != null) {
                    down.weight(-1);
                }
                var result = side == 0 ? model.minimise() : model.maximise();
                if (up != null) {
                    up.weight(0);
                }
                if (down != null) {
                    down.weight(0);
                }
                if (result.getState() == Optimisation.State.UNBOUNDED
                        || !result.getState().isFeasible()) {
                    range[side] = side == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
                } else {
                    range[side] = side == 0 ? (long) Math.ceil(result.getValue() - 1e-6)
                            : (long) Math.floor(result.getValue() + 1e-6);
                }
            }
            return range;
        }
    }

    private Model model(List<Published> releases, List<Map<Key, Map<String, String>>> byKey,
            List<Set<String>> families, List<Predicate<Map<String, String>>> changed, List<Integer> direction) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        List<Map<Key, Variable>> unknowns = new ArrayList<>();
        for (int r = 0; r < releases.size(); r++) {
            Map<Key, Variable> these = new HashMap<>();
            for (Map.Entry<Key, Map<String, String>> entry : byKey.get(r).entrySet()) {
                Map<String, String> row = entry.getValue();
                long noise = releases.get(r).noise().applyAsLong(row);
                long low;
                long high;
                if (row.get("value").isEmpty()) {
                    low = Math.max(1, (noise == 0 ? 1 : 3) - noise);
                    high = (noise == 0 ? threshold : 4) + noise;
                } else {
                    long value = Math.round(Double.parseDouble(row.get("value")));
                    low = Math.max(0, value - noise);
                    high = value + noise;
                }
                these.put(entry.getKey(), model.addVariable("r" + r + " " + entry.getKey()).lower(low).upper(high)
                        .weight(0));
            }
            unknowns.add(these);
            List<Key> counts = new ArrayList<>(byKey.get(r).keySet());
            int n = 0;
            for (Map.Entry<Key, List<Key>> sum : sums(counts, families.get(r)).entrySet()) {
                var expression = model.addExpression("s" + r + "-" + n++).level(0);
                sum.getValue().forEach(part -> expression.set(these.get(part), 1));
                if (these.containsKey(sum.getKey().parent())) {
                    expression.set(these.get(sum.getKey().parent()), -1);
                }
            }
            for (Key k : counts) {
                if (!k.measure().equals("take_up") || !k.statistic().equals("offers")) {
                    continue;
                }
                Key held = k.named(new String[] {"take_up", "meetings_held", "", ""});
                atMost(model, these, List.of(k.named(new String[] {"take_up", "meetings_accepted", "", ""}),
                        k.named(new String[] {"refusal_reasons", "count", "offer", "all"})), k);
                atMost(model, these, List.of(held), k);
                atMost(model, these, List.of(k.named(new String[] {"response_time", "n", "",
                        "referral_to_first_contact"})), k);
                atMost(model, these, List.of(k.named(new String[] {"take_up", "taken_up", "", ""})), held);
                atMost(model, these, List.of(k.named(new String[] {"response_time", "n", "",
                        "referral_to_meeting"})), held);
            }
            if (r == 0) {
                continue;
            }
            Map<Key, Variable> before = unknowns.get(r - 1);
            Set<Key> union = new HashSet<>(before.keySet());
            union.addAll(these.keySet());
            for (Key key : union) {
                Map<String, String> row = byKey.get(r).getOrDefault(key, byKey.get(r - 1).get(key));
                boolean same = !changed.get(r).test(row);
                if (!same && direction.get(r) == 0) {
                    continue;
                }
                var link = model.addExpression("l" + r + " " + key);
                if (these.containsKey(key)) {
                    link.set(these.get(key), 1);
                }
                if (before.containsKey(key)) {
                    link.set(before.get(key), -1);
                }
                if (same) {
                    link.level(0);
                } else if (direction.get(r) > 0) {
                    link.lower(0);
                } else {
                    link.upper(0);
                }
            }
        }
        return new Model(model, unknowns);
    }

    /** {@code sum(parts) <= bound}, for the parts and bound this release publishes. */
    private static void atMost(ExpressionsBasedModel model,
            Map<Key, Variable> unknowns, List<Key> parts, Key bound) {
        List<Key> present = parts.stream().filter(unknowns::containsKey).toList();
        if (present.isEmpty() || !unknowns.containsKey(bound)) {
            return;
        }
        var expression = model.addExpression("le " + bound + " " + present).upper(0);
        present.forEach(part -> expression.set(unknowns.get(part), 1));
        expression.set(unknowns.get(bound), -1);
    }

    /** How {@link #exposedByLinearProgramming} names a published row, for the map of true values. */
    public static String nameOf(Map<String, String> row) {
        return Key.of(row).toString();
    }

    /**
     * The kinds of table published: a measure at a geography level, for a kind of period, for all routes or by route.
     * A sum is only known to a reader where all its kinds of part are published.
     */
    private static Set<String> families(Set<Key> keys) {
        Set<String> families = new HashSet<>();
        keys.forEach(k -> families.add(family(k.measure(), k)));
        return families;
    }

    private static String family(String measure, Key k) {
        return measure + "|" + k.level() + "|" + k.periodType() + "|" + k.route().equals("all");
    }

    /**
     * Every sum, keyed by a key whose {@link Key#parent()} is the total. Where a kind of part is published, a part that
     * is not published is zero, so only the published parts are listed.
     */
    private Map<Key, List<Key>> sums(List<Key> counts, Set<String> families) {
        Map<Key, List<Key>> sums = new LinkedHashMap<>();
        for (Key count : counts) {
            for (Key total : totalsOf(count, families)) {
                sums.computeIfAbsent(total, t -> new ArrayList<>()).add(count);
            }
        }
        return sums;
    }

    private List<Key> totalsOf(Key k, Set<String> families) {
        List<Key> totals = new ArrayList<>();
        if (!k.route().equals("all")) {
            totals.add(new Key("route", k.with(k.measure(), k.statistic(), k.stage(), k.category(), k.level(),
                    k.code(), k.periodType(), k.period(), "all")));
        }
        if (k.level().equals("authority")) {
            totals.add(new Key("geography", k.with(k.measure(), k.statistic(), k.stage(), k.category(), "region",
                    regionOfAuthorityInPeriod.apply(k.code(), k.period()), k.periodType(), k.period(), k.route())));
        } else if (k.level().equals("region")) {
            totals.add(new Key("geography", k.with(k.measure(), k.statistic(), k.stage(), k.category(), "wales",
                    "W92000004", k.periodType(), k.period(), k.route())));
        }
        if (k.periodType().equals("quarter")) {
            totals.add(new Key("period", k.with(k.measure(), k.statistic(), k.stage(), k.category(), k.level(),
                    k.code(), "financial_year", k.period().split(" ")[0], k.route())));
        }
        Key meetingsHeld = k.named(new String[] {"take_up", "meetings_held", "", ""});
        switch (k.measure() + "/" + k.statistic()) {
            case "take_up/taken_up" -> {
                if (families.contains(family("refusal_reasons", k))) {
                    totals.add(new Key("meeting", meetingsHeld));
                }
            }
            case "refusal_reasons/count" -> {
                if (!k.category().equals("all")) {
                    totals.add(new Key("reason", k.named(new String[] {"refusal_reasons", "count", null, "all"})));
                } else if (k.stage().equals("meeting")) {
                    totals.add(new Key("meeting", meetingsHeld));
                }
            }
            case "referral_sources/count" -> totals.add(new Key("source",
                    k.named(new String[] {"take_up", "offers", "", ""})));
            case "response_time/within_target", "response_time/beyond_target" -> totals.add(new Key("target",
                    k.named(new String[] {"response_time", "n", null, null})));
            default -> {
            }
        }
        return totals;
    }

    /**
     * A published row's identity; a sum's identity is a key whose {@code measure} is the way of breaking down (route,
     * geography, ...) and whose {@code parent} is the total.
     */
    record Key(String measure, String statistic, String stage, String category, String level, String code,
            String periodType, String period, String route, Key parent) {
        Key(String dimension, Key total) {
            this(dimension, "", "", "", "", "", "", "", "", total);
        }

        static Key of(Map<String, String> row) {
            return new Key(row.get("measure"), row.get("statistic"), row.get("stage"), row.get("category"),
                    row.get("geography_level"), row.get("geography_code"), row.get("period_type"), row.get("period"),
                    row.get("eligibility_route"), null);
        }

        Key with(String measure, String statistic, String stage, String category, String level, String code,
                String periodType, String period, String route) {
            return new Key(measure, statistic, stage, category, level, code, periodType, period, route, null);
        }

        /** The same cell with measure, statistic, stage and category replaced where {@code name} gives them. */
        Key named(String[] name) {
            return with(name[0], name[1], Objects.requireNonNullElse(name[2], stage),
                    Objects.requireNonNullElse(name[3], category), level, code, periodType, period, route);
        }

        @Override
        public String toString() {
            return parent != null ? parent.toString() : String.join("/", measure, statistic, stage, category) + " "
                    + code + " " + period + " " + route;
        }
    }
}
