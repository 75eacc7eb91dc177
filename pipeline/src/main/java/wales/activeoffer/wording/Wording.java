package wales.activeoffer.wording;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one catalogue of what the pipeline says to a regional lead, in English and in Welsh: every label, heading and
 * sentence of a receipt, and the notes and refusal details written into it. The texts are in
 * {@code wording/receipts.properties} and {@code wording/receipts_cy.properties} (Java's resource bundles, read as
 * UTF-8); {@code {0}}, {@code {1}}… stand for the values put in. Apostrophes are plain text: Welsh has many, so the
 * texts are not {@code MessageFormat} patterns.
 */
public final class Wording {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Wording ENGLISH = new Wording("en", bundle(Locale.ROOT));
    private static final Wording WELSH = new Wording("cy", bundle(Locale.forLanguageTag("cy")));
    private final String language;
    private final ResourceBundle texts;

    private Wording(String language, ResourceBundle texts) {
        this.language = language;
        this.texts = texts;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("wording.receipts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The wording in a language: {@code cy} is Welsh, anything else (or {@code null}) English. */
    public static Wording in(String language) {
        return "cy".equals(language) ? WELSH : ENGLISH;
    }

    public String language() {
        return language;
    }

    public boolean welsh() {
        return this == WELSH;
    }

    /**
     * The text of a key with the values put in for its placeholders.
     *
     * @throws java.util.MissingResourceException if the catalogue has no such key: a programming error
     */
    public String text(String key, Object... values) {
        String pattern = texts.getString(key);
        if (values.length == 0) {
            return pattern;
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values[Integer.parseInt(m.group(1))])));
        }
        return m.appendTail(out).toString();
    }
}
