package wales.activeoffer.template;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How headings and values are compared: case, spacing and punctuation do not matter, and apostrophes may be left out
 * ("Child's response" and "Childs response" are the same heading).
 */
public final class Text {
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019`]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-\u2013\u2014/.,;:()\"?]+");

    private Text() {
    }

    public static String fold(String raw) {
        if (raw == null) {
            return "";
        }
        String withoutApostrophes = APOSTROPHES.matcher(raw.trim().toLowerCase(Locale.ROOT)).replaceAll("");
        String folded = SEPARATORS.matcher(withoutApostrophes).replaceAll(" ").trim();
        return folded.isEmpty() ? raw.trim() : folded;
    }
}
