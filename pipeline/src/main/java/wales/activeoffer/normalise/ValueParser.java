package wales.activeoffer.normalise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import wales.activeoffer.template.Remembered;
import wales.activeoffer.template.Text;

/**
 * Reads dates the way sources write them: ISO dates (what spreadsheet date cells become), the mapping's patterns,
 * ordinal text such as "3rd March 2024", and, where the mapping allows, Excel date serials. A file writes the same
 * few hundred dates again and again, so the first {@value #REMEMBERED} texts that are not ISO dates are remembered
 * with what they were read as.
 */
public final class ValueParser {
    private static final Pattern ORDINAL = Pattern.compile("(?i)\\b(\\d{1,2})(st|nd|rd|th)\\b");
    private static final Pattern SEPT = Pattern.compile("(?i)\\bsept\\b");
    /** An Excel date serial; a fraction is the time of day, which is dropped. */
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final List<String> ALWAYS_TRIED = List.of("yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy");

    private static final int REMEMBERED = 8_192;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private final List<DateTimeFormatter> formats;
    private final boolean excelSerials;
    private final Remembered<Optional<LocalDate>> read = new Remembered<>(REMEMBERED, this::parsed);

    public ValueParser(List<String> patterns, boolean excelSerials) {
        this.formats = Stream.concat(ALWAYS_TRIED.stream(), patterns.stream())
                .distinct().map(ValueParser::strict).toList();
        this.excelSerials = excelSerials;
    }

    private static DateTimeFormatter strict(String pattern) {
        String prolepticYears = pattern.replace("yyyy", "uuuu").replace("yy", "uu");
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(prolepticYears)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * A date written {@code yyyy-MM-dd}, as spreadsheets' own dates arrive: read directly, as the first of the formats
     * would read it, without the patterns' parsing; anything else (or an impossible date) is left to the formats.
     */
    private static Optional<LocalDate> iso(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Optional.empty();
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                    Integer.parseInt(text, 8, 10, 10)));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    public Optional<LocalDate> date(String raw) {
        String plain = Text.plainSpaces(raw);
        if (plain == null || plain.isBlank()) {
            return Optional.empty();
        }
        String text = plain.trim();
        Optional<LocalDate> iso = iso(text);
        if (iso.isPresent()) {
            return iso;
        }
        return read.of(text);
    }

    private Optional<LocalDate> parsed(String text) {
        if (excelSerials && SERIAL.matcher(text).matches()) {
            long serial = (long) Double.parseDouble(text);
            return serial > 0 ? Optional.of(EXCEL_EPOCH.plusDays(serial)) : Optional.empty();
        }
        String withoutOrdinals = SEPT.matcher(ORDINAL.matcher(SPACES.matcher(text).replaceAll(" ")).replaceAll("$1"))
                .replaceAll("Sep");
        for (DateTimeFormatter format : formats) {
            try {
                return Optional.of(LocalDate.parse(withoutOrdinals, format));
            } catch (DateTimeParseException notThisFormat) {
                // try the next pattern
            }
        }
        return Optional.empty();
    }
}
