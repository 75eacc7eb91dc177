package wales.activeoffer.read;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import wales.activeoffer.template.Text;

/**
 * Which sheets of a workbook a mapping reads: by default every visible sheet; with patterns, the matching ones
 * ({@code *} any text, {@code ?} one character, case and spacing ignored). A hidden sheet is read only when a pattern
 * without wildcards names it exactly.
 */
public record SheetSelection(List<String> patterns) implements Predicate<SheetInfo> {

    @Override
    public boolean test(SheetInfo sheet) {
        if (patterns.isEmpty()) {
            return !sheet.hidden();
        }
        String name = Text.fold(sheet.name());
        return patterns.stream().anyMatch(pattern -> {
            boolean wildcard = pattern.contains("*") || pattern.contains("?");
            if (!wildcard) {
                return Text.fold(pattern).equals(name);
            }
            return !sheet.hidden() && glob(pattern).matcher(name).matches();
        });
    }

    /** Whether a text matches a pattern ({@code *} and {@code ?} wildcards), case, spacing and punctuation ignored. */
    static boolean matches(String pattern, String text) {
        return glob(pattern).matcher(Text.fold(text)).matches();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        // private-use characters stand for the wildcards while folding: control characters would be trimmed away
        for (String part : Text.fold(pattern.replace("*", "\uE000").replace("?", "\uE001")).split("")) {
            regex.append(switch (part) {
                case "\uE000" -> ".*";
                case "\uE001" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString());
    }
}
