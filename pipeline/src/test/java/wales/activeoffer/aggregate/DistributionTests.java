package wales.activeoffer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistributionTests {

    private static Distribution of(int... values) {
        Distribution distribution = new Distribution();
        for (int value : values) {
            distribution.add(value);
        }
        return distribution;
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(of(14, 4, 6, 10, 5, 6, 10).median()).isEqualTo(6.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(of(1, 2, 3, 10).median()).isEqualTo(2.5);
    }

    @Test
    void percentile90IsTheNearestRank() {
        // n = 7: rank ceil(6.3) = 7 -> the largest
        assertThat(of(14, 4, 6, 10, 5, 6, 10).percentile90()).isEqualTo(14);
        // n = 10: rank 9 of 1..10
        assertThat(of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).percentile90()).isEqualTo(9);
    }

    @Test
    void countAtMostIncludesTheLimit() {
        assertThat(of(4, 5, 6, 6, 10, 10, 14).countAtMost(10)).isEqualTo(6);
        assertThat(of(4, 5).countAtMost(3)).isZero();
    }
}
