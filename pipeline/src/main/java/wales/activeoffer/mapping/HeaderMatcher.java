package wales.activeoffer.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import wales.activeoffer.template.CodeList;
import wales.activeoffer.template.FieldDefinition;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.template.Text;

/** Decides whether a row of cells is the heading row of a mapping's layout. */
public final class HeaderMatcher {
    private final RecordingTemplate template;

    public HeaderMatcher(RecordingTemplate template) {
        this.template = template;
    }

    /** How a row compares with a mapping's headings: which columns it found, which it did not. */
    public HeaderMatch compare(SourceMapping mapping, List<String> cells) {
        Map<String, Integer> columnByFoldedHeading = new HashMap<>();
        for (int column = 0; column < cells.size(); column++) {
            columnByFoldedHeading.putIfAbsent(Text.fold(cells.get(column)), column);
        }
        Map<Integer, String> fieldByColumn = new HashMap<>();
        List<String> missing = new ArrayList<>();
        mapping.columns().forEach((field, headings) -> headings.stream()
                .map(h -> columnByFoldedHeading.get(Text.fold(h)))
                .filter(Objects::nonNull)
                .filter(column -> !fieldByColumn.containsKey(column))
                .findFirst()
                .ifPresentOrElse(column -> fieldByColumn.put(column, field), () -> missing.add(field)));
        Map<Integer, String> headings = new HashMap<>();
        fieldByColumn.keySet().forEach(column -> headings.put(column, Text.plainSpaces(cells.get(column)).strip()));
        return new HeaderMatch(mapping, Map.copyOf(fieldByColumn), List.copyOf(missing), Map.copyOf(headings));
    }

    /** A match only when every field the template requires is found among the cells (or comes from the file). */
    public Optional<HeaderMatch> match(SourceMapping mapping, List<String> cells) {
        HeaderMatch comparison = compare(mapping, cells);
        return missingRequired(comparison).isEmpty() ? Optional.of(comparison) : Optional.empty();
    }

    /** The template's yes/no answers (Yes, Do, Ie, ✓ ... / No, Naddo, Na ...), for forms that ask yes/no questions. */
    public CodeList yesNo() {
        return template.codeList("yes_no");
    }

    /** The fields the template requires that this layout must find in the file itself. */
    public List<String> requiredFieldsOf(SourceMapping mapping) {
        return template.requiredFields().stream().map(FieldDefinition::name)
                .filter(field -> !mapping.fieldsFromFile().contains(field)).toList();
    }

    /** The required fields whose heading the row lacks. */
    public List<String> missingRequired(HeaderMatch comparison) {
        return template.requiredFields().stream().map(FieldDefinition::name)
                .filter(field -> !comparison.mapping().fieldsFromFile().contains(field))
                .filter(comparison.missingFields()::contains)
                .toList();
    }
}
