package wales.activeoffer.inbox;

/**
 * Text that came from a lead's file (its name, its sheet names, headings and cells) made safe to show: control
 * characters (escape sequences that recolour or retitle a terminal, a bell, a newline that would start a forged log
 * line) and the invisible marks that reverse the direction of text are shown as escapes, such as {@code \x1b}, so
 * what a person reads is what the file holds. Everything else is left as it is.
 */
public final class PlainText {
    private PlainText() {
    }

    /** The text with every control character and direction mark shown as an escape; {@code null} stays null. */
    public static String visible(String text) {
        if (text == null || text.chars().noneMatch(PlainText::hidden)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            if (!hidden(c)) {
                shown.append((char) c);
            } else if (c <= 0xff) {
                shown.append(String.format("\\x%02x", c));
            } else {
                shown.append(String.format("\\u%04x", c));
            }
        });
        return shown.toString();
    }

    private static boolean hidden(int c) {
        return Character.isISOControl(c) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
