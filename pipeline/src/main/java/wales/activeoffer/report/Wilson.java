package wales.activeoffer.report;

import java.util.Optional;

/**
 * The Wilson score interval for a proportion, the method OHID's Fingertips recommends for proportions with small
 * counts: unlike the normal approximation it stays inside 0 to 1, and it gives a sensible interval for 0 of n and n
 * of n.
 */
public final class Wilson {
    /** The 97.5th percentile of the standard normal distribution, for a 95% interval. */
    static final double Z_95 = 1.959963984540054;

    private Wilson() {
    }

    /** A 95% interval, as proportions from 0 to 1. */
    public record Interval(double lower, double upper) {
        /** Whether the two intervals share any value. */
        public boolean overlaps(Interval other) {
            return lower <= other.upper && other.lower <= upper;
        }
    }

    /** The 95% interval of {@code successes} out of {@code trials}; empty when there are no trials. */
    public static Optional<Interval> of(long successes, long trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            return Optional.empty();
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z_95 * Z_95;
        double centre = p + z2 / (2 * n);
        double spread = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        return Optional.of(new Interval(Math.max(0, (centre - spread) / denominator),
                Math.min(1, (centre + spread) / denominator)));
    }
}
