package wales.activeoffer.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.function.BiFunction;

/**
 * An attacker's view of a published aggregates table, written without the pipeline's suppression code: it knows only
 * the published rows, the measure definitions of {@code docs/measures.md} and which region each authority was in.
 *
 * <p>It lists every sum a reader can write down from those definitions (routes add up to all routes, authorities to
 * their region, regions to Wales, quarters to their financial year, reasons to their stage's total, referral sources to
 * offers, within and beyond the target to the response times measured, advocacy taken up and refusals at the meeting to
 * meetings held), then repeatedly solves any sum with a single
 * unknown, as a reader with a spreadsheet would. Every suppressed count it can work out this way is a disclosure.
 */
public final class DisclosureAudit {
    private static final Set<String> COUNTS = Set.of("take_up/offers", "take_up/meetings_accepted",
            "take_up/meetings_held", "take_up/taken_up", "refusal_reasons/count", "referral_sources/count",
            "response_time/n", "response_time/within_target", "response_time/beyond_target");
    /** Each figure built on counts, with how to name its numerator and denominator (or its n). */
    private static final Map<String, List<String[]>> BASIS = Map.of(
            "take_up/take_up_rate", List.of(new String[] {"take_up", "taken_up", "", ""},
                    new String[] {"take_up", "meetings_held", "", ""}),
            "take_up/conversion_rate", List.of(new String[] {"take_up", "taken_up", "", ""},
                    new String[] {"take_up", "offers", "", ""}),
            "refusal_reasons/share", List.of(new String[] {"refusal_reasons", "count", null, null},
                    new String[] {"refusal_reasons", "count", null, "all"}),
            "referral_sources/share", List.of(new String[] {"referral_sources", "count", null, null},
                    new String[] {"take_up", "offers", "", ""}),
            "response_time/share_within_target", List.of(new String[] {"response_time", "within_target", null, null},
                    new String[] {"response_time", "n", null, null}),
            "response_time/median_working_days", List.<String[]>of(new String[] {"response_time", "n", null, null}),
            "response_time/p90_working_days", List.<String[]>of(new String[] {"response_time", "n", null, null}));

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

    /** What a reader can find out that was meant to be hidden, and the sums that do not add up; empty if none. */
    public record Findings(List<String> disclosures, List<String> inconsistencies, int suppressedCounts, int sums) {
    }

    /** @param rows the published rows, by the column names of {@code aggregates.csv} */
    public Findings audit(List<Map<String, String>> rows) {
        Map<Key, Map<String, String>> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.put(Key.of(row), row));
        List<String> disclosures = new ArrayList<>();
        Map<Key, Long> known = new HashMap<>();
        List<Key> hidden = new ArrayList<>();
        byKey.forEach((key, row) -> {
            String series = key.measure() + "/" + key.statistic();
            if (COUNTS.contains(series)) {
                if (row.get("value").isEmpty()) {
                    hidden.add(key);
                } else {
                    long n = Long.parseLong(row.get("value"));
                    known.put(key, n);
                    if (n >= 1 && n <= threshold) {
                        disclosures.add("small count published: " + key + " = " + n);
                    }
                }
            } else if (!row.get("value").isEmpty()) {
                for (String[] basis : BASIS.get(series)) {
                    Key count = key.named(basis);
                    Map<String, String> countRow = byKey.get(count);
                    if (countRow == null || countRow.get("value").isEmpty()) {
                        disclosures.add("figure published on a suppressed count: " + key + " built on " + count);
                    }
                }
            }
        });
        Map<Key, List<Key>> sums = sums(byKey.keySet().stream().filter(k -> COUNTS.contains(k.measure() + "/"
                + k.statistic())).toList(), families(byKey.keySet()));
        sums.keySet().stream().map(Key::parent).filter(total -> !byKey.containsKey(total))
                .forEach(absentTotal -> known.put(absentTotal, 0L));
        boolean solvedOne = true;
        while (solvedOne) {
            solvedOne = false;
            for (Map.Entry<Key, List<Key>> sum : sums.entrySet()) {
                Key total = sum.getKey().parent();
                List<Key> unknown = new ArrayList<>(sum.getValue());
                unknown.add(total);
                unknown.removeIf(known::containsKey);
                if (unknown.size() == 1) {
                    Key solved = unknown.get(0);
                    long partsKnown = sum.getValue().stream().filter(known::containsKey).mapToLong(known::get).sum();
                    long value = solved.equals(total) ? partsKnown : known.get(total) - partsKnown;
                    known.put(solved, value);
                    disclosures.add("worked back " + solved + " = " + value + " from the sum " + total + " = "
                            + sum.getValue());
                    solvedOne = true;
                }
            }
        }
        List<String> inconsistencies = new ArrayList<>();
        sums.forEach((sum, parts) -> {
            if (known.containsKey(sum.parent()) && parts.stream().allMatch(known::containsKey)) {
                long added = parts.stream().mapToLong(known::get).sum();
                if (added != known.get(sum.parent())) {
                    inconsistencies.add(sum.parent() + " = " + known.get(sum.parent()) + " but its parts " + parts
                            + " add up to " + added);
                }
            }
        });
        return new Findings(disclosures, inconsistencies, hidden.size(), sums.size());
    }

    /**
     * A stronger reader: one who solves all the sums together, as one system of linear equations, not one at a time.
     * Returns the suppressed counts whose value that system fixes.
     */
    public List<String> fixedBySolvingAllSums(List<Map<String, String>> rows) {
        Map<Key, Map<String, String>> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.put(Key.of(row), row));
        List<Key> counts = byKey.keySet().stream().filter(k -> COUNTS.contains(k.measure() + "/" + k.statistic()))
                .toList();
        List<Key> hidden = counts.stream().filter(k -> byKey.get(k).get("value").isEmpty()).toList();
        Map<Key, Integer> unknown = new HashMap<>();
        hidden.forEach(k -> unknown.put(k, unknown.size()));
        LinearSystem system = new LinearSystem();
        sums(counts, families(byKey.keySet())).forEach((sum, parts) -> system.equation(
                parts.stream().filter(unknown::containsKey).map(unknown::get).toList(),
                unknown.containsKey(sum.parent()) ? List.of(unknown.get(sum.parent())) : List.of()));
        return system.fixedUnknowns().stream().map(i -> hidden.get(i).toString()).sorted().toList();
    }

    /**
     * The strongest reader: one who writes every hidden count as an unknown of at least 1 (the docs say a hidden count
     * is never zero), every sum as an equation and every inequality the definitions imply as an inequality, adds what
     * a published median or 90th percentile says beside its n, and solves for each hidden count's smallest and largest
     * possible value by linear programming (ojAlgo), as tau-ARGUS and sdcTable audit. Returns each hidden count whose
     * range is a single value or narrow, judged against its true value: for 1 to the threshold, narrow is less than 2
     * wide, or inside [1, threshold] without being all of it; for more, less than 3 wide.
     *
     * @param truth        the true value of every hidden count (from the protected store), to judge narrowness by
     * @param targetDays   the response-time target, which medians and percentiles are compared with
     */
    public List<String> exposedByLinearProgramming(List<Map<String, String>> rows, Map<String, Long> truth,
            int targetDays) {
        Map<Key, Map<String, String>> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.put(Key.of(row), row));
        List<Key> counts = byKey.keySet().stream().filter(k -> COUNTS.contains(k.measure() + "/" + k.statistic()))
                .toList();
        Set<Key> hidden = new java.util.LinkedHashSet<>(counts.stream().filter(k -> byKey.get(k).get("value").isEmpty())
                .toList());
        List<Inequality> known = new ArrayList<>();
        sums(counts, families(byKey.keySet())).forEach((sum, parts) -> known.add(new Inequality(parts,
                List.of(sum.parent()), 0, true)));
        for (Key k : counts) {
            if (!k.measure().equals("take_up") || !k.statistic().equals("offers")) {
                continue;
            }
            Key accepted = k.named(new String[] {"take_up", "meetings_accepted", "", ""});
            Key held = k.named(new String[] {"take_up", "meetings_held", "", ""});
            Key refusedAtOffer = k.named(new String[] {"refusal_reasons", "count", "offer", "all"});
            known.add(new Inequality(byKey.containsKey(refusedAtOffer) ? List.of(accepted, refusedAtOffer)
                    : List.of(accepted), List.of(k), 0, false));
            known.add(new Inequality(List.of(held), List.of(k), 0, false));
            known.add(new Inequality(List.of(k.named(new String[] {"response_time", "n", "", "referral_to_first_contact"})),
                    List.of(k), 0, false));
            known.add(new Inequality(List.of(k.named(new String[] {"take_up", "taken_up", "", ""})), List.of(held), 0,
                    false));
            known.add(new Inequality(List.of(k.named(new String[] {"response_time", "n", "", "referral_to_meeting"})),
                    List.of(held), 0, false));
        }
        byKey.forEach((key, row) -> {
            boolean median = key.statistic().equals("median_working_days");
            if ((!median && !key.statistic().equals("p90_working_days")) || row.get("value").isEmpty()) {
                return;
            }
            Key n = key.named(new String[] {"response_time", "n", null, null});
            Key within = key.named(new String[] {"response_time", "within_target", null, null});
            if (!byKey.containsKey(n) || byKey.get(n).get("value").isEmpty()) {
                return;
            }
            long size = Math.round(Double.parseDouble(byKey.get(n).get("value")));
            long rank = median ? (size + 1) / 2 : (9 * size + 9) / 10;
            if (Double.parseDouble(row.get("value")) <= targetDays) {
                known.add(new Inequality(List.of(), List.of(within), -rank, false));
            } else {
                known.add(new Inequality(List.of(within), List.of(), rank - 1, false));
            }
        });
        List<String> exposed = new ArrayList<>();
        for (List<Key> group : linked(known, hidden)) {
            Set<Key> members = new java.util.HashSet<>(group);
            List<Inequality> touching = known.stream().filter(i -> i.keys().anyMatch(members::contains)).toList();
            for (Key key : group) {
                long[] range = range(key, group, touching, byKey);
                Long value = truth.get(key.toString());
                if (value == null) {
                    throw new IllegalArgumentException("no true value for " + key);
                }
                long width = range[1] == Long.MAX_VALUE ? Long.MAX_VALUE : range[1] - range[0];
                boolean narrow = value <= threshold
                        ? width < 2 || (range[1] <= threshold && !(range[0] == 1 && range[1] == threshold))
                        : width < 3;
                if (narrow) {
                    exposed.add((width == 0 ? "exact " : "narrow ") + key + " = " + value + " in ["
                            + range[0] + ", " + (range[1] == Long.MAX_VALUE ? "inf" : range[1]) + "]");
                }
            }
        }
        return exposed;
    }

    /** How {@link #exposedByLinearProgramming} names a published row, for the map of true values. */
    public static String nameOf(Map<String, String> row) {
        return Key.of(row).toString();
    }

    /** {@code sum(plus) - sum(minus) <= constant}, or {@code = constant}. */
    private record Inequality(List<Key> plus, List<Key> minus, long constant, boolean equality) {
        Stream<Key> keys() {
            return Stream.concat(plus.stream(), minus.stream());
        }
    }

    private static List<List<Key>> linked(List<Inequality> known, Set<Key> hidden) {
        Map<Key, Set<Key>> neighbours = new HashMap<>();
        for (Inequality inequality : known) {
            List<Key> inIt = inequality.keys().filter(hidden::contains).toList();
            for (Key a : inIt) {
                neighbours.computeIfAbsent(a, x -> new java.util.HashSet<>()).addAll(inIt);
            }
        }
        List<List<Key>> groups = new ArrayList<>();
        Set<Key> seen = new java.util.HashSet<>();
        for (Key start : hidden) {
            if (!seen.add(start)) {
                continue;
            }
            List<Key> group = new ArrayList<>(List.of(start));
            for (int i = 0; i < group.size(); i++) {
                for (Key next : neighbours.getOrDefault(group.get(i), Set.of())) {
                    if (seen.add(next)) {
                        group.add(next);
                    }
                }
            }
            groups.add(group);
        }
        return groups;
    }

    /** The smallest and largest value of {@code target}, rounded inwards; the largest is MAX_VALUE if unbounded. */
    private static long[] range(Key target, List<Key> group, List<Inequality> touching,
            Map<Key, Map<String, String>> byKey) {
        long[] range = new long[2];
        for (int side = 0; side < 2; side++) {
            org.ojalgo.optimisation.ExpressionsBasedModel model = new org.ojalgo.optimisation.ExpressionsBasedModel();
            Map<Key, org.ojalgo.optimisation.Variable> unknowns = new HashMap<>();
            for (Key key : group) {
                unknowns.put(key, model.addVariable(key.toString()).lower(1).weight(key.equals(target) ? 1 : 0));
            }
            int n = 0;
            for (Inequality inequality : touching) {
                org.ojalgo.optimisation.Expression row = model.addExpression("r" + n++);
                double bound = inequality.constant();
                for (Key key : inequality.plus()) {
                    bound -= add(row, unknowns, key, 1, byKey);
                }
                for (Key key : inequality.minus()) {
                    bound -= add(row, unknowns, key, -1, byKey);
                }
                if (inequality.equality()) {
                    row.level(bound);
                } else {
                    row.upper(bound);
                }
            }
            var result = side == 0 ? model.minimise() : model.maximise();
            if (side == 1 && (result.getState() == org.ojalgo.optimisation.Optimisation.State.UNBOUNDED
                    || !result.getState().isFeasible())) {
                range[1] = Long.MAX_VALUE;
            } else {
                range[side] = side == 0 ? (long) Math.ceil(result.getValue() - 1e-6)
                        : (long) Math.floor(result.getValue() + 1e-6);
            }
        }
        return range;
    }

    /** An unknown's coefficient, or a published count's value (0 if not published) to move to the other side. */
    private static double add(org.ojalgo.optimisation.Expression row, Map<Key, org.ojalgo.optimisation.Variable> unknowns,
            Key key, int sign, Map<Key, Map<String, String>> byKey) {
        if (unknowns.containsKey(key)) {
            row.set(unknowns.get(key), sign);
            return 0;
        }
        Map<String, String> published = byKey.get(key);
        return published == null || published.get("value").isEmpty() ? 0
                : sign * Double.parseDouble(published.get("value"));
    }

    /**
     * The kinds of table published: a measure at a geography level, for a kind of period, for all routes or by route.
     * A sum is only known to a reader where all its kinds of part are published.
     */
    private static Set<String> families(Set<Key> keys) {
        Set<String> families = new java.util.HashSet<>();
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
