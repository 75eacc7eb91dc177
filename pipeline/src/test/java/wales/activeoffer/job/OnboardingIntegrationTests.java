package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.io.OutputStream;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import wales.activeoffer.handout.RecordingTemplateWorkbook;
import wales.activeoffer.inbox.FilePreparation;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.read.LayoutDetector;
import wales.activeoffer.read.UnreadableFileException;
import wales.activeoffer.store.SubmissionStatus;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;
import wales.activeoffer.support.WorkbookFixture;

/**
 * A new layout is onboarded by writing one mapping file, with no Java changed: layouts the code has never seen
 * ({@code src/test/resources/onboarding/}: a tab-separated tracker, and a form that uses the mapping keys of template
 * version 2, questions, offsets, columns, tick pairs in one cell, an authority named only in the file name) are refused
 * with the repository's mappings, and ingested correctly once their mapping files are added to a copy of them. The
 * national recording template, generated and filled in as a social worker would, is ingested by its own mapping.
 */
@SpringBootTest
class OnboardingIntegrationTests {
    static final Path RESOURCES = RepoPaths.root().resolve("pipeline/src/test/resources/onboarding");
    static final String FILE = "Bridgend AO tracker 2024-25.txt";
    static final Path WORK_ROOT = TestDatabases.newWorkRoot("onboarding");
    static final Path MAPPINGS = WORK_ROOT.resolveSibling(WORK_ROOT.getFileName() + "-mappings");
    static final Path INBOX = WORK_ROOT.resolveSibling(WORK_ROOT.getFileName() + "-inbox");
    static final String FORM = "Torfaen offer forms 2024-25.xlsx";
    static final String TRACKER = "Merthyr child tracker 2024-25.csv";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        RepoPaths.copyMappingsTo(MAPPINGS);
        Files.copy(RESOURCES.resolve("bridgend-ao-tracker-tsv.yaml"), MAPPINGS.resolve("layouts/bridgend-ao-tracker-tsv.yaml"));
        Files.copy(RESOURCES.resolve("torfaen-offer-form-xlsx.yaml"), MAPPINGS.resolve("layouts/torfaen-offer-form-xlsx.yaml"));
        Files.copy(RESOURCES.resolve("merthyr-child-tracker-csv.yaml"),
                MAPPINGS.resolve("layouts/merthyr-child-tracker-csv.yaml"));
        Files.createDirectories(INBOX.resolve("cwm-taf"));
        Files.copy(RESOURCES.resolve(FILE), INBOX.resolve("cwm-taf").resolve(FILE));
        Files.copy(RESOURCES.resolve(TRACKER), INBOX.resolve("cwm-taf").resolve(TRACKER));
        Files.createDirectories(INBOX.resolve("gwent"));
        WorkbookFixture.build(RESOURCES.resolve(FORM + ".source"), INBOX.resolve("gwent").resolve(FORM));
        Files.createDirectories(INBOX.resolve("cardiff-and-vale"));
        fillInTheRecordingTemplate(INBOX.resolve("cardiff-and-vale/Cardiff and Vale offers Q1.xlsx"));
        TestDatabases.common(registry, WORK_ROOT, INBOX);
        registry.add("activeoffer.mappings-dir", MAPPINGS::toString);
    }

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;

    /**
     * The recording template as the pipeline generates it, filled in with POI as a social worker would: every coded
     * answer chosen from its column's drop-down list, dates typed as date cells, the age as a number.
     */
    static void fillInTheRecordingTemplate(Path target) throws IOException {
        Path blank = new RecordingTemplateWorkbook(RepoPaths.template(), RepoPaths.reference())
                .write(target.resolveSibling("blank.xlsx.tmp"));
        RecordingTemplateWorkbook choices = new RecordingTemplateWorkbook(RepoPaths.template(), RepoPaths.reference());
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(blank))) {
            Sheet offers = workbook.getSheet(RecordingTemplateWorkbook.SHEET);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            List<Map<String, Object>> rows = List.of(
                    Map.ofEntries(Map.entry("authority", "Cardiff / Caerdydd"), Map.entry("child_id", "RT1"),
                            Map.entry("eligibility_route", 0), Map.entry("trigger", 1),
                            Map.entry("date_eligible", LocalDate.of(2024, 3, 28)),
                            Map.entry("date_offer", LocalDate.of(2024, 4, 2)),
                            Map.entry("date_referral", LocalDate.of(2024, 4, 3)),
                            Map.entry("date_first_contact", LocalDate.of(2024, 4, 5)),
                            Map.entry("date_meeting", LocalDate.of(2024, 4, 10)), Map.entry("offer_response", 0),
                            Map.entry("meeting_outcome", 0), Map.entry("referral_source", 0),
                            Map.entry("non_instructed", 1), Map.entry("iro_confirmed", 0),
                            Map.entry("age_at_offer", 11.0), Map.entry("gender", 0), Map.entry("language", 0),
                            Map.entry("disability", 1)),
                    Map.ofEntries(Map.entry("authority", "Vale of Glamorgan / Bro Morgannwg"),
                            Map.entry("child_id", "RT2"), Map.entry("eligibility_route", 1), Map.entry("trigger", 0),
                            Map.entry("date_offer", LocalDate.of(2024, 5, 9)), Map.entry("offer_response", 1),
                            Map.entry("refusal_reason", 0), Map.entry("age_at_offer", 14.0), Map.entry("gender", 1),
                            Map.entry("language", 1), Map.entry("disability", 0)));
            for (int r = 0; r < rows.size(); r++) {
                Row row = offers.createRow(r + 1);
                for (int c = 0; c < RecordingTemplateWorkbook.FIELDS.size(); c++) {
                    String field = RecordingTemplateWorkbook.FIELDS.get(c);
                    Object value = rows.get(r).get(field);
                    if (value instanceof Integer choice) {
                        row.createCell(c).setCellValue(choices.choices(field).get(choice));
                    } else if (value instanceof LocalDate day) {
                        row.createCell(c).setCellValue(day);
                        row.getCell(c).setCellStyle(date);
                    } else if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value != null) {
                        row.createCell(c).setCellValue((String) value);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                workbook.write(out);
            }
        }
        Files.delete(blank);
    }

    @Test
    void theFilledInRecordingTemplateIsRecognisedAndIngestedWithEveryFieldRight() {
        run();
        List<Map<String, Object>> records = recordsOf("national-recording-template-xlsx");

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsEntry("source_row", 2).containsEntry("authority_code", "W06000015")
                .containsEntry("region_code", "cardiff-and-vale").containsEntry("eligibility_route", "looked_after")
                .containsEntry("trigger_point", "review").containsEntry("offer_response", "accepted_meeting")
                .containsEntry("meeting_outcome", "took_up").containsEntry("refusal_reason", null)
                .containsEntry("referral_source", "social_worker").containsEntry("non_instructed", false)
                .containsEntry("iro_confirmed", true).containsEntry("age_at_offer", 11)
                .containsEntry("gender", "female").containsEntry("language_of_choice", "welsh")
                .containsEntry("disability", false).containsEntry("working_days_to_first_contact", 2)
                .containsEntry("working_days_to_meeting", 5).containsEntry("flagged", false)
                .containsEntry("template_version", 2);
        assertThat(records.get(0).get("date_eligible").toString()).isEqualTo("2024-03-28");
        assertThat(records.get(0).get("date_offer").toString()).isEqualTo("2024-04-02");
        assertThat(records.get(0).get("date_meeting").toString()).isEqualTo("2024-04-10");
        assertThat(records.get(1)).containsEntry("source_row", 3).containsEntry("authority_code", "W06000014")
                .containsEntry("eligibility_route", "child_protection").containsEntry("trigger_point", "entry")
                .containsEntry("offer_response", "declined").containsEntry("refusal_reason", "not_at_the_moment")
                .containsEntry("refusal_stage", "offer").containsEntry("age_at_offer", 14)
                .containsEntry("gender", "male").containsEntry("language_of_choice", "english")
                .containsEntry("disability", true).containsEntry("flagged", false);
        assertThat(records.get(1).get("date_offer").toString()).isEqualTo("2024-05-09");
    }

    @Test
    void anUnseenFormUsingTheNewMappingKeysIsIngestedOnceItsMappingIsAdded(@TempDir Path dir) throws Exception {
        // given the Torfaen form, which the repository's mappings do not know
        HeaderMatcher matcher = new HeaderMatcher(RepoPaths.template());
        FilePreparation withoutTheMapping = new FilePreparation(new LayoutDetector(RepoPaths.catalogue(), matcher),
                RepoPaths.reference(), 1_000_000L);
        Path copy = WorkbookFixture.build(RESOURCES.resolve(FORM + ".source"), dir.resolve(FORM));
        assertThatThrownBy(() -> withoutTheMapping.prepare(new InboxFile("gwent", copy)))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("no xlsx layout recognised");

        // when the run reads it with its mapping added, then each sheet is a record with every field right
        run();
        List<Map<String, Object>> records = recordsOf("torfaen-offer-form-xlsx");
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsEntry("source_sheet", "Form 1").containsEntry("authority_code", "W06000020")
                .containsEntry("region_code", "gwent").containsEntry("eligibility_route", "looked_after")
                .containsEntry("offer_response", "accepted_meeting").containsEntry("age_at_offer", 13)
                .containsEntry("flagged", false);
        assertThat(records.get(0).get("date_offer").toString()).isEqualTo("2024-04-03");
        assertThat(records.get(1)).containsEntry("source_sheet", "Form 2")
                .containsEntry("eligibility_route", "child_protection").containsEntry("offer_response", "declined")
                .containsEntry("refusal_reason", "not_recorded").containsEntry("age_at_offer", 7)
                .containsEntry("flagged", true);
    }

    private static RunSummary run;

    /** The one nightly run over the inbox, started by whichever test needs it first. */
    private synchronized RunSummary run() throws RuntimeException {
        if (run == null) {
            try {
                run = nightlyRun.execute();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return run;
    }

    private List<Map<String, Object>> recordsOf(String mappingId) {
        return jdbc.queryForList("""
                SELECT r.* FROM offer_record r JOIN submission s ON s.id = r.submission_id
                WHERE s.mapping_id = ? ORDER BY r.source_sheet, r.source_row""", mappingId);
    }

    @Test
    void givenAnUnseenLayoutWhenItsMappingFileIsAddedThenItsFileIsIngested() throws Exception {
        HeaderMatcher matcher = new HeaderMatcher(RepoPaths.template());
        FilePreparation withoutTheMapping = new FilePreparation(new LayoutDetector(RepoPaths.catalogue(), matcher),
                RepoPaths.reference(), 1_000_000L);
        assertThatThrownBy(() -> withoutTheMapping.prepare(new InboxFile("cwm-taf", RESOURCES.resolve(FILE))))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("no csv layout recognised");

        RunSummary run = run();

        assertThat(run.submissions()).hasSize(4);
        assertThat(run.submissions()).filteredOn(s -> s.fileName().equals(FILE)).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubmissionStatus.INGESTED);
            assertThat(s.mappingId()).isEqualTo("bridgend-ao-tracker-tsv");
            assertThat(s.sourceDetail()).contains("delimiter tab");
            assertThat(s.rowsAccepted()).isEqualTo(2);
            assertThat(s.rowsRejected()).isZero();
        });
        List<Map<String, Object>> records = recordsOf("bridgend-ao-tracker-tsv");
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsEntry("source_row", 3).containsEntry("authority_code", "W06000013")
                .containsEntry("region_code", "cwm-taf").containsEntry("eligibility_route", "looked_after")
                .containsEntry("offer_response", "accepted_meeting").containsEntry("meeting_outcome", "took_up")
                .containsEntry("iro_confirmed", true).containsEntry("age_at_offer", 11)
                .containsEntry("working_days_to_meeting", 5);
        assertThat(records.get(0).get("date_offer").toString()).isEqualTo("2024-04-03");
        assertThat(records.get(1)).containsEntry("source_row", 4).containsEntry("eligibility_route", "child_protection")
                .containsEntry("offer_response", "declined").containsEntry("refusal_reason", "not_at_the_moment")
                .containsEntry("refusal_stage", "offer").containsEntry("iro_confirmed", false);
    }

    @Test
    void anUnseenChildTrackerWithRepeatedOfferGroupsAndPageBreaksGivesEveryOfferAndSaysWhatItPassedOver()
            throws Exception {
        // given Merthyr Tydfil's tracker: one row per child, up to three offers across it, printed with its title and
        // heading on every page, which the repository's mappings do not know
        HeaderMatcher matcher = new HeaderMatcher(RepoPaths.template());
        FilePreparation withoutTheMapping = new FilePreparation(new LayoutDetector(RepoPaths.catalogue(), matcher),
                RepoPaths.reference(), 1_000_000L);
        assertThatThrownBy(() -> withoutTheMapping.prepare(new InboxFile("cwm-taf", RESOURCES.resolve(TRACKER))))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("no csv layout recognised");

        // when the run reads it with its mapping added
        run();

        // then every offer with something in it is a record: MT1's three, MT2's one, MT3's first (its second has a
        // month 13, so it is rejected), none for MT4, MT5's one on the second page
        List<Map<String, Object>> records = recordsOf("merthyr-child-tracker-csv");
        assertThat(records).extracting(r -> r.get("source_row") + " " + r.get("date_offer") + " "
                + r.get("offer_response") + " " + r.get("meeting_outcome")).containsExactly(
                        "3 2024-04-03 accepted_meeting took_up", "3 2024-08-05 declined null",
                        "3 2024-12-02 no_response null", "4 2024-05-10 no_response null",
                        "5 2024-06-03 no_response null", "10 2024-09-12 exempt_understanding null");
        assertThat(records).allSatisfy(r -> assertThat(r.get("authority_code")).isEqualTo("W06000024"));
        // and the receipt says so, the rejected group by its own heading, and what was passed over by row
        Path receipts = WORK_ROOT.resolve("receipts/cwm-taf");
        String receipt;
        try (var files = Files.list(receipts)) {
            receipt = Files.readString(files.filter(f -> f.getFileName().toString().startsWith(TRACKER + ".receipt-")
                    && f.toString().endsWith(".txt")).findFirst().orElseThrow());
        }
        assertThat(receipt).contains("Rows read: 7\nAccepted:  6 (2 with warnings)\nRejected:  1\n").contains("""
                Not read:
                  row 6 has nothing in any of its groups (1, 2, 3), so it gave no record.
                  row 7 ('Merthyr Tydfil child tracker') is a title line of a new page, so it was not read as data.
                  row 8 ('Page 2') is a title line of a new page, so it was not read as data.
                  row 9 repeats the heading row (a new page), so it was not read as data.
                """).contains("""
                  Row 5, column G "Offer 2 date", value '31/13/2024': The date of the offer is missing or is not a \
                date. This layout reads dates written as dd/mm/yyyy or yyyy-mm-dd, or in words (3 March 2024). [AO-003]
                """);
    }
}
