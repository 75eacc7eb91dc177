package wales.activeoffer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A piece of the report's running text (a summary sentence, a heading, a caption, a note), in parts: plain words, and
 * numbers that the page marks with where they come from, so that a reader, or a test, can trace each to the release.
 * A number is a published figure ({@code data-figure}, its key in {@code aggregates.csv}), a count worked out from
 * {@code coverage.csv} ({@code data-source}), or a constant of the release ({@code data-constant}: the response-time
 * target, the number of authorities, the intervals' level, the most a count is moved).
 *
 * <p>Text built in both languages at once marks its numbers inline with {@link #figure(String, String, Shown)},
 * {@link #constant(String, String)} and {@link #source(String, String)}; {@link #of(String)} reads the marks back into
 * parts. The marks are control characters that no label, name or figure holds.
 */
public record Statement(List<Part> parts) {
    private static final char START = '\u0002';
    private static final char SEPARATOR = '\u001f';
    private static final char END = '\u0003';

    /**
     * Words, or a number: {@code figure} is its key in the release and {@code format} how it is written;
     * {@code constant} names the release's constant; {@code source} says what in {@code coverage.csv} it counts.
     * {@code whole} marks a period ("2024-25 Q4") or a date, which the page keeps on one line rather than break at
     * its hyphen.
     */
    public record Part(String text, String figure, String format, String constant, String source, boolean whole) {
        Part(String text, String figure, String format, String constant, String source) {
            this(text, figure, format, constant, source, false);
        }

        static Part words(String text) {
            return new Part(text, null, null, null, null);
        }
    }

    /** A financial year or quarter as the text writes it, in English or Welsh, or a date. */
    private static final Pattern PERIOD = Pattern.compile("(?<![\\d-])\\d{4}-\\d{2}(-\\d{2}|( (Q|Ch)\\d)?)(?![\\d-])");

    /** The text as a reader sees it. */
    public String text() {
        return parts.stream().map(Part::text).collect(Collectors.joining());
    }

    /** A published figure, marked, to write into a text. */
    static String figure(String shown, String key, Shown format) {
        return mark("f", key, format.attribute(), shown);
    }

    /** A constant of the release, marked, to write into a text. */
    static String constant(String name, String shown) {
        return mark("c", name, "", shown);
    }

    /** A count worked out from {@code coverage.csv}, marked, to write into a text. */
    static String source(String what, String shown) {
        return mark("s", what, "", shown);
    }

    private static String mark(String kind, String key, String format, String shown) {
        return START + kind + SEPARATOR + key + SEPARATOR + format + SEPARATOR + shown + END;
    }

    /** A text, with its marked numbers as parts of their own. */
    static Statement of(String marked) {
        return new Builder().words(marked).build();
    }

    /** Builds a text part by part. */
    static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        /** Words, which may hold marked numbers. */
        Builder words(String text) {
            int at = 0;
            while (at < text.length()) {
                int start = text.indexOf(START, at);
                if (start < 0) {
                    plain(text.substring(at));
                    break;
                }
                if (start > at) {
                    plain(text.substring(at, start));
                }
                int end = text.indexOf(END, start);
                String[] mark = text.substring(start + 1, end).split(String.valueOf(SEPARATOR), -1);
                parts.add(switch (mark[0]) {
                    case "f" -> new Part(mark[3], mark[1], mark[2], null, null);
                    case "c" -> new Part(mark[3], null, null, mark[1], null);
                    default -> new Part(mark[3], null, null, null, mark[1]);
                });
                at = end + 1;
            }
            return this;
        }

        /** Plain words, each period in them a part of its own. */
        private void plain(String text) {
            Matcher period = PERIOD.matcher(text);
            int at = 0;
            while (period.find()) {
                if (period.start() > at) {
                    parts.add(Part.words(text.substring(at, period.start())));
                }
                parts.add(new Part(period.group(), null, null, null, null, true));
                at = period.end();
            }
            if (at < text.length()) {
                parts.add(Part.words(text.substring(at)));
            }
        }

        Builder figure(String shown, String key, Shown format) {
            parts.add(new Part(shown, key, format.attribute(), null, null));
            return this;
        }

        Statement build() {
            return new Statement(List.copyOf(parts));
        }
    }
}
