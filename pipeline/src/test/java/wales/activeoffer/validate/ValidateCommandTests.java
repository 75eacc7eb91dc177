package wales.activeoffer.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import wales.activeoffer.ActiveOfferApplication;
import wales.activeoffer.support.PipelineProcess;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.WorkbookFixture;

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
    void validateRunFromAnotherFolderWithoutTheMappingsSettingSaysSoInOneLine(@TempDir Path elsewhere)
            throws Exception {
        // given a lead's file, and a folder that is not the repository's, with no activeoffer.mappings-dir given
        Path file = RepoPaths.sampleData().resolve("inbox/cwm-taf/nyas_referrals_rhondda-cynon-taf_2024-25.csv");

        // when validate is run there
        PipelineProcess validate = PipelineProcess.startIn(elsewhere, elsewhere.resolve("validate.log"),
                List.of("validate", file.toString(), "--region=cwm-taf"), List.of("spring.main.banner-mode=off",
                        "activeoffer.work-root=" + elsewhere.resolve("work")));

        // then it says, in one line naming the setting, what to do, and exits with code 2
        assertThat(validate.awaitExit(Duration.ofSeconds(60))).as(validate.output()).isEqualTo(2);
        assertThat(validate.output().lines().filter(line -> !line.matches("^\\S+ +(INFO|WARN) .*")).toList())
                .containsExactly("The pipeline could not start: activeoffer.mappings-dir is "
                        + elsewhere.toAbsolutePath().resolve("mappings")
                        + ", which has no template/active-offer-template-v2.yaml. Run the command from the project's "
                        + "folder, or give --activeoffer.mappings-dir=<the project's mappings folder>.");
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

    private static final Path LAYOUTS = RepoPaths.root().resolve("pipeline/src/test/resources/layouts");

    /** The part of a printed receipt from its row counts to its last line. */
    private static String fromTheCounts(Outcome outcome, String firstLine) {
        String printed = outcome.printed();
        return printed.substring(printed.indexOf(firstLine), printed.lastIndexOf("\nReceipt written to") + 1);
    }

    @Test
    void aReceiptNamesTheLeadsOwnHeadingItsColumnLetterAndRowAndTheDatesThisLayoutReads(@TempDir Path work)
            throws IOException {
        // given a Cwm Taf export whose offer date column the lead calls "Offer Dte", with a date that cannot be
        Path file = Files.copy(LAYOUTS.resolve("cwm-taf-ao-export-csv/input.csv"), work.resolve("CTM AO export.csv"));

        // when the lead checks it
        Outcome outcome = run(work, RepoPaths.mappings(), "validate", file.toString(), "--region=cwm-taf");

        // then every problem is told in the file's own terms, word for word
        assertThat(outcome.printed()).contains("Layout:    Cwm Taf Morgannwg Active Offer export (csv;");
        assertThat(fromTheCounts(outcome, "Rows read:")).isEqualTo("""
                Rows read: 5
                Accepted:  3 (1 with warnings)
                Rejected:  2

                Rejected rows: these rows were not stored. Correct them and send the file again.
                  Row 4, column A "Authority", value 'CCBC': The local authority is missing or not recognised. Use the authority's name in English or Welsh, its usual abbreviation, or its ONS code (for example W06000015). 'CCBC' is used for both Conwy and Caerphilly; write the authority's name or ONS code. [AO-002]
                  Row 6, column E "Offer Dte", value '31/13/2024': The date of the offer is missing or is not a date. This layout reads dates written as dd/mm/yyyy or yyyy-mm-dd, or in words (3 March 2024). [AO-003]

                Warnings: these rows were stored, but please check them.
                  Row 5, column C "Age at Offer", value 'thirty': The age at offer is not a whole number of years from 0 to 25, so it has been left blank. [AO-017]

                The same detail is in the .csv and .xlsx files beside this receipt.
                Questions about this receipt: the Active Offer data team
                """);
    }

    @Test
    void aFormsReceiptPointsAtTheCellOfTheProblem(@TempDir Path work) throws IOException {
        // given Ceredigion's referral forms: child 2 answered yes to two eligibility questions, child 3 declined
        // and the form has nowhere to record why
        Path file = WorkbookFixture.build(LAYOUTS.resolve("ceredigion-referral-form-xlsx/input.xlsx.source"),
                work.resolve("Ceredigion referral forms.xlsx"));

        // when the lead checks it
        Outcome outcome = run(work, RepoPaths.mappings(), "validate", file.toString(), "--region=mid-and-west-wales",
                "--activeoffer.receipt-contact=activeoffer@example.gov.wales");

        // then the receipt names the sheet and the cell, in the form's own words
        assertThat(fromTheCounts(outcome, "Rows read:")).isEqualTo("""
                Rows read: 3
                Accepted:  2 (1 with warnings)
                Rejected:  1

                Rejected rows: these rows were not stored. Correct them and send the file again.
                  Sheet 'Child 2', cell B5 "Looked after?", value 'Looked after? + On the child protection register?': The eligibility route is missing or not recognised. Allowed: Looked after (Part 6), Child protection register (Part 7), Care and support (Parts 3 and 4). [AO-004]

                Warnings: these rows were stored, but please check them.
                  Sheet 'Child 3', Reason for declining (not on the form), value '': The child declined but no reason is recorded; counted as 'not recorded'. Record the reason where the child gave one. [AO-012]

                The same detail is in the .csv and .xlsx files beside this receipt.
                Questions about this receipt: activeoffer@example.gov.wales
                """);
    }

    @Test
    void aWelshFilesReceiptIsInWelsh(@TempDir Path work) throws IOException {
        // given Gwynedd's Welsh-language export, whose fifth row has no response to the offer
        Path file = Files.copy(LAYOUTS.resolve("cofnod-cynnig-rhagweithiol-csv/input.csv"), work.resolve("cofnod.csv"));

        // when the lead checks it
        Outcome outcome = run(work, RepoPaths.mappings(), "validate", file.toString(), "--region=north-wales");

        // then the receipt is in Welsh, with the Welsh labels of the codes allowed
        assertThat(outcome.printed()).contains("""
                Set ddata'r Cynnig Rhagweithiol: derbynneb ar gyfer un ffeil
                ============================================================

                Ffeil:     cofnod.csv
                Rhanbarth: Gogledd Cymru
                """).contains("(rhediad prawf: dim wedi'i gadw)\n")
                .contains("Statws:    Derbyniwyd yn rhannol: gwrthodwyd rhai rhesi\n")
                .contains("Cynllun:   Cofnod y Cynnig Rhagweithiol - allforio cofnodion Cymraeg (csv;");
        assertThat(fromTheCounts(outcome, "Rhesi a ddarllenwyd:")).isEqualTo("""
                Rhesi a ddarllenwyd: 6
                Derbyniwyd: 5
                Gwrthodwyd: 1

                Rhesi a wrthodwyd: ni chadwyd y rhesi hyn. Cywirwch nhw ac anfonwch y ffeil eto.
                  Rhes 5, colofn J "Ymateb i'r cynnig", gwerth '': Mae ymateb y plentyn i'r cynnig ar goll neu heb ei adnabod. Caniateir: Derbyn cyfarfod, Gwrthod y cynnig, Wedi'i eithrio - dealltwriaeth ddigonol, Dim ymateb. [AO-005]

                Rhybuddion: cadwyd y rhesi hyn, ond gwiriwch nhw.
                  Dim.

                Mae'r un manylion yn y ffeiliau .csv a .xlsx wrth ymyl y dderbynneb hon.
                Cwestiynau am y dderbynneb hon: tîm data'r Cynnig Rhagweithiol
                """);
    }

    @Test
    void aFileTheMappingRecognisedButThatNamesNoAuthoritySaysSoAndHowToSendIt(@TempDir Path work)
            throws IOException {
        // given a legacy workbook whose file name gives CCBC, the abbreviation of both Conwy and Caerphilly
        Path file = WorkbookFixture.build(LAYOUTS.resolve("legacy-ao-workbook-xls/input.xls.source"),
                work.resolve("CCBC_AO_log.xls"));

        // when the lead checks it
        Outcome outcome = run(work, RepoPaths.mappings(), "validate", file.toString(), "--region=gwent");

        // then the receipt says the layout was recognised, why the authority cannot be told, and how to send it
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.printed()).contains("Layout:    Legacy Active Offer workbook (xls;").contains("""
                This file was recognised, but nothing says which local authority its records are for, so none of it was taken in. Drop it in the authority's own folder (inbox/<region>/<authority>/), put the authority's name or usual abbreviation in the file name (for example BCBC_Active_Offer.xlsx), or ask for its mapping to fix the authority.
                Detail: Legacy Active Offer workbook files have no authority column, and its file name could be Conwy or Caerphilly, so the authority cannot be told; use the authority's name or ONS code instead. Send it in inbox/gwent/<authority>/, or put the authority in the file name (for example BCBC_CCBC_AO_log.xls)
                Rule: AO-F07
                No rows from this file would be counted.
                """);
    }

    @Test
    void recordingTemplateWritesTheWorkbookAndNeverWritesOverOne(@TempDir Path work) throws IOException {
        Path target = work.resolve("handout.xlsx");

        Outcome first = run(work, RepoPaths.mappings(), "recording-template", "--out=" + target);
        Outcome second = run(work, RepoPaths.mappings(), "recording-template", "--out=" + target);

        assertThat(first.exitCode()).isZero();
        assertThat(first.printed()).contains("Recording template (version 2, English and Welsh) written to " + target);
        assertThat(target).isRegularFile();
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.printed()).contains(target + " is already there, so it was not replaced.");
    }

    @Test
    void everyCommandHasHelpAndAMistypedOneIsToldWithTheCommands(@TempDir Path work) {
        Outcome top = run(work, RepoPaths.mappings(), "--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.printed()).contains("Usage: active-offer-pipeline [-hV] [COMMAND]").contains("  run ")
                .contains("  serve ").contains("  validate ").contains("  validate-mappings ").contains("  status ")
                .contains("  recording-template ").contains("  sample ");
        for (String command : List.of("run", "serve", "validate", "validate-mappings", "status", "recording-template",
                "sample")) {
            Outcome help = run(work, RepoPaths.mappings(), command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.printed()).as(command).contains("Usage: active-offer-pipeline " + command);
        }
        assertThat(work.resolve("db")).as("help touches no database").doesNotExist();

        Outcome wrong = run(work, RepoPaths.mappings(), "valdate", "x.csv");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.printed()).contains("Unmatched arguments from index 0: 'valdate', 'x.csv'")
                .contains("Did you mean: active-offer-pipeline validate or");
    }

    @Test
    void sampleWritesAnInventedInboxWithItsManifest(@TempDir Path work) throws IOException {
        Path folder = work.resolve("generated");

        Outcome outcome = run(work, RepoPaths.mappings(), "sample", folder.toString(), "1");
        Outcome again = run(work, RepoPaths.mappings(), "sample", folder.toString(), "1");

        assertThat(outcome.exitCode()).as(outcome.printed()).isZero();
        assertThat(outcome.printed()).contains("Sample inbox (1x) written to " + folder.resolve("inbox"));
        assertThat(Files.readAllLines(folder.resolve("MANIFEST.csv")).size() - 1).isEqualTo(
                Files.readAllLines(RepoPaths.sampleData().resolve("MANIFEST.csv")).size() - 1);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.printed()).contains("is already there, so nothing was written");
    }
}
