package wales.activeoffer.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit's linear algebra on systems solved by hand. */
class LinearSystemTests {

    @Test
    void threeSumsOfTwoUnknownsEachFixAllThreeThoughNoneCanBeSolvedAlone() {
        // given a + b, b + c and a + c known: a = ((a+b) - (b+c) + (a+c)) / 2
        LinearSystem system = new LinearSystem();
        system.equation(List.of(0, 1), List.of());
        system.equation(List.of(1, 2), List.of());
        system.equation(List.of(0, 2), List.of());

        assertThat(system.fixedUnknowns()).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void aTotalWithTwoHiddenPartsAndAnotherBreakdownOfThemFixesNothingWhenTheyDiffer() {
        // given a + b = T and c + d = U, and a + c = V (b and d each appear once): one free unknown remains
        LinearSystem system = new LinearSystem();
        system.equation(List.of(0, 1), List.of());
        system.equation(List.of(2, 3), List.of());
        system.equation(List.of(0, 2), List.of());

        assertThat(system.fixedUnknowns()).isEmpty();
    }

    @Test
    void aPartKnownElsewhereIsFixedButTheTotalAndTheOtherPartOnlyAsTheirDifference() {
        // given a + b - t known, and a known from another sum: a is fixed; t and b only as t - b
        LinearSystem system = new LinearSystem();
        system.equation(List.of(1, 2), List.of(0));
        system.equation(List.of(1), List.of());

        assertThat(system.fixedUnknowns()).containsExactly(1);
    }
}
