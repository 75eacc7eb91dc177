package wales.activeoffer.template;

import java.util.Locale;

/**
 * How headings and values are compared: case, spacing and punctuation do not matter, and apostrophes may be left out
 * ("Child's response" and "Childs response" are the same heading).
 */
public final class Text {
    private static final String APOSTROPHES = "'\u2019`";
    private static final String SEPARATORS = " \t\n\u000B\f\r_-\u2013\u2014/.,;:()\"?";

    private Text() {
    }

    /**
     * The text in lower case, without apostrophes, with every run of spaces and punctuation made one space, and
     * trimmed; the trimmed text itself where nothing would be left. Called for every cell that is compared, so it is a
     * single pass rather than regular expressions (which held a tenth of a run's time).
     */
    public static String fold(String raw) {
        if (raw == null) {
            return "";
        }
        String lower = raw.trim().toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        boolean separated = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (APOSTROPHES.indexOf(c) >= 0) {
                continue;
            }
            if (SEPARATORS.indexOf(c) >= 0) {
                separated = true;
                continue;
            }
            if (separated && folded.length() > 0) {
                folded.append(' ');
            }
            separated = false;
            folded.append(c);
        }
        return folded.length() == 0 ? raw.trim() : folded.toString();
    }
}
