package wales.activeoffer.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import wales.activeoffer.reference.FinancialPeriod;

/** Which financial quarters an authority has not sent. Pure. */
public final class MissingQuarters {
    private MissingQuarters() {
    }

    /**
     * The quarters from {@code first} (a label such as {@code 2024-25 Q1}) to the last quarter that has ended by
     * {@code today}, that are not in {@code sent}, oldest first.
     */
    public static List<String> of(Set<String> sent, String first, LocalDate today) {
        List<String> missing = new ArrayList<>();
        String current = FinancialPeriod.quarter(today);
        for (LocalDate day = start(first); !FinancialPeriod.quarter(day).equals(current) && day.isBefore(today);
                day = day.plusMonths(3)) {
            String quarter = FinancialPeriod.quarter(day);
            if (!sent.contains(quarter)) {
                missing.add(quarter);
            }
        }
        return missing;
    }

    /** The earliest quarter of any of {@code quarters}, or {@code null} when there are none. */
    public static String earliest(Collection<? extends Collection<String>> quarters) {
        return quarters.stream().flatMap(Collection::stream).min(String::compareTo).orElse(null);
    }

    /** The first day of a quarter labelled {@code 2024-25 Q1}: Q1 starts in April, Q4 in January of the next year. */
    static LocalDate start(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = Integer.parseInt(quarter.substring(quarter.length() - 1));
        return q == 4 ? LocalDate.of(year + 1, 1, 1) : LocalDate.of(year, 4 + 3 * (q - 1), 1);
    }
}
