package wales.activeoffer.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks up a source value (a code, a label in either language or a synonym) in one code list. */
public final class CodeList {
    private final String name;
    private final Map<String, String> codeByFoldedSpelling;
    private final List<String> labels;

    public CodeList(String name, List<CodeDefinition> codes, Map<String, List<String>> extraSynonyms) {
        this.name = name;
        Map<String, String> spellings = new HashMap<>();
        for (CodeDefinition code : codes) {
            spellings.put(Text.fold(code.code()), code.code());
            spellings.put(Text.fold(code.en()), code.code());
            spellings.put(Text.fold(code.cy()), code.code());
            code.synonyms().forEach(synonym -> spellings.put(Text.fold(synonym), code.code()));
        }
        extraSynonyms.forEach((code, synonyms) -> {
            if (codes.stream().noneMatch(c -> c.code().equals(code))) {
                throw new IllegalArgumentException("code list " + name + " has no code '" + code + "'");
            }
            synonyms.forEach(synonym -> spellings.put(Text.fold(synonym), code));
        });
        this.codeByFoldedSpelling = Map.copyOf(spellings);
        this.labels = codes.stream().map(CodeDefinition::en).toList();
    }

    /** The codes' English labels, in the template's order: what a receipt says is allowed. */
    public List<String> labels() {
        return labels;
    }

    public String name() {
        return name;
    }

    public Optional<String> lookup(String raw) {
        return Optional.ofNullable(codeByFoldedSpelling.get(Text.fold(raw)));
    }
}
