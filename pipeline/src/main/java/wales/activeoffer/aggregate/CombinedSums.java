package wales.activeoffer.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the suppressed counts whose value the published sums fix when a reader solves them all together, as one system
 * of linear equations, rather than one at a time. A suppressed count is fixed exactly when its unit vector lies in the
 * span of the sums restricted to suppressed counts. That is decided by sparse Gaussian elimination to reduced row
 * echelon form, modulo a large prime: the sums have coefficients of 1 and -1, so working modulo the prime and working
 * in the rationals agree except with negligible chance. Rows are eliminated shortest first, which keeps fill-in low
 * for sums like these.
 */
final class CombinedSums {
    private static final long PRIME = 2_147_483_647L;

    /** One sum restricted to its suppressed counts: parts with +1, the total with -1. */
    private record HiddenSum(List<CountKey> keys, List<Long> signs) {
    }

    /** The suppressed counts that the sums, solved together, give away, in table order. */
    static List<CountKey> fixed(List<SumRelation> sums, Set<CountKey> suppressed) {
        List<HiddenSum> hiddenSums = new ArrayList<>();
        for (SumRelation sum : sums) {
            HiddenSum hidden = new HiddenSum(new ArrayList<>(), new ArrayList<>());
            for (CountKey part : sum.parts()) {
                if (suppressed.contains(part)) {
                    hidden.keys().add(part);
                    hidden.signs().add(1L);
                }
            }
            if (suppressed.contains(sum.total())) {
                hidden.keys().add(sum.total());
                hidden.signs().add(PRIME - 1);
            }
            if (!hidden.keys().isEmpty()) {
                hiddenSums.add(hidden);
            }
        }
        List<CountKey> fixed = solve(hiddenSums);
        fixed.sort(null);
        return fixed;
    }

    private static List<CountKey> solve(List<HiddenSum> sums) {
        Map<CountKey, Integer> column = new HashMap<>();
        List<CountKey> keys = new ArrayList<>();
        List<SparseRow> rows = new ArrayList<>();
        for (HiddenSum sum : sums) {
            Map<Integer, Long> entries = new java.util.TreeMap<>();
            for (int i = 0; i < sum.keys().size(); i++) {
                int c = column.computeIfAbsent(sum.keys().get(i), k -> {
                    keys.add(k);
                    return keys.size() - 1;
                });
                entries.merge(c, sum.signs().get(i), (a, b) -> (a + b) % PRIME);
            }
            rows.add(SparseRow.of(entries));
        }
        rows.sort(java.util.Comparator.comparingInt(SparseRow::size));
        Map<Integer, SparseRow> byPivot = new HashMap<>();
        for (SparseRow original : rows) {
            SparseRow row = original;
            while (row.size() > 0 && byPivot.containsKey(row.firstColumn())) {
                row = row.minus(byPivot.get(row.firstColumn()), row.firstValue());
            }
            if (row.size() > 0) {
                byPivot.put(row.firstColumn(), row.normalised());
            }
        }
        List<Integer> pivots = new ArrayList<>(byPivot.keySet());
        pivots.sort(java.util.Comparator.reverseOrder());
        List<CountKey> fixed = new ArrayList<>();
        for (int pivot : pivots) {
            SparseRow row = byPivot.get(pivot).reducedBy(byPivot);
            byPivot.put(pivot, row);
            if (row.size() == 1) {
                fixed.add(keys.get(pivot));
            }
        }
        return fixed;
    }

    /** A row of the system: its non-zero entries, by ascending column. */
    private record SparseRow(int[] columns, long[] values) {
        static SparseRow of(Map<Integer, Long> entries) {
            int[] columns = entries.entrySet().stream().filter(e -> e.getValue() != 0).mapToInt(Map.Entry::getKey)
                    .toArray();
            long[] values = entries.values().stream().filter(v -> v != 0).mapToLong(Long::longValue).toArray();
            return new SparseRow(columns, values);
        }

        int size() {
            return columns.length;
        }

        int firstColumn() {
            return columns[0];
        }

        long firstValue() {
            return values[0];
        }

        SparseRow normalised() {
            long inverse = java.math.BigInteger.valueOf(values[0]).modInverse(java.math.BigInteger.valueOf(PRIME))
                    .longValue();
            long[] scaled = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                scaled[i] = values[i] * inverse % PRIME;
            }
            return new SparseRow(columns, scaled);
        }

        /** this - factor * other, merging the two sorted rows. */
        SparseRow minus(SparseRow other, long factor) {
            int[] c = new int[columns.length + other.columns.length];
            long[] v = new long[c.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < columns.length || j < other.columns.length) {
                int column;
                long value;
                if (j >= other.columns.length || (i < columns.length && columns[i] < other.columns[j])) {
                    column = columns[i];
                    value = values[i++];
                } else {
                    long subtracted = PRIME - factor * other.values[j] % PRIME;
                    if (i < columns.length && columns[i] == other.columns[j]) {
                        column = columns[i];
                        value = (values[i++] + subtracted) % PRIME;
                    } else {
                        column = other.columns[j];
                        value = subtracted % PRIME;
                    }
                    j++;
                }
                if (value != 0) {
                    c[n] = column;
                    v[n++] = value;
                }
            }
            return new SparseRow(java.util.Arrays.copyOf(c, n), java.util.Arrays.copyOf(v, n));
        }

        /**
         * With every other pivot column cleared, using rows already reduced (pivots taken from the last): what is left
         * besides the pivot are free columns, so the row is a unit vector exactly when its count is fixed.
         */
        SparseRow reducedBy(Map<Integer, SparseRow> byPivot) {
            SparseRow row = this;
            int i = 1;
            while (i < row.size()) {
                SparseRow other = byPivot.get(row.columns[i]);
                if (other != null) {
                    row = row.minus(other, row.values[i]);
                } else {
                    i++;
                }
            }
            return row;
        }
    }
}
