package wales.activeoffer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a public release is due, on a calendar of three dates. */
class PublicationCalendarTests {
    private static final PublicationCalendar CALENDAR = new PublicationCalendar(List.of(
            new PublicationCalendar.Entry(LocalDate.of(2026, 9, 24), "2026-27 Q1"),
            new PublicationCalendar.Entry(LocalDate.of(2026, 12, 17), "2026-27 Q2"),
            new PublicationCalendar.Entry(LocalDate.of(2027, 3, 18), "2026-27 Q3")));

    @Test
    void aReleaseIsDueOnTheFirstRunOnOrAfterItsDateAndOnlyOnce() {
        assertThat(CALENDAR.due(LocalDate.of(2026, 9, 24), LocalDate.of(2026, 12, 16))).as("published already")
                .isEmpty();
        assertThat(CALENDAR.due(LocalDate.of(2026, 9, 24), LocalDate.of(2026, 12, 17))).get()
                .extracting(PublicationCalendar.Entry::figuresTo).isEqualTo("2026-27 Q2");
        assertThat(CALENDAR.due(LocalDate.of(2026, 9, 24), LocalDate.of(2026, 12, 20))).as("a run missed the day")
                .isPresent();
        assertThat(CALENDAR.due(null, LocalDate.of(2027, 4, 1))).as("the first release ever: the latest date")
                .get().extracting(PublicationCalendar.Entry::figuresTo).isEqualTo("2026-27 Q3");
        assertThat(CALENDAR.due(null, LocalDate.of(2026, 1, 1))).as("before the first date").isEmpty();
        assertThat(CALENDAR.next(LocalDate.of(2026, 12, 17))).get().extracting(PublicationCalendar.Entry::date)
                .isEqualTo(LocalDate.of(2027, 3, 18));
        assertThat(CALENDAR.next(LocalDate.of(2027, 3, 18))).isEmpty();
    }

    @Test
    void aCalendarOutOfOrderOrWithABadDateIsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(PublicationCalendar.FILE_NAME);
        Files.writeString(file, "date,figures_to\n2026-12-17,2026-27 Q2\n2026-09-24,2026-27 Q1\n");
        assertThatThrownBy(() -> PublicationCalendar.load(file))
                .hasMessage("publication-calendar.csv line 2: the dates must be in order, each after the last");
        Files.writeString(file, "date,figures_to\n17/12/2026,2026-27 Q2\n");
        assertThatThrownBy(() -> PublicationCalendar.load(file))
                .hasMessage("publication-calendar.csv line 1: the date '17/12/2026' is not a yyyy-mm-dd date");
    }
}
