package wales.activeoffer.template;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a costly reading of a text gave (folding a spelling, trying date patterns), remembered for the first
 * {@code capacity} texts: a file repeats the same few spellings and dates on every row, and the bound keeps a file of
 * all-different values from filling memory. Safe to use from several threads.
 *
 * @param <V> what a text is read as; never {@code null} (use {@link java.util.Optional} for "nothing")
 */
public final class Remembered<V> {
    private final int capacity;
    private final Function<String, V> reading;
    private final Map<String, V> read = new ConcurrentHashMap<>();

    public Remembered(int capacity, Function<String, V> reading) {
        this.capacity = capacity;
        this.reading = reading;
    }

    /** What {@code text} reads as: remembered, or read now (and remembered while there is room). */
    public V of(String text) {
        V value = read.get(text);
        if (value == null) {
            value = Objects.requireNonNull(reading.apply(text));
            if (read.size() < capacity) {
                read.put(text, value);
            }
        }
        return value;
    }
}
