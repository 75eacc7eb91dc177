package wales.activeoffer.aggregate;

import java.util.List;
import java.util.Map;

/**
 * Every figure of the measures, the sums that tie their counts together, and for each count the base cells' counts it
 * adds up (what disclosure control perturbs).
 */
public record MeasureTable(List<AggregateRow> rows, List<SumRelation> sums, Map<CountKey, List<BaseCount>> parts) {

    public MeasureTable(List<AggregateRow> rows, List<SumRelation> sums) {
        this(rows, sums, Map.of());
    }
}
