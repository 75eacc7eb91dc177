package wales.activeoffer.aggregate;

import java.util.Map;
import java.util.TreeMap;

/**
 * Working-day values held as a histogram, so a cell's memory depends on the spread of values, not on the number of
 * records. Median: the middle value, or the mean of the two middle values. 90th percentile: nearest rank, the value
 * at position ceil(0.9 n) in ascending order. Each value keeps the cell key of its records too (the sum of their
 * record keys modulo 256), so the counts within and beyond a target have theirs.
 */
public final class Distribution {
    private final TreeMap<Integer, Integer> countByValue = new TreeMap<>();
    private final TreeMap<Integer, Integer> keyByValue = new TreeMap<>();
    private int size;
    private int key;

    public void add(int value) {
        add(value, 0);
    }

    public void add(int value, int recordKey) {
        countByValue.merge(value, 1, Integer::sum);
        keyByValue.merge(value, recordKey, (a, b) -> (a + b) & 0xFF);
        size++;
        key = (key + recordKey) & 0xFF;
    }

    public int size() {
        return size;
    }

    /** The cell key of all the values. */
    public int key() {
        return key;
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

    /** The cell key of the values at most {@code limit}. */
    public int keyAtMost(int limit) {
        return keyByValue.headMap(limit, true).values().stream().reduce(0, (a, b) -> (a + b) & 0xFF);
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
