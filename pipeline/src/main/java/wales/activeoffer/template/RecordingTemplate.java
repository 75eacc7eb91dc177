package wales.activeoffer.template;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The national Active Offer Recording Template, loaded from {@code mappings/template/active-offer-template-v2.yaml}.
 * The document is the source of truth: fields, code lists and rule messages are read from it, never from code.
 */
public record RecordingTemplate(
        int version,
        List<FieldDefinition> fields,
        @JsonProperty("codeLists") Map<String, List<CodeDefinition>> codeLists,
        List<RuleDefinition> rules,
        @JsonProperty("fileRules") List<FileRuleDefinition> fileRules) {

    public static final String FILE_NAME = "active-offer-template-v2.yaml";

    public static RecordingTemplate load(Path file) {
        try {
            return yamlMapper().readValue(file.toFile(), RecordingTemplate.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot read the recording template " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    public static YAMLMapper yamlMapper() {
        return YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<FieldDefinition> requiredFields() {
        return fields.stream().filter(FieldDefinition::required).toList();
    }

    public RuleDefinition rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The template defines no rule " + id));
    }

    public FileRuleDefinition fileRule(String id) {
        return fileRules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The template defines no file rule " + id));
    }

    public CodeList codeList(String name, Map<String, List<String>> extraSynonyms) {
        List<CodeDefinition> codes = codeLists.get(name);
        if (codes == null) {
            throw new IllegalArgumentException("The template defines no code list " + name);
        }
        return new CodeList(name, codes, extraSynonyms);
    }

    public CodeList codeList(String name) {
        return codeList(name, Map.of());
    }
}
