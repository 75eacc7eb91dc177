package wales.activeoffer.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.MeasureAccumulator;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.template.RecordingTemplate;

/**
 * English and Welsh words for what the workbook's rows hold. Statistics, stages, intervals and the statistics'
 * column headings with their units come from
 * {@code mappings/reference/publication-labels.csv}. Refusal reasons, referral sources and eligibility routes come from
 * the template's code lists. Geography names come from the reference data. All of it is data that translators can
 * edit without touching code.
 */
public final class PublicationLabels {
    public static final String FILE_NAME = "publication-labels.csv";
    private static final String NOT_RECORDED = "not_recorded";
    private final Map<String, Label> labels;

    /** A label in both languages. */
    public record Label(String en, String cy) {
    }

    private PublicationLabels(Map<String, Label> labels) {
        this.labels = labels;
    }

    /**
     * @throws IllegalArgumentException naming the file and line of a row without both languages
     */
    public static PublicationLabels load(Path file, RecordingTemplate template, ReferenceData reference) {
        Map<String, Label> labels = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (row.get("en").isBlank() || row.get("cy").isBlank()) {
                    throw new IllegalArgumentException(file + ":" + (row.getRecordNumber() + 1) + ": the label for "
                            + row.get("kind") + " '" + row.get("code") + "' needs both English (en) and Welsh (cy)");
                }
                labels.put(row.get("kind") + ":" + row.get("code"), new Label(row.get("en"), row.get("cy")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the publication labels " + file, e);
        }
        Stream.of("refusal_reason", "referral_source").flatMap(list -> template.codeLists().get(list).stream())
                .forEach(code -> labels.put("category:" + code.code(), new Label(code.en(), code.cy())));
        template.codeLists().get("eligibility_route")
                .forEach(code -> labels.put("route:" + code.code(), new Label(code.en(), code.cy())));
        labels.put("geography:" + MeasureAccumulator.WALES_CODE, new Label("Wales", "Cymru"));
        reference.regions().forEach(r -> labels.put("geography:" + r.code(), new Label(r.nameEn(), r.nameCy())));
        reference.authorities().forEach(a -> labels.put("geography:" + a.onsCode(), new Label(a.nameEn(), a.nameCy())));
        return new PublicationLabels(labels);
    }

    /** The codes of the template's code lists whose categories a plan can combine, with {@code not_recorded}. */
    public static Map<String, Set<String>> categoryCodes(RecordingTemplate template) {
        Map<String, Set<String>> codes = new HashMap<>();
        PublicationPlan.CATEGORY_LISTS.values().forEach(list -> {
            Set<String> inList = new TreeSet<>(List.of(NOT_RECORDED));
            template.codeLists().get(list).forEach(code -> inList.add(code.code()));
            codes.put(list, inList);
        });
        return codes;
    }

    /** Whether a category has words of its own in both languages. */
    public boolean namesCategory(String code) {
        return labels.containsKey("category:" + code);
    }

    /** A refusal reason's, referral source's or response interval's words. */
    public Label category(String code) {
        return label("category", code);
    }

    /** A statistic's words, for example "Meetings held". */
    public Label statistic(String code) {
        return label("statistic", code);
    }

    /** A refusal stage's words, for example "Refused at the offer". */
    public Label stage(String code) {
        return label("stage", code);
    }

    /**
     * A statistic's column heading in a measure's tidy table, with its unit in brackets, for example "Offers
     * (count)"; from the {@code column} rows, coded {@code measure.statistic}.
     */
    public Label column(String measure, String statistic) {
        return label("column", measure + "." + statistic);
    }

    /** An eligibility route's words, for example "All routes". */
    public Label route(String code) {
        return label("route", code);
    }

    public Label geography(String code) {
        return label("geography", code);
    }

    /**
     * What a row holds, in words: the statistic, then the stage and the category or interval where it has them, then
     * the eligibility route.
     */
    public Label describe(AggregateRow row) {
        return joined(label("statistic", row.statistic()), row.stage() == null ? null : label("stage", row.stage()),
                row.category() == null ? null : label("category", row.category()), label("route", row.cell().route()));
    }

    /** The labels given (nulls left out), joined by "; " in each language. */
    private static Label joined(Label... labels) {
        List<Label> parts = Stream.of(labels).filter(Objects::nonNull).toList();
        return new Label(String.join("; ", parts.stream().map(Label::en).toList()),
                String.join("; ", parts.stream().map(Label::cy).toList()));
    }

    /** The label, or the code itself in both languages where none is given, so that nothing is left blank. */
    private Label label(String kind, String code) {
        return labels.getOrDefault(kind + ":" + code, new Label(code, code));
    }
}
