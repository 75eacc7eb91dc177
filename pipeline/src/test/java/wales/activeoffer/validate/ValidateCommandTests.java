package wales.activeoffer.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import wales.activeoffer.ActiveOfferApplication;
import wales.activeoffer.support.RepoPaths;

/**
 * The commands a regional lead and a mapping author run, started exactly as the command line starts them. Neither
 * needs the database or the child key: no key is configured here, and no database file may appear.
 */
class ValidateCommandTests {

    private record Outcome(int exitCode, String printed) {
    }

    private static Outcome run(Path work, Path mappings, String... words) {
        String[] args = Stream.concat(Stream.of(words), Stream.of("--activeoffer.work-root=" + work,
                "--activeoffer.mappings-dir=" + mappings, "--spring.main.banner-mode=off")).toArray(String[]::new);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext context = ActiveOfferApplication.application(args).run(args)) {
            return new Outcome(SpringApplication.exit(context), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void validatePrintsAndWritesTheReceiptAndStoresNothing(@TempDir Path work) throws IOException {
        Path file = RepoPaths.sampleData().resolve("inbox/cwm-taf/nyas_referrals_rhondda-cynon-taf_2024-25.csv");

        Outcome outcome = run(work, RepoPaths.mappings(), "validate", file.toString(), "--region=cwm-taf");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.printed()).contains("Status:    Partially accepted: some rows were rejected")
                .contains("Layout:    NYAS Cymru referrals log export (").contains("Rows read: 321").contains("Accepted:  320")
                .contains("Rejected:  1").contains("AO-002").contains("(dry run: nothing stored)")
                .contains("Nothing was stored.");
        try (Stream<Path> written = Files.list(work.resolve("validation"))) {
            assertThat(written.map(p -> p.getFileName().toString())).hasSize(3)
                    .allMatch(name -> name.startsWith("nyas_referrals_rhondda-cynon-taf_2024-25.csv.receipt-"));
        }
        assertThat(work.resolve("db")).doesNotExist();
        assertThat(Files.exists(file)).as("the file is not moved").isTrue();
    }

    @Test
    void withoutARegionAFileInAnAuthorityFolderIsReadWithThatAuthorityAsTheNightlyRunWouldReadIt(@TempDir Path work) {
        // given Merthyr Tydfil's recording sheets, whose authority is the folder they sit in
        Path file = RepoPaths.sampleData().resolve("inbox/cwm-taf/Merthyr Tydfil/NYAS recording sheets 2024-25.xlsx");

        // when a lead validates it without --region
        Outcome outcome = run(work, RepoPaths.mappings(), "validate", file.toString());

        // then it is read, with no region check
        assertThat(outcome.exitCode()).as(outcome.printed()).isZero();
        assertThat(outcome.printed()).contains("Layout:    NYAS Cymru manual recording sheet (")
                .contains("Region:    (not checked: give --region to check the file belongs to your region)")
                .doesNotContain("Status:    Rejected");
    }

    @Test
    void validateRefusesAFileForAnotherRegion(@TempDir Path work) {
        Path file = RepoPaths.sampleData().resolve("inbox/gwent/WCCIS_ActiveOffer_W06000022_2024-25.csv");

        Outcome outcome = run(work, RepoPaths.mappings(), "validate", file.toString(), "--region=cardiff-and-vale");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.printed()).contains("Status:    Rejected").contains("Rule: AO-F05")
                .contains("dropped in the Cardiff and the Vale folder but holds records for Newport (Gwent)");
    }

    @Test
    void validateMappingsNamesTheFileLineAndKeyOfEachProblem(@TempDir Path work, @TempDir Path mappings)
            throws IOException {
        RepoPaths.copyMappingsTo(mappings);
        Files.writeString(mappings.resolve("layouts/zz-broken.yaml"), """
                id: zz-broken
                description: a layout with a mistake
                format: csv
                columns:
                  authority: ["LA"]
                  child_id: ["Child"]
                  date_offer: ["Offered"]
                  eligibility_route: ["Route"]
                  offer_response: ["Response"]
                  shoe_size: ["Shoe"]
                """);

        Outcome broken = run(work, mappings, "validate-mappings");

        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.printed()).contains("1 problem(s) in the mapping files")
                .contains(mappings.resolve("layouts/zz-broken.yaml") + ":10: columns.shoe_size: is not a template field");

        Files.delete(mappings.resolve("layouts/zz-broken.yaml"));
        Outcome fixed = run(work, mappings, "validate-mappings");
        assertThat(fixed.exitCode()).isZero();
        assertThat(fixed.printed()).contains("is valid");
    }

}
