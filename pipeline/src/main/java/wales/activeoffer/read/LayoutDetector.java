package wales.activeoffer.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.google.re2j.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import wales.activeoffer.mapping.HeaderMatch;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.mapping.SourceMapping.FormField;
import wales.activeoffer.template.Text;

/**
 * Recognises which mapping a file was written in, by its content: each mapping of the file's format looks for its
 * heading row (or, for a recording form, its labels) near the top of the file. The mapping that recognises the most
 * columns wins; between equal scores, a mapping whose {@code fileNamePattern} matches the file name wins; a tie left
 * after that is ambiguous. A mapping that takes the authority from the file name only considers files its pattern
 * matches. When nothing matches, the message names the closest layouts, the headings they missed, and the cell
 * that was probably meant ("did you mean").
 */
public final class LayoutDetector {
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(4);
    private static final int CLOSEST_SHOWN = 2;
    private final MappingCatalogue catalogue;
    private final HeaderMatcher matcher;

    public LayoutDetector(MappingCatalogue catalogue, HeaderMatcher matcher) {
        this.catalogue = catalogue;
        this.matcher = matcher;
    }

    /** How one mapping fared against the file. */
    record Probe(SourceMapping mapping, boolean matched, int score, int possible, List<String> missing,
            String description) {
    }

    public DetectedLayout detect(Path file) {
        String format = TabularSources.formatOf(file);
        String fileName = file.getFileName().toString();
        List<Probe> probes = new ArrayList<>();
        UnreadableFileException readFailure = null;
        for (SourceMapping mapping : catalogue.forFormat(format)) {
            if ("fileName".equals(mapping.authorityFrom()) && mapping.fileNamePattern() != null
                    && !nameMatches(mapping, fileName)) {
                continue;
            }
            try {
                probes.add(mapping.isForm() ? probeForm(file, mapping) : probeTable(file, mapping));
            } catch (UnreadableFileException e) {
                readFailure = e;
            }
        }
        Comparator<Probe> ranking = Comparator.comparingInt(Probe::score)
                .thenComparing(p -> nameMatches(p.mapping(), fileName)).reversed();
        List<Probe> matched = probes.stream().filter(Probe::matched).sorted(ranking).toList();
        if (!matched.isEmpty()) {
            if (matched.size() > 1 && ranking.compare(matched.get(0), matched.get(1)) == 0) {
                throw new UnreadableFileException("AO-F02", "the file fits two layouts equally well ("
                        + matched.get(0).mapping().name() + " and " + matched.get(1).mapping().name()
                        + "); ask for the mappings to be told apart");
            }
            Probe best = matched.get(0);
            return new DetectedLayout(best.mapping(), best.score(), best.description());
        }
        if (probes.isEmpty() && readFailure != null) {
            throw readFailure;
        }
        throw new UnreadableFileException("AO-F02", closest(format, probes));
    }

    private static boolean nameMatches(SourceMapping mapping, String fileName) {
        return mapping.fileNamePattern() != null && Pattern.compile(mapping.fileNamePattern()).matcher(fileName).find();
    }

    private String closest(String format, List<Probe> probes) {
        if (probes.isEmpty()) {
            return "no " + format + " layout is known for a file named like this";
        }
        return "no " + format + " layout recognised its headings. Closest: " + probes.stream()
                .sorted(Comparator.comparingInt(Probe::score).reversed()).limit(CLOSEST_SHOWN)
                .map(p -> p.mapping().name() + " (found " + p.score() + " of " + p.possible() + "; missing "
                        + String.join(", ", p.missing()) + ")")
                .collect(Collectors.joining("; "));
    }

    private Probe probeTable(Path file, SourceMapping mapping) {
        try (TabularSource source = TabularSources.open(file, mapping)) {
            HeaderMatch best = null;
            List<String> bestCells = List.of();
            RawRow previous = null;
            String sheet = null;
            int searched = 0;
            for (RawRow row = source.next(); row != null; row = source.next()) {
                if (!row.sheet().equals(sheet)) {
                    if (sheet != null && best != null && best.score() > 0) {
                        break;
                    }
                    sheet = row.sheet();
                    searched = 0;
                    previous = null;
                }
                if (++searched > mapping.headerSearchRows()) {
                    source.skipSheet();
                    continue;
                }
                Optional<HeaderMatch> match = TableRecords.headingOf(mapping, matcher, previous, row);
                if (match.isPresent()) {
                    return new Probe(mapping, true, match.get().score(), mapping.columns().size(), List.of(),
                            source.describe());
                }
                List<String> cells = mapping.headerRows() > 1 && previous != null
                        ? TableRecords.combined(previous, row) : row.cells();
                HeaderMatch comparison = matcher.compare(mapping, cells);
                if (best == null || comparison.score() > best.score()) {
                    best = comparison;
                    bestCells = cells;
                }
                previous = row;
            }
            List<String> missing = best == null ? List.of("every heading")
                    : describeMissing(mapping, matcher.missingRequired(best), bestCells);
            return new Probe(mapping, false, best == null ? 0 : best.score(), mapping.columns().size(), missing,
                    source.describe());
        } catch (IOException e) {
            throw UnreadableFileException.cannotReadToTheEnd(e);
        }
    }

    /** Each missing heading as the mapping names it, with the nearest cell on the row if it is a near miss. */
    private static List<String> describeMissing(SourceMapping mapping, List<String> fields, List<String> cells) {
        List<String> described = new ArrayList<>();
        for (String field : fields) {
            String expected = mapping.columns().containsKey(field) ? mapping.columns().get(field).get(0)
                    : mapping.groups().headings(field, mapping.groups().each().isEmpty() ? "1"
                            : mapping.groups().each().get(0)).get(0);
            Optional<String> nearest = cells.stream().filter(c -> c != null && !c.isBlank())
                    .filter(c -> {
                        Integer distance = DISTANCE.apply(Text.fold(expected), Text.fold(c));
                        return distance >= 0 && distance <= Math.max(2, expected.length() / 4);
                    })
                    .findFirst();
            described.add("'" + expected + "'" + nearest.map(n -> " (did you mean '" + n.trim() + "'?)").orElse(""));
        }
        return described;
    }

    private Probe probeForm(Path file, SourceMapping mapping) {
        try (SourceRecords records = SourceRecords.open(file, mapping, matcher, Map.of(), 0);
                TabularSource description = TabularSources.open(file, mapping)) {
            var first = records.next();
            List<String> required = matcher.requiredFieldsOf(mapping);
            List<String> missing = first == null ? required
                    : required.stream().filter(f -> first.value(f) == null && !first.origins().containsKey(f)).toList();
            int found = first == null ? 0 : (int) mapping.form().fields().keySet().stream()
                    .filter(f -> first.value(f) != null).count();
            return new Probe(mapping, first != null && missing.isEmpty(), found, mapping.form().fields().size(),
                    missing.stream().map(f -> "'" + labelOf(mapping.form().fields().get(f)) + "'").toList(),
                    description.describe() + "; recording form");
        } catch (IOException e) {
            throw UnreadableFileException.cannotReadToTheEnd(e);
        }
    }

    private static String labelOf(FormField field) {
        if (field == null) {
            return "?";
        }
        if (!field.labels().isEmpty()) {
            return field.labels().get(0);
        }
        return String.join("/", (field.ticks().isEmpty() ? field.questions() : field.ticks()).keySet());
    }
}
