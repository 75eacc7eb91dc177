package wales.activeoffer.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
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
        Map<String, List<Integer>> columnsByFoldedHeading = new HashMap<>();
        for (int column = 0; column < cells.size(); column++) {
            String folded = Text.fold(cells.get(column));
            columnByFoldedHeading.putIfAbsent(folded, column);
            if (!folded.isEmpty()) {
                columnsByFoldedHeading.computeIfAbsent(folded, h -> new ArrayList<>()).add(column);
            }
        }
        Map<Integer, String> fieldByColumn = new HashMap<>();
        List<String> missing = new ArrayList<>();
        mapping.columns().forEach((field, headings) -> headings.stream()
                .map(h -> columnByFoldedHeading.get(Text.fold(h)))
                .filter(Objects::nonNull)
                .filter(column -> !fieldByColumn.containsKey(column))
                .findFirst()
                .ifPresentOrElse(column -> fieldByColumn.put(column, field), () -> missing.add(field)));
        Map<String, Map<Integer, String>> groups = new LinkedHashMap<>();
        if (mapping.groups() != null) {
            Set<String> foundInAGroup = new HashSet<>();
            for (String group : mapping.groups().each()) {
                Map<Integer, String> columns = new LinkedHashMap<>();
                mapping.groups().columns().keySet().forEach(field -> mapping.groups().headings(field, group).stream()
                        .map(h -> columnByFoldedHeading.get(Text.fold(h))).filter(Objects::nonNull)
                        .filter(column -> !fieldByColumn.containsKey(column)).findFirst().ifPresent(column -> {
                            columns.put(column, field);
                            fieldByColumn.put(column, field);
                            foundInAGroup.add(field);
                        }));
                if (!columns.isEmpty()) {
                    groups.put(group, Map.copyOf(columns));
                }
            }
            mapping.groups().columns().keySet().stream().filter(field -> !foundInAGroup.contains(field))
                    .forEach(missing::add);
        }
        Map<Integer, String> headings = new HashMap<>();
        fieldByColumn.keySet().forEach(column -> headings.put(column, Text.plainSpaces(cells.get(column)).strip()));
        Map<String, List<Integer>> repeated = new HashMap<>();
        fieldByColumn.forEach((column, field) -> {
            List<Integer> same = columnsByFoldedHeading.getOrDefault(Text.fold(cells.get(column)), List.of());
            if (same.size() > 1) {
                repeated.put(field, List.copyOf(same));
            }
        });
        return new HeaderMatch(mapping, Map.copyOf(fieldByColumn), List.copyOf(missing), Map.copyOf(headings),
                Map.copyOf(repeated), groups);
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
