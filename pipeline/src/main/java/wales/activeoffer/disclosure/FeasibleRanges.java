package wales.activeoffer.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import wales.activeoffer.aggregate.CountKey;

/**
 * The smallest and largest value a reader can give each hidden count, by linear programming (ojAlgo): every hidden
 * count is a variable of at least {@code lowerBound}, every constraint that touches one is kept with the published
 * counts as constants, and each variable is minimised and maximised in turn. Only the constraints of one group of
 * hidden counts linked by constraints are solved together, so each programme stays small. The bounds are rounded
 * inwards, as counts are whole numbers.
 */
final class FeasibleRanges {
    /** A range; {@code high} is {@link Long#MAX_VALUE} when nothing bounds it above. */
    record Range(long low, long high) {
        long width() {
            return high == Long.MAX_VALUE ? Long.MAX_VALUE : high - low;
        }
    }

    private static final double TOLERANCE = 1e-6;

    private FeasibleRanges() {
    }

    /** The range of every hidden count in {@code group}, given the constraints that touch the group. */
    static Map<CountKey, Range> of(List<CountKey> group, List<Constraint> constraints, Map<CountKey, Integer> counts,
            Set<CountKey> hidden, long lowerBound) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<CountKey, Variable> variables = new LinkedHashMap<>();
        for (CountKey key : group) {
            variables.put(key, model.addVariable(key.toString()).lower(lowerBound));
        }
        int n = 0;
        for (Constraint constraint : constraints) {
            Expression expression = model.addExpression("c" + n++);
            double constant = 0;
            for (CountKey key : constraint.plus()) {
                constant += term(expression, variables, key, 1, counts, hidden);
            }
            for (CountKey key : constraint.minus()) {
                constant += term(expression, variables, key, -1, counts, hidden);
            }
            if (constraint.equality()) {
                expression.level(-constant);
            } else {
                expression.upper(-constant);
            }
        }
        Map<CountKey, Range> ranges = new HashMap<>();
        for (Map.Entry<CountKey, Variable> target : variables.entrySet()) {
            variables.values().forEach(v -> v.weight(0));
            target.getValue().weight(1);
            Optimisation.Result low = model.minimise();
            Optimisation.Result high = model.maximise();
            long lo = low.getState().isFeasible() ? (long) Math.ceil(low.getValue() - TOLERANCE) : lowerBound;
            long hi = high.getState() == Optimisation.State.UNBOUNDED || !high.getState().isFeasible()
                    ? Long.MAX_VALUE : (long) Math.floor(high.getValue() + TOLERANCE);
            ranges.put(target.getKey(), new Range(lo, hi));
        }
        return ranges;
    }

    /** Adds a hidden count to the expression, or returns a published one's contribution to the constant side. */
    private static double term(Expression expression, Map<CountKey, Variable> variables, CountKey key, int sign,
            Map<CountKey, Integer> counts, Set<CountKey> hidden) {
        if (hidden.contains(key)) {
            Variable variable = variables.get(key);
            if (variable == null) {
                throw new IllegalStateException(key + " is hidden but not in its group");
            }
            expression.set(variable, sign);
            return 0;
        }
        return sign * (double) counts.getOrDefault(key, 0);
    }

    /** The groups of hidden counts that some constraint links, each with the constraints that touch it. */
    static List<Map.Entry<List<CountKey>, List<Constraint>>> groups(List<Constraint> constraints,
            Set<CountKey> hidden) {
        Map<CountKey, CountKey> parent = new HashMap<>();
        hidden.forEach(k -> parent.put(k, k));
        for (Constraint constraint : constraints) {
            CountKey first = null;
            for (CountKey key : constraint.members()) {
                if (!hidden.contains(key)) {
                    continue;
                }
                if (first == null) {
                    first = key;
                } else {
                    parent.put(root(parent, key), root(parent, first));
                }
            }
        }
        Map<CountKey, List<CountKey>> members = new LinkedHashMap<>();
        hidden.stream().sorted().forEach(k -> members.computeIfAbsent(root(parent, k), r -> new ArrayList<>()).add(k));
        Map<CountKey, List<Constraint>> touching = new HashMap<>();
        for (Constraint constraint : constraints) {
            constraint.members().stream().filter(hidden::contains).findFirst().ifPresent(
                    k -> touching.computeIfAbsent(root(parent, k), r -> new ArrayList<>()).add(constraint));
        }
        List<Map.Entry<List<CountKey>, List<Constraint>>> groups = new ArrayList<>();
        members.forEach((root, keys) -> groups.add(Map.entry(keys, touching.getOrDefault(root, List.of()))));
        return groups;
    }

    private static CountKey root(Map<CountKey, CountKey> parent, CountKey key) {
        CountKey root = key;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(key, root);
        return root;
    }
}
