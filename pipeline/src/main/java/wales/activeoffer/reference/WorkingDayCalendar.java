package wales.activeoffer.reference;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * England-and-Wales working days: Monday to Friday, less the bank holidays in
 * {@code mappings/reference/bank-holidays-england-and-wales.csv}.
 */
public final class WorkingDayCalendar {
    private final Set<LocalDate> bankHolidays;

    public WorkingDayCalendar(Set<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }

    /**
     * Working days elapsed from {@code start} to {@code end}: the working days after {@code start}, up to and including
     * {@code end}. A referral on Friday and a meeting on the following Monday is 1 working day; the same day is 0.
     */
    public int workingDaysBetween(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        int days = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }
}
