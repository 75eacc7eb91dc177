package wales.activeoffer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import wales.activeoffer.aggregate.PublishedAggregate;

/**
 * How a published figure is written in the report. The format names are those of the page's {@code data-format}
 * attribute, so that a test can check every number against the release.
 */
enum Shown {
    /** A rate or share as a whole percentage, in sentences: "56%". */
    PERCENT("pct0"),
    /** A rate or share as a percentage with one decimal, in tables and on charts: "56.2%". */
    PERCENT_1("pct1"),
    /** A count, with thousands separated: "1,004". */
    COUNT("count"),
    /** Working days, as published: "7" or "6.5". */
    DAYS("days");

    private final String attribute;

    Shown(String attribute) {
        this.attribute = attribute;
    }

    String attribute() {
        return attribute;
    }

    /** The figure in this format, or its symbol ({@code [c]}, {@code [z]}) where it is not shown. */
    String of(PublishedAggregate figure) {
        return figure.symbol() != null ? figure.symbol() : of(Double.parseDouble(figure.display()));
    }

    String of(double value) {
        return switch (this) {
            case PERCENT -> percent(value, 0);
            case PERCENT_1 -> percent(value, 1);
            case COUNT -> NumberFormat.getIntegerInstance(Locale.UK).format(Math.round(value));
            case DAYS -> BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        };
    }

    static String percent(double proportion, int decimals) {
        return BigDecimal.valueOf(proportion).movePointRight(2).setScale(decimals, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
