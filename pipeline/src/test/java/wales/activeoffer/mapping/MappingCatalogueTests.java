package wales.activeoffer.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.template.RecordingTemplate;

class MappingCatalogueTests {
    private final RecordingTemplate template = RepoPaths.template();

    @Test
    void theRepositoryMappingsAllLoad() {
        assertThat(RepoPaths.catalogue().mappings()).extracting(SourceMapping::id).containsExactlyInAnyOrder(
                "wccis-active-offer-csv", "tgp-cymru-monitoring-xlsx", "nyas-referrals-csv",
                "la-performance-return-xlsx", "cofnod-cynnig-rhagweithiol-csv", "tgp-cymru-legacy-xls",
                "powys-ao-log-xls", "npt-export-cp1252-csv", "swansea-monthly-workbook-xlsx",
                "nyas-recording-sheet-xlsx", "monmouthshire-ao-log-xlsx", "ffurflen-cofnodi-xlsx");
    }

    private static Path write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static final String VALID = """
            id: test-layout
            description: a test layout
            format: csv
            columns:
              authority: ["LA"]
              child_id: ["Child"]
              date_offer: ["Offered"]
              eligibility_route: ["Route"]
              offer_response: ["Response"]
            """;

    @Test
    void aValidMappingLoads(@TempDir Path dir) throws IOException {
        write(dir, VALID);
        assertThat(MappingCatalogue.load(dir, template).byId("test-layout")).isPresent();
    }

    @Test
    void anUnknownKeyIsReportedWithTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = write(dir, VALID + "headingRow: 3\n");
        assertThatThrownBy(() -> MappingCatalogue.load(dir, template))
                .hasMessageContaining(file + ":10: headingRow").hasMessageContaining("Unrecognized property");
    }

    @Test
    void aRequiredFieldThatIsNotMappedIsNamed(@TempDir Path dir) throws IOException {
        write(dir, VALID.replace("  child_id: [\"Child\"]\n", ""));
        assertThatThrownBy(() -> MappingCatalogue.load(dir, template))
                .hasMessageContaining("broken.yaml:4: columns: child_id is required by the template but not mapped");
    }

    @Test
    void aFieldTheTemplateDoesNotHaveIsNamed(@TempDir Path dir) throws IOException {
        write(dir, VALID + "  child_name: [\"Name\"]\n");
        assertThatThrownBy(() -> MappingCatalogue.load(dir, template))
                .hasMessageContaining("broken.yaml:10: columns.child_name: is not a template field");
    }

    @Test
    void aValueForACodeTheTemplateDoesNotHaveIsNamed(@TempDir Path dir) throws IOException {
        write(dir, VALID + "values:\n  offer_response:\n    maybe: [\"Perhaps\"]\n");
        assertThatThrownBy(() -> MappingCatalogue.load(dir, template))
                .hasMessageContaining("broken.yaml:11: values.offer_response:").hasMessageContaining("no code 'maybe'");
    }

    @Test
    void aBadFormatDatePatternOrEncodingIsNamed(@TempDir Path dir) throws IOException {
        write(dir, VALID.replace("format: csv", "format: ods") + "dateFormats: [\"dd/MM/yyyy{\"]\nencoding: EBCDIC-XYZ\n");
        assertThatThrownBy(() -> MappingCatalogue.load(dir, template))
                .hasMessageContaining("broken.yaml:3: format: must be one of")
                .hasMessageContaining("broken.yaml:10: dateFormats: 'dd/MM/yyyy{'")
                .hasMessageContaining("broken.yaml:11: encoding: EBCDIC-XYZ is not a supported encoding");
    }
}
