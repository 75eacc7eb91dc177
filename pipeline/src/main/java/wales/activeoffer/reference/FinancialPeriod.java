package wales.activeoffer.reference;

import java.time.LocalDate;

/** Welsh public bodies report by financial year (1 April to 31 March); Q1 is April to June. */
public final class FinancialPeriod {
    private FinancialPeriod() {
    }

    public static String financialYear(LocalDate date) {
        int startYear = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        int next = (startYear + 1) % 100;
        return startYear + (next < 10 ? "-0" : "-") + next;
    }

    public static String quarter(LocalDate date) {
        int quarterNumber = ((date.getMonthValue() + 8) % 12) / 3 + 1;
        return financialYear(date) + " Q" + quarterNumber;
    }
}
