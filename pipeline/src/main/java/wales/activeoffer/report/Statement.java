package wales.activeoffer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A sentence of the report's summary, in parts: plain words, and published figures that the page marks with what
 * they are ({@code data-figure}) so that a reader, or a test, can trace each number to the release.
 */
public record Statement(List<Part> parts) {

    /** Words, or a figure: {@code figure} is its key in the release, {@code format} how it is written. */
    public record Part(String text, String figure, String format) {
    }

    /** The sentence as a reader sees it. */
    public String text() {
        return parts.stream().map(Part::text).collect(Collectors.joining());
    }

    /** Builds a sentence part by part. */
    static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        Builder words(String text) {
            parts.add(new Part(text, null, null));
            return this;
        }

        Builder figure(String shown, String key, Shown format) {
            parts.add(new Part(shown, key, format.attribute()));
            return this;
        }

        Statement build() {
            return new Statement(List.copyOf(parts));
        }
    }
}
