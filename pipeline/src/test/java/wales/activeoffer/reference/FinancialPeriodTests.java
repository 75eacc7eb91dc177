package wales.activeoffer.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FinancialPeriodTests {

    @ParameterizedTest
    @CsvSource({
        "2024-04-01, 2024-25, 2024-25 Q1",
        "2024-06-30, 2024-25, 2024-25 Q1",
        "2024-07-01, 2024-25, 2024-25 Q2",
        "2024-12-31, 2024-25, 2024-25 Q3",
        "2025-01-01, 2024-25, 2024-25 Q4",
        "2025-03-31, 2024-25, 2024-25 Q4",
        "1999-04-01, 1999-00, 1999-00 Q1"})
    void financialYearStartsOnFirstApril(LocalDate date, String year, String quarter) {
        assertThat(FinancialPeriod.financialYear(date)).isEqualTo(year);
        assertThat(FinancialPeriod.quarter(date)).isEqualTo(quarter);
    }
}
