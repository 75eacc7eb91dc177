package wales.activeoffer.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import wales.activeoffer.support.RepoPaths;

/** The template document and the code agree: every rule the code applies is documented, and vice versa. */
class RecordingTemplateTests {
    private static final Pattern RULE_ID = Pattern.compile("\"(AO-F?\\d{2,3})\"");
    private final RecordingTemplate template = RepoPaths.template();

    @Test
    void everyDocumentedRuleIsAppliedByTheCodeAndEveryAppliedRuleIsDocumented() throws IOException {
        Set<String> inCode = ruleIdsUsedIn(RepoPaths.root().resolve("pipeline/src/main/java"));
        Set<String> documented = Stream.concat(template.rules().stream().map(RuleDefinition::id),
                template.fileRules().stream().map(FileRuleDefinition::id)).collect(Collectors.toSet());
        assertThat(inCode).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void everyRuleIsDescribedInTheTemplateReadme() throws IOException {
        String readme = Files.readString(RepoPaths.mappings().resolve("template/README.md"));
        template.rules().forEach(rule -> assertThat(readme).as(rule.id()).contains(rule.id()));
        template.fileRules().forEach(rule -> assertThat(readme).as(rule.id()).contains(rule.id()));
    }

    @Test
    void ruleIdsAreUniqueAndMessagesPresent() {
        assertThat(template.rules()).extracting(RuleDefinition::id).doesNotHaveDuplicates();
        template.rules().forEach(rule -> {
            assertThat(rule.message()).as(rule.id()).isNotBlank();
            assertThat(rule.severity()).as(rule.id()).isNotNull();
        });
    }

    @Test
    void everyCodedFieldNamesAnExistingCodeList() {
        template.fields().stream().filter(f -> f.codeList() != null)
                .forEach(f -> assertThat(template.codeLists()).as(f.name()).containsKey(f.codeList()));
    }

    private static Set<String> ruleIdsUsedIn(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    Matcher matcher = RULE_ID.matcher(Files.readString(p));
                    return matcher.results().map(m -> m.group(1)).toList().stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
    }
}
