package wales.activeoffer.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up a source value (a code, a label in either language or a synonym) in one code list. A file repeats the same
 * few spellings on every row, so each spelling is folded once: up to {@value #REMEMBERED} of them are remembered.
 */
public final class CodeList {
    private static final int REMEMBERED = 4_096;
    private final String name;
    private final Map<String, String> codeByFoldedSpelling;
    private final Remembered<Optional<String>> codeOfSpelling;
    private final List<String> labels;
    private final List<String> welshLabels;
    private final List<String> bilingualLabels;

    public CodeList(String name, List<CodeDefinition> codes, Map<String, List<String>> extraSynonyms) {
        this.name = name;
        Map<String, String> spellings = new HashMap<>();
        for (CodeDefinition code : codes) {
            spellings.put(Text.fold(code.code()), code.code());
            spellings.put(Text.fold(code.en()), code.code());
            spellings.put(Text.fold(code.cy()), code.code());
            spellings.put(Text.fold(bilingual(code)), code.code());
            code.synonyms().forEach(synonym -> spellings.put(Text.fold(synonym), code.code()));
        }
        extraSynonyms.forEach((code, synonyms) -> {
            if (codes.stream().noneMatch(c -> c.code().equals(code))) {
                throw new IllegalArgumentException("code list " + name + " has no code '" + code + "'");
            }
            synonyms.forEach(synonym -> spellings.put(Text.fold(synonym), code));
        });
        this.codeByFoldedSpelling = Map.copyOf(spellings);
        this.codeOfSpelling = new Remembered<>(REMEMBERED,
                raw -> Optional.ofNullable(codeByFoldedSpelling.get(Text.fold(raw))));
        this.labels = codes.stream().map(CodeDefinition::en).toList();
        this.welshLabels = codes.stream().map(CodeDefinition::cy).toList();
        this.bilingualLabels = codes.stream().map(CodeList::bilingual).toList();
    }

    /** A code's label in both languages, as the recording template's drop-down lists give it: "Yes / Ie". */
    public static String bilingual(CodeDefinition code) {
        return code.en() + " / " + code.cy();
    }

    /** The codes' labels in the given language ({@code cy} for Welsh, anything else English), in the template's order. */
    public List<String> labels(String language) {
        return "cy".equals(language) ? welshLabels : labels;
    }

    /** The codes' bilingual labels ({@link #bilingual}), in the template's order. */
    public List<String> bilingualLabels() {
        return bilingualLabels;
    }

    /** The codes' English labels, in the template's order: what a receipt says is allowed. */
    public List<String> labels() {
        return labels;
    }

    public String name() {
        return name;
    }

    public Optional<String> lookup(String raw) {
        return raw == null ? Optional.ofNullable(codeByFoldedSpelling.get(Text.fold(null))) : codeOfSpelling.of(raw);
    }
}
