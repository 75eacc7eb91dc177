package wales.activeoffer.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One published number after disclosure control: the value, or a GSS symbol in its place.
 *
 * @param value   {@code null} when suppressed or not applicable
 * @param symbol  {@code [c]} confidential (small numbers), {@code [z]} not applicable, or {@code null}
 * @param revised the value differs from the one the previous release published for the same figure
 */
public record PublishedAggregate(AggregateRow row, Double value, String symbol, boolean revised) {
    public static final String REVISED = "[r]";
    /** GSS shorthand: confidential, not shown. */
    public static final String CONFIDENTIAL = "[c]";
    /** GSS shorthand: not applicable (a rate over zero). */
    public static final String NOT_APPLICABLE = "[z]";

    public PublishedAggregate(AggregateRow row, Double value, String symbol) {
        this(row, value, symbol, false);
    }

    /** The note published beside the figure: the symbol in place of a value, {@code [r]} beside a revised one. */
    public String noteCode() {
        return symbol != null ? symbol : revised ? REVISED : null;
    }

    public PublishedAggregate asRevised() {
        return new PublishedAggregate(row, value, symbol, true);
    }

    /** The number as published in the machine-readable tables: blank where a symbol stands in for it. */
    public String figure() {
        return symbol == null ? display() : "";
    }

    /** The number, or the symbol in its place, as shown in the officials' workbook. */
    public String display() {
        if (symbol != null) {
            return symbol;
        }
        return value == Math.rint(value) && !row.statistic().contains("rate") && !row.statistic().contains("share")
                ? String.valueOf(value.longValue())
                : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                        .toPlainString();
    }
}
