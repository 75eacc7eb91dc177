package wales.activeoffer.normalise;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import wales.activeoffer.template.Text;

/**
 * Reads dates the way sources write them: ISO dates (what spreadsheet date cells become), the mapping's patterns,
 * ordinal text such as "3rd March 2024", and, where the mapping allows, Excel date serials.
 */
public final class ValueParser {
    private static final Pattern ORDINAL = Pattern.compile("(?i)\\b(\\d{1,2})(st|nd|rd|th)\\b");
    private static final Pattern SEPT = Pattern.compile("(?i)\\bsept\\b");
    /** An Excel date serial; a fraction is the time of day, which is dropped. */
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final List<String> ALWAYS_TRIED = List.of("yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy");

    private final List<DateTimeFormatter> formats;
    private final boolean excelSerials;

    public ValueParser(List<String> patterns, boolean excelSerials) {
        this.formats = java.util.stream.Stream.concat(ALWAYS_TRIED.stream(), patterns.stream())
                .distinct().map(ValueParser::strict).toList();
        this.excelSerials = excelSerials;
    }

    private static DateTimeFormatter strict(String pattern) {
        String prolepticYears = pattern.replace("yyyy", "uuuu").replace("yy", "uu");
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(prolepticYears)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    public Optional<LocalDate> date(String raw) {
        String plain = Text.plainSpaces(raw);
        if (plain == null || plain.isBlank()) {
            return Optional.empty();
        }
        String text = plain.trim();
        if (excelSerials && SERIAL.matcher(text).matches()) {
            long serial = (long) Double.parseDouble(text);
            return serial > 0 ? Optional.of(EXCEL_EPOCH.plusDays(serial)) : Optional.empty();
        }
        String withoutOrdinals = SEPT.matcher(ORDINAL.matcher(text.replaceAll("\\s+", " ")).replaceAll("$1"))
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
