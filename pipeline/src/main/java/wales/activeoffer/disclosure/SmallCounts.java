package wales.activeoffer.disclosure;

/** The rule for the coverage and data-quality tables, which count rows and files, not children's outcomes. */
public final class SmallCounts {
    private SmallCounts() {
    }

    /** A count from 1 to the threshold is shown as {@code [c]} in those tables. */
    public static boolean isSmall(long n, int threshold) {
        return n >= 1 && n <= threshold;
    }
}
