package wales.activeoffer.quality;

import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.disclosure.SmallCounts;

/**
 * How many records of an authority have a field filled, out of those that should.
 *
 * @param filled records with the field filled
 * @param of     records that should have it (all records, or those at the step the field belongs to)
 */
public record Completeness(int filled, int of) {

    Completeness plus(boolean applies, boolean isFilled) {
        return applies ? new Completeness(filled + (isFilled ? 1 : 0), of + 1) : this;
    }

    /**
     * A whole percentage, or a GSS symbol: {@code [z]} when no record should have the field, {@code [c]} when so few
     * should that the percentage would describe one to {@code threshold} children.
     */
    public String display(int threshold) {
        if (of == 0) {
            return PublishedAggregate.NOT_APPLICABLE;
        }
        if (SmallCounts.isSmall(of, threshold)) {
            return PublishedAggregate.CONFIDENTIAL;
        }
        return String.valueOf(Math.round(100.0 * filled / of));
    }
}
