package wales.activeoffer.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * When the public series is published, as data ({@code mappings/reference/publication-calendar.csv}): each date, and
 * the last quarter whose figures that release brings. A release is due on the first run on or after its date.
 */
public record PublicationCalendar(List<Entry> entries) {
    public static final String FILE_NAME = "publication-calendar.csv";
    /** The revisions policy each public release states. */
    public static final String REVISIONS_POLICY = "Each release revises the figures of every earlier period for the "
            + "late returns and corrections received since the last; each revised figure is marked [r] and listed on "
            + "the Revisions sheet with the submissions that changed it. Nothing is revised between releases.";
    public static final String REVISIONS_POLICY_CY = "Mae pob rhyddhad yn diwygio ffigurau pob cyfnod cynharach ar "
            + "gyfer y ffurflenni hwyr a'r cywiriadau a ddaeth i law ers yr un diwethaf; caiff pob ffigur diwygiedig "
            + "ei nodi â [r] a'i restru ar y daflen Revisions gyda'r cyflwyniadau a'i newidiodd. Ni chaiff dim ei "
            + "ddiwygio rhwng rhyddhadau.";

    /** One planned release. */
    public record Entry(LocalDate date, String figuresTo) {
    }

    /** The latest planned release on or before {@code today} and after {@code lastPublished} (if any): it is due. */
    public Optional<Entry> due(LocalDate lastPublished, LocalDate today) {
        return entries.stream().filter(e -> !e.date().isAfter(today))
                .filter(e -> lastPublished == null || e.date().isAfter(lastPublished))
                .reduce((first, last) -> last);
    }

    /** The first planned release after {@code day}. */
    public Optional<Entry> next(LocalDate day) {
        return entries.stream().filter(e -> e.date().isAfter(day)).findFirst();
    }

    /**
     * @throws IllegalArgumentException naming the file and line, when a date is not yyyy-mm-dd or the dates are not in
     *                                  order
     */
    public static PublicationCalendar load(Path file) {
        List<Entry> entries = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get().parse(reader)) {
                String where = file.getFileName() + " line " + row.getRecordNumber();
                LocalDate date;
                try {
                    date = LocalDate.parse(row.get("date"));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where + ": the date '" + row.get("date")
                            + "' is not a yyyy-mm-dd date", e);
                }
                if (!entries.isEmpty() && !date.isAfter(entries.get(entries.size() - 1).date())) {
                    throw new IllegalArgumentException(where + ": the dates must be in order, each after the last");
                }
                entries.add(new Entry(date, row.get("figures_to")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new PublicationCalendar(List.copyOf(entries));
    }
}
