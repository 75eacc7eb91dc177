package wales.activeoffer.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementTests {

    @Test
    void marksAFigureAConstantAndEachPeriodOrDateAsPartsOfTheirOwn() {
        // given a text with a marked figure and a marked constant, two quarters, a year, a date and a release name
        String text = "Take-up rose to " + Statement.figure("59%", "take_up|take_up_rate|W92000004|2024-25 Q4|all||",
                Shown.PERCENT) + " between 2024-25 Q3 and 2024-25 Ch4 (" + Statement.constant("interval-level", "95%")
                + " intervals), in 2024-25; published 2026-12-02, release 20261202-231305.";

        // when it is read back
        Statement statement = Statement.of(text);

        // then it reads as written, the figure and the constant carry what they are, the periods and the date are
        // kept whole, and the release name (not a period) is left in the words
        assertThat(statement.text()).isEqualTo("Take-up rose to 59% between 2024-25 Q3 and 2024-25 Ch4 (95% "
                + "intervals), in 2024-25; published 2026-12-02, release 20261202-231305.");
        assertThat(statement.parts()).filteredOn(Statement.Part::whole).extracting(Statement.Part::text)
                .containsExactly("2024-25 Q3", "2024-25 Ch4", "2024-25", "2026-12-02");
        assertThat(statement.parts()).filteredOn(p -> p.figure() != null).singleElement()
                .satisfies(p -> assertThat(p.figure()).isEqualTo("take_up|take_up_rate|W92000004|2024-25 Q4|all||"))
                .satisfies(p -> assertThat(p.format()).isEqualTo("pct0"));
        assertThat(statement.parts()).filteredOn(p -> p.constant() != null).extracting(Statement.Part::text)
                .containsExactly("95%");
    }
}
