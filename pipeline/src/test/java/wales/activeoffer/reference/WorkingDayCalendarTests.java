package wales.activeoffer.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import wales.activeoffer.support.RepoPaths;

class WorkingDayCalendarTests {
    private final WorkingDayCalendar calendar = RepoPaths.reference().calendar();

    @Test
    void sameDayIsZeroWorkingDays() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 4, 3), LocalDate.of(2024, 4, 3))).isZero();
    }

    @Test
    void fridayToMondayIsOneWorkingDay() {
        // given Friday 12 April 2024 and Monday 15 April 2024
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 4, 12), LocalDate.of(2024, 4, 15))).isEqualTo(1);
    }

    @Test
    void earlyMayBankHolidayIsNotAWorkingDay() {
        // Tue 16 Apr -> Tue 7 May 2024: 17,18,19, 22-26, 29,30, 1,2,3, (Mon 6 May bank holiday), 7 = 14
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 4, 16), LocalDate.of(2024, 5, 7))).isEqualTo(14);
    }

    @Test
    void easterAndChristmasAreSkipped() {
        // Thu 28 Mar 2024 -> Tue 2 Apr 2024: Good Friday 29 Mar and Easter Monday 1 Apr are holidays: only 2 Apr
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 2))).isEqualTo(1);
        // Mon 23 Dec 2024 -> Fri 27 Dec 2024: 24 and 27 (25, 26 holidays)
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 12, 23), LocalDate.of(2024, 12, 27))).isEqualTo(2);
    }

    @Test
    void oneOffBankHolidaysAreInTheList() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 9, 19))).as("State funeral").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 8))).as("Coronation").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 9))).isTrue();
    }

    @Test
    void substituteDaysCountAsHolidays() {
        // 25 and 26 Dec 2021 fell at a weekend: 27 and 28 were the substitute days
        assertThat(calendar.workingDaysBetween(LocalDate.of(2021, 12, 24), LocalDate.of(2021, 12, 29))).isEqualTo(1);
    }

    @Test
    void endBeforeStartIsRefused() {
        assertThatThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2024, 4, 3), LocalDate.of(2024, 4, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
