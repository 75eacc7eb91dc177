package wales.activeoffer.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import wales.activeoffer.template.FieldDefinition;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.template.Text;

/** Decides whether a row of cells is the heading row of a mapping's layout. */
public final class HeaderMatcher {
    private final RecordingTemplate template;

    public HeaderMatcher(RecordingTemplate template) {
        this.template = template;
    }

    /** A match only when every field the template requires is found among the cells. */
    public Optional<HeaderMatch> match(SourceMapping mapping, List<String> cells) {
        Map<String, Integer> columnByFoldedHeading = new HashMap<>();
        for (int column = 0; column < cells.size(); column++) {
            columnByFoldedHeading.putIfAbsent(Text.fold(cells.get(column)), column);
        }
        Map<Integer, String> fieldByColumn = new HashMap<>();
        List<String> missing = new ArrayList<>();
        mapping.columns().forEach((field, headings) -> headings.stream()
                .map(h -> columnByFoldedHeading.get(Text.fold(h)))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .ifPresentOrElse(column -> fieldByColumn.put(column, field), () -> missing.add(field)));
        boolean everyRequiredFound = template.requiredFields().stream().map(FieldDefinition::name)
                .allMatch(fieldByColumn::containsValue);
        return everyRequiredFound ? Optional.of(new HeaderMatch(mapping, Map.copyOf(fieldByColumn), List.copyOf(missing)))
                : Optional.empty();
    }
}
