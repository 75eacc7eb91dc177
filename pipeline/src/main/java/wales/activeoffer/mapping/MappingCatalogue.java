package wales.activeoffer.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import wales.activeoffer.template.FieldDefinition;
import wales.activeoffer.template.RecordingTemplate;

/** Every mapping in {@code mappings/layouts/}, checked against the template when loaded. */
public final class MappingCatalogue {
    private static final Set<String> FORMATS = Set.of("csv", "xlsx");
    private final List<SourceMapping> mappings;

    private MappingCatalogue(List<SourceMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public static MappingCatalogue load(Path directory, RecordingTemplate template) {
        try (Stream<Path> files = Files.list(directory)) {
            List<SourceMapping> mappings = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                mappings.add(readAndCheck(file, template));
            }
            if (mappings.isEmpty()) {
                throw new IllegalStateException("No mapping files (*.yaml) found in " + directory);
            }
            return new MappingCatalogue(mappings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list mapping files in " + directory, e);
        }
    }

    static SourceMapping readAndCheck(Path file, RecordingTemplate template) {
        SourceMapping mapping;
        try {
            mapping = RecordingTemplate.yamlMapper().readValue(file.toFile(), SourceMapping.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("Mapping " + file + " is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        List<String> problems = new ArrayList<>();
        if (mapping.id() == null || mapping.id().isBlank()) {
            problems.add("id is missing");
        }
        if (mapping.description() == null || mapping.description().isBlank()) {
            problems.add("description is missing");
        }
        if (!FORMATS.contains(String.valueOf(mapping.format()))) {
            problems.add("format must be one of " + FORMATS + " but is " + mapping.format());
        }
        mapping.columns().keySet().stream().filter(f -> template.field(f).isEmpty())
                .forEach(f -> problems.add("columns." + f + " is not a template field"));
        template.requiredFields().stream().map(FieldDefinition::name)
                .filter(f -> !mapping.columns().containsKey(f))
                .forEach(f -> problems.add("columns." + f + " is required by the template but not mapped"));
        mapping.dateFormats().forEach(p -> {
            try {
                DateTimeFormatter.ofPattern(p);
            } catch (IllegalArgumentException e) {
                problems.add("dateFormats '" + p + "' is not a date pattern: " + e.getMessage());
            }
        });
        if (!Charset.isSupported(mapping.encoding())) {
            problems.add("encoding " + mapping.encoding() + " is not supported");
        }
        mapping.values().forEach((field, synonyms) -> {
            Optional<FieldDefinition> definition = template.field(field);
            if (definition.isEmpty() || definition.get().codeList() == null) {
                problems.add("values." + field + " is not a coded template field");
                return;
            }
            try {
                template.codeList(definition.get().codeList(), synonyms);
            } catch (IllegalArgumentException e) {
                problems.add("values." + field + ": " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Mapping " + file + " is not valid: " + String.join("; ", problems));
        }
        return mapping;
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
