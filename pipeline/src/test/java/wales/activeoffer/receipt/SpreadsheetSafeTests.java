package wales.activeoffer.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetSafeTests {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx", "\uFF1D1", "\uFF0B1", "\uFF0D1", "\uFF201"})
    void formulaTriggersAreNeutralised(String value) {
        assertThat(SpreadsheetSafe.cell(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cardiff", "2024-04-03", "not known", ""})
    void ordinaryTextIsLeftAlone(String value) {
        assertThat(SpreadsheetSafe.cell(value)).isEqualTo(value);
    }
}
