package wales.activeoffer.template;

import java.util.Locale;
import java.util.regex.Pattern;

/** How headings and values are compared: case, spacing and punctuation do not matter. */
public final class Text {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-\u2013\u2014/.,;:()'\u2019\"?]+");

    private Text() {
    }

    public static String fold(String raw) {
        if (raw == null) {
            return "";
        }
        String folded = SEPARATORS.matcher(raw.trim().toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return folded.isEmpty() ? raw.trim() : folded;
    }

    public static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }
}
