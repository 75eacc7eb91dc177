package wales.activeoffer.template;

import java.util.Locale;

/**
 * How headings and values are compared: case, spacing and punctuation do not matter, and apostrophes may be left out
 * ("Child's response" and "Childs response" are the same heading). Every Unicode space is a space: the no-break space
 * that text copied from the web or Word carries, the narrow no-break and figure spaces, tabs; zero-width characters
 * are nothing.
 */
public final class Text {
    private static final String APOSTROPHES = "'\u2019`";
    private static final String SEPARATORS = " \t\n\u000B\f\r_-\u2013\u2014/.,;:()\"?";

    private Text() {
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** The text with every Unicode space made a plain space and zero-width characters left out. */
    public static String plainSpaces(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder plain = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean odd = (c != ' ' && isSpace(c)) || isZeroWidth(c);
            if (odd && plain == null) {
                plain = new StringBuilder(raw.length()).append(raw, 0, i);
            }
            if (plain != null && !isZeroWidth(c)) {
                plain.append(odd ? ' ' : c);
            }
        }
        return plain == null ? raw : plain.toString();
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
        String lower = plainSpaces(raw).trim().toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        boolean separated = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (APOSTROPHES.indexOf(c) >= 0 || isZeroWidth(c)) {
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
        return folded.length() == 0 ? plainSpaces(raw).trim() : folded.toString();
    }
}
