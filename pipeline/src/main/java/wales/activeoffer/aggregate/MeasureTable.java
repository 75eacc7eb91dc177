package wales.activeoffer.aggregate;

import java.util.List;

/** Every figure of the measures, and the sums that tie their counts together (what disclosure control protects). */
public record MeasureTable(List<AggregateRow> rows, List<SumRelation> sums) {
}
