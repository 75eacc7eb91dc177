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
                "nyas-recording-sheet-xlsx", "monmouthshire-ao-log-xlsx", "ffurflen-cofnodi-xlsx",
                "cwm-taf-ao-export-csv", "vale-ao-tracker-xlsx", "legacy-ao-workbook-xls",
                "ceredigion-referral-form-xlsx", "national-recording-template-xlsx");
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

    @Test
    void misusedAuthorityAndLanguageKeysAreNamedWithTheirLine(@TempDir Path root) throws IOException {
        // given the repository's mappings and reference data, and a table layout that fixes an authority that is
        // two authorities' abbreviation, beside one that fixes one no authority has, and a language we do not have
        RepoPaths.copyMappingsTo(root);
        Path layouts = root.resolve("layouts");
        String table = VALID.replace("  authority: [\"LA\"]\n", "");
        Files.writeString(layouts.resolve("zz-shared.yaml"), table.replace("test-layout", "zz-shared")
                + "authority: {fixed: CCBC}\nlanguage: fr\n");
        Files.writeString(layouts.resolve("zz-unknown.yaml"), table.replace("test-layout", "zz-unknown")
                + "authority:\n  fixed: Atlantis\n");
        Files.writeString(layouts.resolve("zz-both.yaml"), VALID.replace("test-layout", "zz-both")
                + "authority: {fixed: W06000013}\n");

        // when the mappings are loaded, then each misuse is named by its file, line and key
        assertThatThrownBy(() -> MappingCatalogue.load(layouts, template))
                .hasMessageContaining("zz-shared.yaml:9: authority.fixed: 'CCBC' could be Conwy or Caerphilly; use "
                        + "the ONS code")
                .hasMessageContaining("zz-shared.yaml:10: language: must be en or cy but is fr")
                .hasMessageContaining("zz-unknown.yaml:10: authority.fixed: 'Atlantis' is not an authority's ONS "
                        + "code, name or abbreviation (mappings/reference/authorities.csv)")
                .hasMessageContaining("zz-both.yaml:10: authority.fixed: cannot be used with columns.authority; use "
                        + "one or the other");
    }

    @Test
    void misusedFormKeysAreNamedWithTheirLine(@TempDir Path dir) throws IOException {
        // given a form whose route is asked as yes/no questions, with a code the route does not have, an offset
        // that is not a number of cells, a column that is not a letter, and a rule for several answers we do not have
        write(dir, """
                id: test-form
                description: a test form
                format: xlsx
                layout: form
                authorityFrom: folder
                form:
                  fields:
                    child_id: {labels: ["Child"], offset: 0}
                    date_offer: {labels: ["Offered"], column: "4"}
                    eligibility_route:
                      several: all
                      questions:
                        looked_after: ["Looked after?"]
                        adopted: ["Adopted?"]
                    offer_response: {labels: ["Response"], ticks: {declined: ["Declined"]}}
                    date_meeting: {questions: {"yes": ["Met?"]}}
                """);

        // when it is loaded, then each misuse is named by its line and key
        assertThatThrownBy(() -> MappingCatalogue.load(dir, template))
                .hasMessageContaining("broken.yaml:8: form.fields.child_id.offset: must be from 1 to 50")
                .hasMessageContaining("broken.yaml:9: form.fields.date_offer.column: must be a column letter such "
                        + "as D, but is '4'")
                .hasMessageContaining("broken.yaml:11: form.fields.eligibility_route.several: must be none or first "
                        + "but is all")
                .hasMessageContaining("broken.yaml:14: form.fields.eligibility_route.questions.adopted: is not a code "
                        + "of eligibility_route; the codes are [looked_after, child_protection, care_and_support]")
                .hasMessageContaining("broken.yaml:15: form.fields.offer_response: has more than one of labels, "
                        + "ticks and questions; use one")
                .hasMessageContaining("broken.yaml:16: form.fields.date_meeting.questions: can only be used for a "
                        + "coded field, and date_meeting is not one");
    }

    @Test
    void misusedGroupPageTitleAndRepeatedHeadingKeysAreNamedWithTheirLine(@TempDir Path dir) throws IOException {
        // given a tracker whose group headings forget {n}, whose response is both the row's and a group's, whose page
        // titles would match every row, and which asks for a way of reading repeated headings we do not have
        write(dir, """
                id: test-tracker
                description: a test tracker
                format: csv
                columns:
                  authority: ["LA"]
                  child_id: ["Child"]
                  eligibility_route: ["Route"]
                  offer_response: ["Response"]
                groups:
                  each: [1, 2]
                  columns:
                    date_offer: ["Offer date"]
                    offer_response: ["Response {n}"]
                pageTitles: ["*"]
                repeatedHeadings: last
                """);

        // when the mappings are loaded, then each misuse is named by its file, line and key
        assertThatThrownBy(() -> MappingCatalogue.load(dir, template))
                .hasMessageContaining("groups.columns.date_offer: needs headings with {n} where the group's number "
                        + "or name is, for example 'Offer {n} date'")
                .hasMessageContaining("groups.columns.offer_response: is in columns too; a field is the row's own or a "
                        + "group's, not both")
                .hasMessageContaining("pageTitles: '*' would match any row")
                .hasMessageContaining("repeatedHeadings: must be refuse or first but is last");
    }
}
