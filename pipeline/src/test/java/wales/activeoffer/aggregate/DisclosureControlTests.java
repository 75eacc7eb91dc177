package wales.activeoffer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Primary and secondary suppression on small tables whose protected cells are worked out by hand. */
class DisclosureControlTests {
    private final DisclosureControl control = new DisclosureControl(4);
    private final List<AggregateRow> rows = new ArrayList<>();
    private final List<SumRelation> sums = new ArrayList<>();

    private static CountKey key(String name) {
        return new CountKey("take_up", "offers", null, null, new CellKey("authority", name, "quarter", "2024-25 Q1",
                "all"));
    }

    private CountKey count(String name, int n) {
        CountKey key = key(name);
        rows.add(new AggregateRow(key.measure(), key.statistic(), key.cell(), name, null, null, (double) n,
                List.of(key)));
        return key;
    }

    private void rate(String name, int numerator, int denominator, CountKey numeratorKey, CountKey denominatorKey) {
        rows.add(new AggregateRow("take_up", "take_up_rate", key(name).cell(), name, null, null,
                denominator == 0 ? null : (double) numerator / denominator, List.of(numeratorKey, denominatorKey)));
    }

    private void sum(String total, String... parts) {
        sums.add(new SumRelation(key(total), java.util.Arrays.stream(parts).map(DisclosureControlTests::key).toList()));
    }

    private Map<String, String> shown() {
        return control.apply(new MeasureTable(rows, sums)).stream().collect(Collectors.toMap(
                p -> p.row().geographyName() + (p.row().isCount() ? "" : " rate"), PublishedAggregate::display,
                (a, b) -> a, LinkedHashMap::new));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, [c]", "4, [c]", "5, 5", "120, 120"})
    void countsFromOneToFourAreSuppressed(int n, String shown) {
        count("a", n);

        assertThat(shown()).containsEntry("a", shown);
    }

    @ParameterizedTest
    @CsvSource({"5, 7, 0.7143", "3, 7, [c]", "5, 4, [c]", "0, 0, [z]", "0, 9, 0", "9, 9, 1"})
    void ratesOnSuppressedCountsAreSuppressed(int numerator, int denominator, String shown) {
        rate("r", numerator, denominator, count("numerator", numerator), count("denominator", denominator));

        assertThat(shown()).containsEntry("r rate", shown);
    }

    @Test
    void theSmallestOtherPartIsSuppressedSoTheSmallOneCannotBeWorkedBackFromTheTotal() {
        // given 20 = 3 + 9 + 8: the 3 alone could be worked back as 20 - 9 - 8
        count("total", 20);
        count("a", 3);
        count("b", 9);
        count("c", 8);
        sum("total", "a", "b", "c");

        // then 8, the smallest other part, goes with it, and the total stays
        assertThat(shown()).containsExactly(Map.entry("total", "20"), Map.entry("a", "[c]"), Map.entry("b", "9"),
                Map.entry("c", "[c]"));
    }

    @Test
    void aSuppressedCountCarriesItsProtectionIntoEverySumItIsPartOf() {
        // given 12 = 3 + 9 (the 9 is suppressed to protect the 3), and 9 is also the only non-zero part of 9 = 9 + 0
        count("x", 12);
        count("p", 3);
        count("q", 9);
        count("y", 9);
        count("z", 0);
        sum("x", "p", "q");
        sum("y", "q", "z");

        // then y = q + 0 would give q away, so y goes too, and the zero is never used to protect anything
        assertThat(shown()).containsExactly(Map.entry("x", "12"), Map.entry("p", "[c]"), Map.entry("q", "[c]"),
                Map.entry("y", "[c]"), Map.entry("z", "0"));
    }

    @Test
    void aTotalWithTwoSuppressedPartsNeedsNothingMore() {
        // given 10 = 2 + 3 + 5: the two small parts protect each other (2 + 3 = 5 is known, neither alone)
        count("total", 10);
        count("a", 2);
        count("b", 3);
        count("c", 5);
        sum("total", "a", "b", "c");

        assertThat(shown()).containsExactly(Map.entry("total", "10"), Map.entry("a", "[c]"), Map.entry("b", "[c]"),
                Map.entry("c", "5"));
    }

    @Test
    void aCountThatTheSumsFixOnlyWhenSolvedTogetherIsProtectedToo() {
        // given three sums over a = 3, b = 6, c = 7: t1 = a + b = 9, t2 = b + c = 13, t3 = a + c = 10
        count("t1", 9);
        count("t2", 13);
        count("t3", 10);
        count("a", 3);
        count("b", 6);
        count("c", 7);
        sum("t1", "a", "b");
        sum("t2", "b", "c");
        sum("t3", "a", "c");

        // when protected one sum at a time, a goes with b (t1) and b with c (t2): every sum then has two hidden
        // counts, yet a = (t1 - t2 + t3) / 2. So a's first sum gives up its total t1; b, next to t1, waits; c's
        // first sum gives up t2. Now t1 and t2 appear in one sum each, and a + c = 10 alone fixes nothing.
        assertThat(shown()).containsExactly(Map.entry("t1", "[c]"), Map.entry("t2", "[c]"), Map.entry("t3", "10"),
                Map.entry("a", "[c]"), Map.entry("b", "[c]"), Map.entry("c", "[c]"));
    }

    @Test
    void aRateOnASecondarilySuppressedCountIsSuppressed() {
        // given 20 = 3 + 17, with a rate 17 / 20
        CountKey total = count("total", 20);
        count("a", 3);
        CountKey b = count("b", 17);
        sum("total", "a", "b");
        rate("b", 17, 20, b, total);

        assertThat(shown()).containsEntry("b", "[c]").containsEntry("b rate", "[c]").containsEntry("total", "20");
    }
}
