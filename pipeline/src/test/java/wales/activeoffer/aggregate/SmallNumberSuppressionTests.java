package wales.activeoffer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallNumberSuppressionTests {
    private static final CellKey CELL = new CellKey("authority", "W06000015", "quarter", "2024-25 Q1", "all");
    private final SmallNumberSuppression suppression = new SmallNumberSuppression(4);

    private static AggregateRow count(int n) {
        return new AggregateRow("take_up", "offers", CELL, "Cardiff", null, null, (double) n, List.of(n));
    }

    private static AggregateRow rate(int numerator, int denominator) {
        return new AggregateRow("take_up", "take_up_rate", CELL, "Cardiff", null, null,
                denominator == 0 ? null : (double) numerator / denominator, List.of(numerator, denominator));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, [c]", "4, [c]", "5, 5", "120, 120"})
    void countsFromOneToFourAreSuppressed(int n, String shown) {
        assertThat(suppression.apply(count(n)).display()).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"5, 7, 0.7143", "3, 7, [c]", "5, 4, [c]", "0, 0, [z]", "0, 9, 0", "9, 9, 1"})
    void ratesOnSuppressedCountsAreSuppressed(int numerator, int denominator, String shown) {
        assertThat(suppression.apply(rate(numerator, denominator)).display()).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"3, [c]", "5, 5"})
    void suppressedValuesAreNotPublishedAsNumbers(int n, String shown) {
        PublishedAggregate published = suppression.apply(count(n));
        assertThat(published.display()).isEqualTo(shown);
        assertThat(published.value() == null).isEqualTo(n <= 4);
    }
}
