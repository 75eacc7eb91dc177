package wales.activeoffer.reference;

import java.time.LocalDate;

/** Inclusive date range; an open end ({@code validTo == null}) means "until further notice". */
public record EffectivePeriod(LocalDate validFrom, LocalDate validTo) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
