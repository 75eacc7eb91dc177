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
    /** A recording form is recognised by a child found on its first few sheets (a cover or instructions may come first). */
    static final int FORM_SHEETS = SheetPreview.DEEP_SHEETS;
    /**
     * A table's heading row is looked for on the first sheets its mapping chooses, no further: a workbook of a
     * thousand recording forms is not searched a thousand times over for a heading row.
     */
    static final int TABLE_SHEETS = 30;
    /** The most rows the preview of one workbook holds (a few megabytes of text). */
    private static final int PREVIEW_ROWS = 30_000;
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

    /** The language of a layout's files, {@code en} when the catalogue no longer has it. */
    public String languageOf(String mappingId) {
        return catalogue.byId(mappingId).map(SourceMapping::language).orElse("en");
    }

    public DetectedLayout detect(Path file) {
        String format = TabularSources.formatOf(file);
        String fileName = file.getFileName().toString();
        List<SourceMapping> candidates = catalogue.forFormat(format).stream()
                .filter(mapping -> !"fileName".equals(mapping.authorityFrom()) || mapping.fileNamePattern() == null
                        || nameMatches(mapping, fileName))
                .toList();
        List<Probe> probes = new ArrayList<>();
        UnreadableFileException readFailure = null;
        try (SheetPreview preview = "csv".equals(format) || candidates.size() < 2 ? null
                : preview(file, candidates)) {
            for (SourceMapping mapping : candidates) {
                try {
                    probes.add(probe(file, preview, mapping));
                } catch (UnreadableFileException e) {
                    readFailure = e;
                }
            }
        } catch (IOException e) {
            throw UnreadableFileException.cannotReadToTheEnd(e);
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

    /**
     * The top of a workbook for every candidate mapping, read once; {@code null} if it cannot be opened (each mapping
     * then opens it, and says why not).
     */
    private static SheetPreview preview(Path file, List<SourceMapping> candidates) {
        int shallow = candidates.stream().filter(m -> !m.isForm()).mapToInt(LayoutDetector::rowsNeeded).max().orElse(1);
        int deep = Math.max(shallow, candidates.stream().mapToInt(LayoutDetector::rowsNeeded).max().orElse(1));
        try {
            return new SheetPreview(TabularSources.openEverySheet(file), deep, shallow, PREVIEW_ROWS);
        } catch (UnreadableFileException e) {
            return null;
        }
    }

    /** Rows of a sheet a mapping looks at: its heading search (and one more), or a recording form's longest sheet. */
    private static int rowsNeeded(SourceMapping mapping) {
        return mapping.isForm() ? FormRecords.rowLimit(mapping) + 1 : mapping.headerSearchRows() + 1;
    }

    private Probe probe(Path file, SheetPreview preview, SourceMapping mapping) throws IOException {
        int sheets = mapping.isForm() ? FORM_SHEETS : TABLE_SHEETS;
        if (preview != null) {
            try {
                return probe(preview.view(new SheetSelection(mapping.sheets()), rowsNeeded(mapping), sheets), mapping);
            } catch (SheetPreview.Exhausted e) {
                // this mapping looks further than the preview keeps: it reads the file itself
            }
        }
        try (TabularSource source = new FirstSheets(TabularSources.open(file, mapping), sheets)) {
            return probe(source, mapping);
        }
    }

    private Probe probe(TabularSource source, SourceMapping mapping) {
        return mapping.isForm() ? probeForm(source, mapping) : probeTable(source, mapping);
    }

    private Probe probeTable(TabularSource source, SourceMapping mapping) {
        {
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

    private Probe probeForm(TabularSource source, SourceMapping mapping) {
        {
            var first = new FormRecords(source, mapping, Map.of(), matcher.yesNo()).next();
            List<String> required = matcher.requiredFieldsOf(mapping);
            List<String> missing = first == null ? required
                    : required.stream().filter(f -> first.value(f) == null && !first.origins().containsKey(f)).toList();
            int found = first == null ? 0 : (int) mapping.form().fields().keySet().stream()
                    .filter(f -> first.value(f) != null).count();
            return new Probe(mapping, first != null && missing.isEmpty(), found, mapping.form().fields().size(),
                    missing.stream().map(f -> "'" + labelOf(mapping.form().fields().get(f)) + "'").toList(),
                    source.describe() + "; recording form");
        }
    }

    /** A file's chosen sheets up to a number of them: what a recording form is recognised by. */
    private static final class FirstSheets implements TabularSource {
        private final TabularSource source;
        private final int limit;
        private String sheet;
        private int shown;

        FirstSheets(TabularSource source, int limit) {
            this.source = source;
            this.limit = limit;
        }

        @Override
        public List<SheetInfo> sheets() {
            return source.sheets();
        }

        @Override
        public RawRow next() {
            if (shown > limit) {
                return null;
            }
            RawRow row = source.next();
            if (row != null && !row.sheet().equals(sheet)) {
                sheet = row.sheet();
                if (++shown > limit) {
                    return null;
                }
            }
            return row;
        }

        @Override
        public void skipSheet() {
            source.skipSheet();
        }

        @Override
        public String describe() {
            return source.describe();
        }

        @Override
        public void close() throws IOException {
            source.close();
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
