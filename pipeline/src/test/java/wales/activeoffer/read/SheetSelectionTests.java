package wales.activeoffer.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Name patterns, for sheets and for page title lines. */
class SheetSelectionTests {

    @Test
    void aPatternEndingInAWildcardMatchesWhateverFollows() {
        // regression: a trailing * was trimmed away with the spaces, so "Offers*" matched only "Offers"
        assertThat(new SheetSelection(List.of("Offers*")).test(new SheetInfo(0, "Offers 2024-25", false))).isTrue();
        assertThat(SheetSelection.matches("Page * of *", "Page 2 of 12")).isTrue();
        assertThat(SheetSelection.matches("WCCIS Active Offer report*", "WCCIS Active Offer report - printed 03/10/2024"))
                .isTrue();
        assertThat(SheetSelection.matches("Page * of *", "Pages")).isFalse();
    }
}
