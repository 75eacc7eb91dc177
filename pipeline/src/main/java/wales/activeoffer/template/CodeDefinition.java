package wales.activeoffer.template;

import java.util.List;

/** One value of a code list, with its English and Welsh labels and the spellings sources use for it. */
public record CodeDefinition(String code, String en, String cy, List<String> synonyms) {
    public CodeDefinition {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }
}
