package wales.activeoffer.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import wales.activeoffer.support.RepoPaths;

/** The protection is one mechanism in one package, which the measures do not depend on. */
class DisclosureImportsTests {
    private static final Path SOURCES = RepoPaths.root().resolve("pipeline/src/main/java/wales/activeoffer");

    @Test
    void theMeasuresImportNothingFromDisclosureAndDisclosureOnlyTheMeasuresValues() throws IOException {
        assertThat(imports("aggregate")).noneMatch(i -> i.startsWith("wales.activeoffer.disclosure."));
        assertThat(imports("disclosure")).filteredOn(i -> i.startsWith("wales.activeoffer."))
                .allMatch(i -> i.startsWith("wales.activeoffer.aggregate."));
    }

    private static List<String> imports(String feature) throws IOException {
        List<String> imports = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve(feature))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.readAllLines(file).stream().filter(line -> line.startsWith("import "))
                        .map(line -> line.substring(7, line.length() - 1)).forEach(imports::add);
            }
        }
        assertThat(imports).as(feature + " imports something").isNotEmpty();
        return imports;
    }
}
