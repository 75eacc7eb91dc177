package wales.activeoffer.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParserTests {
    private final ValueParser parser = new ValueParser(List.of("dd/MM/yyyy", "dd/MM/yy", "d MMM yy"), true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-03-03|2024-03-03",
        "03/03/2024|2024-03-03",
        "03/03/24|2024-03-03",
        "3rd March 2024|2024-03-03",
        "1st April 2024|2024-04-01",
        "22nd June 2024|2024-06-22",
        "11th  November 2024|2024-11-11",
        "3 Mar 24|2024-03-03",
        "3 mar 2024|2024-03-03",
        "3 Sep 24|2024-09-03",
        "1 Sept 24|2024-09-01",
        "1 September 2024|2024-09-01",
        "45354|2024-03-03",
        "45354.0|2024-03-03"})
    void readsTheDateStylesSourcesUse(String raw, LocalDate expected) {
        assertThat(parser.date(raw)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "45530.4375|2024-08-26",
        "45530.99999|2024-08-26",
        "45530.0001|2024-08-26"})
    void anExcelSerialWithATimeOfDayIsThatDayAndTheTimeIsDropped(String raw, LocalDate expected) {
        assertThat(parser.date(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"03/03/2024\u00A0", "\u00A003/03/2024", "03/03/2024\u202F", "\u200B03/03/2024", "\t03/03/2024"})
    void aDateWithNoBreakOrZeroWidthSpacesAroundItIsRead(String raw) {
        assertThat(parser.date(raw)).contains(LocalDate.of(2024, 3, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2024", "2024-02-30", "not known", "TBC", "13/13/2024", "0"})
    void refusesWhatIsNotADate(String raw) {
        assertThat(parser.date(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"45354"})
    void bareNumbersAreNotDatesUnlessTheMappingSaysSo(String raw) {
        assertThat(new ValueParser(List.of("dd/MM/yyyy"), false).date(raw)).isEmpty();
    }
}
