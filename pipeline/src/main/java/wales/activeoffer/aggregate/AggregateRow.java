package wales.activeoffer.aggregate;

import java.util.List;

/**
 * One published number before disclosure control.
 *
 * @param value the unsuppressed figure, {@code null} where it is undefined (a rate over zero)
 * @param basis the counts the figure is built on; a count is its own basis
 */
public record AggregateRow(String measure, String statistic, CellKey cell, String geographyName, String stage,
        String category, Double value, List<CountKey> basis) {

    public CountKey key() {
        return new CountKey(measure, statistic, stage, category, cell);
    }

    public boolean isCount() {
        return basis.size() == 1 && basis.get(0).equals(key());
    }
}
