package wales.activeoffer.aggregate;

import java.util.Map;
import java.util.TreeMap;

/**
 * Working-day values held as a histogram, so a cell's memory depends on the spread of values, not on the number of
 * records. Median: the middle value, or the mean of the two middle values. 90th percentile: nearest rank, the value
 * at position ceil(0.9 n) in ascending order.
 */
public final class Distribution {
    private final TreeMap<Integer, Integer> countByValue = new TreeMap<>();
    private int size;

    public void add(int value) {
        countByValue.merge(value, 1, Integer::sum);
        size++;
    }

    public int size() {
        return size;
    }

    public double median() {
        return size % 2 == 1 ? valueAtRank(size / 2 + 1) : (valueAtRank(size / 2) + valueAtRank(size / 2 + 1)) / 2.0;
    }

    public int percentile90() {
        return valueAtRank((9 * size + 9) / 10);
    }

    public int countAtMost(int limit) {
        return countByValue.headMap(limit, true).values().stream().mapToInt(Integer::intValue).sum();
    }

    private int valueAtRank(int rank) {
        int seen = 0;
        for (Map.Entry<Integer, Integer> entry : countByValue.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + size + " values");
    }
}
