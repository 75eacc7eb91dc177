package wales.activeoffer.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.BaseCount;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.CountKey;
import wales.activeoffer.aggregate.MeasureTable;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.support.RepoPaths;

/**
 * The public figures of a small table whose base cells and cell keys are set by hand, looked up in the shipped table
 * ({@code mappings/reference/perturbation-table.csv}).
 */
class CellKeyPerturbationTests {
    private static final CellKeyPerturbation PROTECTION = new CellKeyPerturbation(PerturbationTable.load(
            RepoPaths.mappings().resolve("reference").resolve(PerturbationTable.FILE_NAME)), 4);
    private static final CellKey WALES = new CellKey("wales", "W92000004", "financial_year", "2024-25", "all");

    private static CountKey key(String statistic) {
        return new CountKey("take_up", statistic, null, null, WALES);
    }

    private static AggregateRow count(String statistic, int value) {
        return new AggregateRow("take_up", statistic, WALES, "Wales", null, null, (double) value,
                List.of(key(statistic)));
    }

    private static AggregateRow rate(String statistic, double value, String numerator, String denominator) {
        return new AggregateRow("take_up", statistic, WALES, "Wales", null, null, value,
                List.of(key(numerator), key(denominator)));
    }

    @Test
    void eachBaseCellIsPerturbedOnItsOwnAndTheCountIsTheirSum() {
        // offers: base cells of 1 (key 10: published 0), 2 (key 150: 3) and 7 (key 128: 7): published 10 (true 10)
        // held: one base cell of 4 (key 80: 4), shown as [c]; taken up: one base cell of 6 (key 0: 3), [c] too
        // accepted: one base cell of 9 (key 255: the row of 7 moved by 2, 7 + 2 = 9, plus 2: 11)
        MeasureTable table = new MeasureTable(List.of(count("offers", 10), count("meetings_held", 4),
                count("taken_up", 6), count("meetings_accepted", 9), rate("conversion_rate", 0.6, "taken_up", "offers"),
                rate("acceptance", 0.9, "meetings_accepted", "offers")), List.of(), Map.of(
                        key("offers"), List.of(new BaseCount(1, 10), new BaseCount(2, 150), new BaseCount(7, 128)),
                        key("meetings_held"), List.of(new BaseCount(4, 80)),
                        key("taken_up"), List.of(new BaseCount(6, 0)),
                        key("meetings_accepted"), List.of(new BaseCount(9, 255))));

        Map<String, PublishedAggregate> published = PROTECTION.protect(table).stream()
                .collect(Collectors.toMap(p -> p.row().statistic(), Function.identity()));

        assertThat(published.get("offers").display()).isEqualTo("10");
        assertThat(published.get("meetings_held").display()).isEqualTo("[c]");
        assertThat(published.get("taken_up").display()).isEqualTo("[c]");
        assertThat(published.get("meetings_accepted").display()).isEqualTo("11");
        assertThat(published.get("conversion_rate").display()).as("built on a [c]").isEqualTo("[c]");
        assertThat(published.get("acceptance").display()).as("11 of 10 published, at most 1").isEqualTo("1");
    }

    @Test
    void aRateOverAPublishedZeroIsNotApplicableAndTheOfficialsFiguresAreExact() {
        MeasureTable table = new MeasureTable(List.of(count("offers", 1), count("taken_up", 0),
                rate("conversion_rate", 0.0, "taken_up", "offers")), List.of(), Map.of(
                        key("offers"), List.of(new BaseCount(1, 0)), key("taken_up"), List.of()));

        List<PublishedAggregate> published = PROTECTION.protect(table);
        List<PublishedAggregate> exact = CellKeyPerturbation.exact(table);

        assertThat(published).extracting(PublishedAggregate::display).containsExactly("0", "0", "[z]");
        assertThat(exact).extracting(PublishedAggregate::display).containsExactly("1", "0", "0");
    }
}
