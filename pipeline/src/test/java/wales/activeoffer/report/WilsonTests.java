package wales.activeoffer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTests {
    // z = 1.96, z^2 = 3.8415. For k of n: p = k / n, centre = p + z^2 / 2n,
    // spread = z * sqrt(p(1 - p) / n + z^2 / 4n^2), bounds = (centre -/+ spread) / (1 + z^2 / n)

    @Test
    void halfOfTenIsFrom23_7To76_3Percent() {
        // centre 0.5 + 0.19207 = 0.69207; spread 1.96 * sqrt(0.025 + 0.0096037) = 0.36460; / 1.38415
        Wilson.Interval interval = Wilson.of(5, 10).orElseThrow();
        assertThat(interval.lower()).isCloseTo(0.2366, within(0.0001));
        assertThat(interval.upper()).isCloseTo(0.7634, within(0.0001));
    }

    @Test
    void noneOfTenStillHasAnUpperBoundAndAllOfTenALowerOne() {
        // p = 0: centre = spread = 0.19207, so the lower bound is 0 and the upper 0.38415 / 1.38415 = 0.2775
        assertThat(Wilson.of(0, 10).orElseThrow().lower()).isCloseTo(0, within(1e-12));
        assertThat(Wilson.of(0, 10).orElseThrow().upper()).isCloseTo(0.2775, within(0.0001));
        // and n of n mirrors it
        assertThat(Wilson.of(10, 10).orElseThrow().lower()).isCloseTo(0.7225, within(0.0001));
        assertThat(Wilson.of(10, 10).orElseThrow().upper()).isCloseTo(1, within(1e-12));
    }

    @Test
    void fiftySixOfAHundredIsFrom46_2To65_3Percent() {
        // centre 0.56 + 0.019207 = 0.579207; spread 1.96 * sqrt(0.002464 + 0.000096) = 0.099166; / 1.038415
        Wilson.Interval interval = Wilson.of(56, 100).orElseThrow();
        assertThat(interval.lower()).isCloseTo(0.4623, within(0.0001));
        assertThat(interval.upper()).isCloseTo(0.6533, within(0.0001));
    }

    @Test
    void thereIsNoIntervalOverNothing() {
        assertThat(Wilson.of(0, 0)).isEmpty();
    }

    @Test
    void intervalsThatShareAValueOverlap() {
        assertThat(new Wilson.Interval(0.1, 0.3).overlaps(new Wilson.Interval(0.3, 0.5))).isTrue();
        assertThat(new Wilson.Interval(0.1, 0.29).overlaps(new Wilson.Interval(0.3, 0.5))).isFalse();
    }
}
