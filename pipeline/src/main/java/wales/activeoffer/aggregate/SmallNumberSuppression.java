package wales.activeoffer.aggregate;

/**
 * Primary disclosure control: a figure built on any count from 1 to the threshold (4) is shown as {@code [c]}; a rate
 * over zero is {@code [z]}.
 */
public final class SmallNumberSuppression {
    public static final String CONFIDENTIAL = "[c]";
    public static final String NOT_APPLICABLE = "[z]";
    private final int threshold;

    public SmallNumberSuppression(int threshold) {
        this.threshold = threshold;
    }

    public PublishedAggregate apply(AggregateRow row) {
        if (row.basis().stream().anyMatch(n -> n >= 1 && n <= threshold)) {
            return new PublishedAggregate(row, null, CONFIDENTIAL);
        }
        if (row.value() == null) {
            return new PublishedAggregate(row, null, NOT_APPLICABLE);
        }
        return new PublishedAggregate(row, row.value(), null);
    }
}
