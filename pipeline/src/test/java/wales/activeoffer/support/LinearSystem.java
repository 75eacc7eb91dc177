package wales.activeoffer.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Test-side linear algebra for the audit: which unknowns a set of equations with coefficients 1 and -1 fixes. Written
 * apart from the pipeline's own check, working over the prime field GF(2^61 - 1) with each row kept as a sorted map.
 */
final class LinearSystem {
    private static final long P = (1L << 61) - 1;
    private final List<SortedMap<Integer, Long>> equations = new ArrayList<>();

    /** Adds the equation sum(plus) - sum(minus) = a known value (the value does not matter to what is fixed). */
    void equation(List<Integer> plus, List<Integer> minus) {
        SortedMap<Integer, Long> row = new TreeMap<>();
        plus.forEach(c -> row.merge(c, 1L, LinearSystem::addMod));
        minus.forEach(c -> row.merge(c, P - 1, LinearSystem::addMod));
        row.values().removeIf(v -> v == 0);
        if (!row.isEmpty()) {
            equations.add(row);
        }
    }

    /** The unknowns whose value the equations fix. */
    List<Integer> fixedUnknowns() {
        Map<Integer, SortedMap<Integer, Long>> pivots = new HashMap<>();
        List<SortedMap<Integer, Long>> ordered = new ArrayList<>(equations);
        ordered.sort(java.util.Comparator.comparingInt(Map::size));
        for (SortedMap<Integer, Long> equation : ordered) {
            SortedMap<Integer, Long> row = new TreeMap<>(equation);
            while (!row.isEmpty() && pivots.containsKey(row.firstKey())) {
                int lead = row.firstKey();
                axpy(row, pivots.get(lead), P - row.get(lead));
            }
            if (!row.isEmpty()) {
                long inverse = power(row.get(row.firstKey()), P - 2);
                row.replaceAll((c, v) -> mulMod(v, inverse));
                pivots.put(row.firstKey(), row);
            }
        }
        List<Integer> leads = new ArrayList<>(pivots.keySet());
        leads.sort(java.util.Comparator.reverseOrder());
        List<Integer> fixed = new ArrayList<>();
        for (int lead : leads) {
            SortedMap<Integer, Long> row = pivots.get(lead);
            for (int c : new ArrayList<>(row.keySet())) {
                if (c != lead && pivots.containsKey(c) && row.containsKey(c)) {
                    axpy(row, pivots.get(c), P - row.get(c));
                }
            }
            if (row.size() == 1) {
                fixed.add(lead);
            }
        }
        return fixed;
    }

    /** row += factor * other. */
    private static void axpy(SortedMap<Integer, Long> row, SortedMap<Integer, Long> other, long factor) {
        other.forEach((c, v) -> {
            long sum = addMod(row.getOrDefault(c, 0L), mulMod(factor, v));
            if (sum == 0) {
                row.remove(c);
            } else {
                row.put(c, sum);
            }
        });
    }

    private static long addMod(long a, long b) {
        long sum = a + b;
        return sum >= P ? sum - P : sum;
    }

    /** a * b mod 2^61 - 1, folding the 122-bit product on the Mersenne prime. */
    private static long mulMod(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        long folded = ((high << 3) | (low >>> 61)) + (low & P);
        folded = (folded & P) + (folded >>> 61);
        return folded >= P ? folded - P : folded;
    }

    private static long power(long base, long exponent) {
        return java.math.BigInteger.valueOf(base).modPow(java.math.BigInteger.valueOf(exponent),
                java.math.BigInteger.valueOf(P)).longValue();
    }
}
