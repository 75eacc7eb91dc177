package wales.activeoffer.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.template.FieldDefinition;
import wales.activeoffer.template.RecordingTemplate;

/**
 * Every mapping in {@code mappings/layouts/}, each checked against the mapping schema (the keys and values
 * {@link SourceMapping} allows) and against the template. Every problem names its file, line and key.
 */
public final class MappingCatalogue {
    private static final Set<String> FORMATS = Set.of("csv", "xlsx", "xls");
    private static final Set<String> LAYOUTS = Set.of("table", "form");
    private static final Set<String> AUTHORITY_FROM = Set.of("column", "fileName", "folder");
    private static final Set<String> LANGUAGES = Set.of("en", "cy");
    private static final Set<String> SEVERAL = Set.of("none", "first");
    private static final Pattern COLUMN_LETTERS = Pattern.compile("[A-Za-z]{1,3}");
    private final List<SourceMapping> mappings;

    private MappingCatalogue(List<SourceMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /** Loads every mapping, or throws {@link InvalidMappingsException} listing every problem in every file. */
    public static MappingCatalogue load(Path directory, RecordingTemplate template) {
        List<SourceMapping> mappings = new ArrayList<>();
        List<MappingProblem> problems = check(directory, template, mappings);
        if (!problems.isEmpty()) {
            throw new InvalidMappingsException(problems);
        }
        return new MappingCatalogue(mappings);
    }

    /** Checks every mapping file in {@code directory}; the valid ones are added to {@code valid}. */
    public static List<MappingProblem> check(Path directory, RecordingTemplate template, List<SourceMapping> valid) {
        List<MappingProblem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list mapping files in " + directory, e);
        }
        if (files.isEmpty()) {
            problems.add(new MappingProblem(directory, 0, "(folder)", "no mapping files (*.yaml) found"));
        }
        Optional<ReferenceData> reference = authorities(directory);
        Map<String, Path> fileById = new HashMap<>();
        for (Path file : files) {
            List<MappingProblem> fileProblems = new ArrayList<>();
            Optional<SourceMapping> mapping = readAndCheck(file, template, reference, fileProblems);
            mapping.ifPresent(m -> {
                Path other = fileById.putIfAbsent(m.id(), file);
                if (other != null) {
                    fileProblems.add(new MappingProblem(file, new YamlLines(file).line("id"), "id",
                            "'" + m.id() + "' is already the id of " + other.getFileName()));
                }
            });
            if (fileProblems.isEmpty()) {
                mapping.ifPresent(valid::add);
            }
            problems.addAll(fileProblems);
        }
        return problems;
    }

    static Optional<SourceMapping> readAndCheck(Path file, RecordingTemplate template,
            Optional<ReferenceData> reference, List<MappingProblem> problems) {
        SourceMapping mapping;
        try {
            mapping = RecordingTemplate.yamlMapper().readValue(file.toFile(), SourceMapping.class);
        } catch (JacksonException e) {
            String key = e.getPath().stream().map(ref -> ref.getPropertyName() != null ? ref.getPropertyName()
                    : String.valueOf(ref.getIndex())).reduce((a, b) -> a + "." + b).orElse("(file)");
            int line = new YamlLines(file).lineOf(key).orElse(e.getLocation() == null ? 0 : e.getLocation().getLineNr());
            problems.add(new MappingProblem(file, line, key, e.getOriginalMessage()));
            return Optional.empty();
        }
        new Checks(file, mapping, template, reference, problems).run();
        return Optional.of(mapping);
    }

    /**
     * The authorities of the reference data beside the mappings folder ({@code ../reference/}), to check a fixed
     * authority against; without that folder any fixed authority is taken on trust here and checked when a file
     * arrives.
     */
    private static Optional<ReferenceData> authorities(Path layoutsFolder) {
        Path reference = layoutsFolder.toAbsolutePath().resolveSibling("reference");
        return Files.exists(reference.resolve("authorities.csv")) ? Optional.of(ReferenceData.load(reference))
                : Optional.empty();
    }

    /** The semantic checks: what the binder alone cannot tell. */
    private record Checks(Path file, SourceMapping mapping, RecordingTemplate template,
            Optional<ReferenceData> reference, List<MappingProblem> problems) {

        void problem(YamlLines lines, String key, String text) {
            problems.add(new MappingProblem(file, lines.line(key), key, text));
        }

        void run() {
            YamlLines lines = new YamlLines(file);
            if (mapping.id() == null || mapping.id().isBlank()) {
                problem(lines, "id", "is missing");
            }
            if (mapping.description() == null || mapping.description().isBlank()) {
                problem(lines, "description", "is missing");
            }
            if (!FORMATS.contains(String.valueOf(mapping.format()))) {
                problem(lines, "format", "must be one of " + FORMATS + " but is " + mapping.format());
            }
            if (!LAYOUTS.contains(mapping.layout())) {
                problem(lines, "layout", "must be one of " + LAYOUTS + " but is " + mapping.layout());
            }
            if (!AUTHORITY_FROM.contains(mapping.authorityFrom())) {
                problem(lines, "authorityFrom", "must be one of " + AUTHORITY_FROM + " but is " + mapping.authorityFrom());
            }
            if (mapping.headerRows() < 1 || mapping.headerRows() > 2) {
                problem(lines, "headerRows", "must be 1 or 2");
            }
            if (mapping.headerSearchRows() < 1 || mapping.headerSearchRows() > 1000) {
                problem(lines, "headerSearchRows", "must be from 1 to 1000");
            }
            checkFileNamePattern(lines);
            if (!LANGUAGES.contains(mapping.language())) {
                problem(lines, "language", "must be en or cy but is " + mapping.language());
            }
            checkFixedAuthority(lines);
            if (mapping.isForm()) {
                checkForm(lines);
            } else {
                checkColumns(lines);
            }
            mapping.dateFormats().forEach(p -> {
                try {
                    DateTimeFormatter.ofPattern(p);
                } catch (IllegalArgumentException e) {
                    problem(lines, "dateFormats", "'" + p + "' is not a date pattern: " + e.getMessage());
                }
            });
            if (!Set.of("refuse", "first").contains(mapping.repeatedHeadings())) {
                problem(lines, "repeatedHeadings", "must be refuse or first but is " + mapping.repeatedHeadings());
            }
            mapping.pageTitles().forEach(pattern -> {
                if (pattern == null || pattern.replace("*", "").replace("?", "").isBlank()) {
                    problem(lines, "pageTitles", "'" + pattern + "' would match any row: write the words the title "
                            + "line starts with, for example 'Active Offer report*'");
                }
            });
            if (!"auto".equalsIgnoreCase(mapping.encoding()) && !Charset.isSupported(mapping.encoding())) {
                problem(lines, "encoding", mapping.encoding() + " is not a supported encoding");
            }
            if (!"auto".equalsIgnoreCase(mapping.delimiter()) && mapping.delimiter().length() != 1
                    && !Set.of("\\t", "tab").contains(mapping.delimiter())) {
                problem(lines, "delimiter", "must be one character, 'tab' or 'auto'");
            }
            mapping.values().forEach((field, synonyms) -> {
                Optional<FieldDefinition> definition = template.field(field);
                if (definition.isEmpty() || definition.get().codeList() == null) {
                    problem(lines, "values." + field, "is not a coded template field");
                    return;
                }
                try {
                    template.codeList(definition.get().codeList(), synonyms);
                } catch (IllegalArgumentException e) {
                    problem(lines, "values." + field, e.getMessage());
                }
            });
        }

        private void checkFixedAuthority(YamlLines lines) {
            if (mapping.authority() == null) {
                return;
            }
            String fixed = mapping.fixedAuthority();
            if (fixed == null || fixed.isBlank()) {
                problem(lines, "authority.fixed", "is missing: write authority: {fixed: W06000013} with the "
                        + "authority's ONS code");
            } else if (!"column".equals(mapping.authorityFrom())) {
                problem(lines, "authority.fixed", "cannot be used with authorityFrom: " + mapping.authorityFrom()
                        + "; use one or the other");
            } else if (mapping.columns().containsKey("authority")) {
                problem(lines, "authority.fixed", "cannot be used with columns.authority; use one or the other");
            } else {
                reference.ifPresent(r -> {
                    List<String> candidates = r.authorities(fixed).stream().map(a -> a.nameEn()).toList();
                    if (candidates.isEmpty()) {
                        problem(lines, "authority.fixed", "'" + fixed + "' is not an authority's ONS code, name or "
                                + "abbreviation (mappings/reference/authorities.csv)");
                    } else if (candidates.size() > 1) {
                        problem(lines, "authority.fixed", "'" + fixed + "' could be " + String.join(" or ", candidates)
                                + "; use the ONS code");
                    }
                });
            }
        }

        private void checkFileNamePattern(YamlLines lines) {
            if (mapping.fileNamePattern() == null) {
                return;
            }
            try {
                Pattern pattern = Pattern.compile(mapping.fileNamePattern());
                if ("fileName".equals(mapping.authorityFrom()) && !pattern.pattern().contains("(?<authority>")
                        && !pattern.pattern().contains("(?<period>")) {
                    problem(lines, "fileNamePattern", "needs a group (?<authority>...) when authorityFrom is fileName");
                }
            } catch (PatternSyntaxException e) {
                problem(lines, "fileNamePattern", "is not a regular expression this pipeline can run in linear time "
                        + "(RE2 syntax: no back-references or look-arounds): " + e.getDescription());
            }
        }

        private void checkColumns(YamlLines lines) {
            mapping.columns().keySet().stream().filter(f -> template.field(f).isEmpty())
                    .forEach(f -> problem(lines, "columns." + f, "is not a template field"));
            mapping.columns().forEach((field, headings) -> {
                if (headings == null || headings.isEmpty()) {
                    problem(lines, "columns." + field, "needs at least one heading");
                }
            });
            SourceMapping.GroupSpec groups = mapping.groups();
            if (groups != null) {
                if (groups.each().isEmpty()) {
                    problem(lines, "groups.each", "needs the groups' numbers or names, for example [1, 2, 3]");
                }
                if (groups.columns().isEmpty()) {
                    problem(lines, "groups.columns", "needs the fields of a group, with their headings");
                }
                groups.columns().forEach((field, headings) -> {
                    if (template.field(field).isEmpty()) {
                        problem(lines, "groups.columns." + field, "is not a template field");
                    } else if (mapping.columns().containsKey(field)) {
                        problem(lines, "groups.columns." + field, "is in columns too; a field is the row's own or a "
                                + "group's, not both");
                    } else if (headings == null || headings.isEmpty() || headings.stream()
                            .anyMatch(h -> h == null || !h.contains(SourceMapping.GroupSpec.PLACEHOLDER))) {
                        problem(lines, "groups.columns." + field, "needs headings with {n} where the group's number "
                                + "or name is, for example 'Offer {n} date'");
                    }
                });
            }
            requiredFields().stream().filter(f -> !mapping.columns().containsKey(f)
                    && (groups == null || !groups.columns().containsKey(f)))
                    .forEach(f -> problem(lines, "columns", f + " is required by the template but not mapped"));
        }

        private void checkForm(YamlLines lines) {
            if (mapping.form() == null) {
                problem(lines, "form", "is needed when layout is form");
                return;
            }
            if (mapping.form().maxRows() < 1 || mapping.form().maxRows() > 5_000) {
                problem(lines, "form.maxRows", "must be from 1 to 5000");
            }
            mapping.form().fields().forEach((field, spec) -> {
                String key = "form.fields." + field;
                if (template.field(field).isEmpty()) {
                    problem(lines, key, "is not a template field");
                } else if (spec == null || spec.labels().isEmpty() && spec.ticks().isEmpty()
                        && spec.questions().isEmpty()) {
                    problem(lines, key, "needs labels, ticks or questions");
                } else {
                    checkFormField(lines, field, key, spec);
                }
            });
            requiredFields().stream().filter(f -> !mapping.form().fields().containsKey(f))
                    .forEach(f -> problem(lines, "form.fields", f + " is required by the template but not mapped"));
        }

        private void checkFormField(YamlLines lines, String field, String key, SourceMapping.FormField spec) {
            if (!Set.of("right", "below").contains(spec.value())) {
                problem(lines, key + ".value", "must be right or below");
            }
            if (spec.offset() != null && (spec.offset() < 1 || spec.offset() > 50)) {
                problem(lines, key + ".offset", "must be from 1 to 50 (cells from the label to its value)");
            }
            if (spec.column() != null) {
                if (!COLUMN_LETTERS.matcher(spec.column()).matches()) {
                    problem(lines, key + ".column", "must be a column letter such as D, but is '" + spec.column() + "'");
                } else if ("below".equals(spec.value()) || spec.offset() != null) {
                    problem(lines, key + ".column", "cannot be used with value: below or offset; use one of them");
                }
            }
            if (!SEVERAL.contains(spec.several())) {
                problem(lines, key + ".several", "must be none or first but is " + spec.several());
            }
            int kinds = (spec.labels().isEmpty() ? 0 : 1) + (spec.ticks().isEmpty() ? 0 : 1)
                    + (spec.questions().isEmpty() ? 0 : 1);
            if (kinds > 1) {
                problem(lines, key, "has more than one of labels, ticks and questions; use one");
            }
            Map<String, List<String>> answers = spec.questions().isEmpty() ? spec.ticks() : spec.questions();
            String kind = spec.questions().isEmpty() ? ".ticks" : ".questions";
            FieldDefinition definition = template.field(field).orElseThrow();
            if (!answers.isEmpty() && definition.codeList() == null && !"yes_no".equals(definition.type())) {
                problem(lines, key + kind, "can only be used for a coded field, and " + field + " is not one");
            } else if (!answers.isEmpty()) {
                String list = definition.codeList() == null ? "yes_no" : definition.codeList();
                answers.forEach((code, questionLabels) -> {
                    if (template.codeLists().get(list).stream().noneMatch(c -> c.code().equals(code))) {
                        problem(lines, key + kind + "." + code, "is not a code of " + list + "; the codes are "
                                + template.codeLists().get(list).stream().map(c -> c.code()).toList());
                    } else if (questionLabels == null || questionLabels.isEmpty()) {
                        problem(lines, key + kind + "." + code, "needs at least one label");
                    }
                });
            }
        }

        private List<String> requiredFields() {
            return template.requiredFields().stream().map(FieldDefinition::name)
                    .filter(f -> !mapping.fieldsFromFile().contains(f)).toList();
        }
    }

    public List<SourceMapping> mappings() {
        return mappings;
    }

    public List<SourceMapping> forFormat(String format) {
        return mappings.stream().filter(m -> m.format().equals(format)).toList();
    }

    public Optional<SourceMapping> byId(String id) {
        return mappings.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
