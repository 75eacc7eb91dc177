package wales.activeoffer.disclosure;

import java.util.List;
import wales.activeoffer.aggregate.CountKey;

/**
 * What a reader knows ties counts together: {@code sum of plus - sum of minus} is equal to zero ({@code equality}),
 * or at most zero. A sum {@code total = a + b} is {@code plus = [a, b], minus = [total]}; the inequality
 * {@code accepted + refused at the offer <= offers} is {@code plus = [accepted, refused], minus = [offers]}.
 */
public record Constraint(List<CountKey> plus, List<CountKey> minus, boolean equality) {

    public static Constraint sum(CountKey total, List<CountKey> parts) {
        return new Constraint(parts, List.of(total), true);
    }

    public static Constraint atMost(List<CountKey> parts, CountKey bound) {
        return new Constraint(parts, List.of(bound), false);
    }

    List<CountKey> members() {
        return java.util.stream.Stream.concat(plus.stream(), minus.stream()).toList();
    }

    /** Whether the true counts satisfy it: a constraint the data breaks is no knowledge a reader has. */
    boolean holdsFor(java.util.Map<CountKey, Integer> counts) {
        long left = plus.stream().mapToLong(k -> counts.getOrDefault(k, 0)).sum();
        long right = minus.stream().mapToLong(k -> counts.getOrDefault(k, 0)).sum();
        return equality ? left == right : left <= right;
    }
}
