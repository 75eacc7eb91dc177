package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import wales.activeoffer.inbox.FilePreparation;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.read.LayoutDetector;
import wales.activeoffer.read.UnreadableFileException;
import wales.activeoffer.store.SubmissionStatus;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;

/**
 * A new layout is onboarded by writing one mapping file, with no Java changed: a layout the code has never seen
 * ({@code src/test/resources/onboarding/}) is refused with the repository's mappings, and ingested correctly once its
 * mapping file is added to a copy of them.
 */
@SpringBootTest
class OnboardingIntegrationTests {
    static final Path RESOURCES = RepoPaths.root().resolve("pipeline/src/test/resources/onboarding");
    static final String FILE = "Bridgend AO tracker 2024-25.txt";
    static final Path WORK_ROOT = TestDatabases.newWorkRoot("onboarding");
    static final Path MAPPINGS = WORK_ROOT.resolveSibling(WORK_ROOT.getFileName() + "-mappings");
    static final Path INBOX = WORK_ROOT.resolveSibling(WORK_ROOT.getFileName() + "-inbox");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        RepoPaths.copyMappingsTo(MAPPINGS);
        Files.copy(RESOURCES.resolve("bridgend-ao-tracker-tsv.yaml"), MAPPINGS.resolve("layouts/bridgend-ao-tracker-tsv.yaml"));
        Files.createDirectories(INBOX.resolve("cwm-taf"));
        Files.copy(RESOURCES.resolve(FILE), INBOX.resolve("cwm-taf").resolve(FILE));
        TestDatabases.common(registry, WORK_ROOT, INBOX);
        registry.add("activeoffer.mappings-dir", MAPPINGS::toString);
    }

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenAnUnseenLayoutWhenItsMappingFileIsAddedThenItsFileIsIngested() throws Exception {
        HeaderMatcher matcher = new HeaderMatcher(RepoPaths.template());
        FilePreparation withoutTheMapping = new FilePreparation(new LayoutDetector(RepoPaths.catalogue(), matcher),
                matcher, RepoPaths.reference(), 1_000_000L);
        assertThatThrownBy(() -> withoutTheMapping.prepare(new InboxFile("cwm-taf", RESOURCES.resolve(FILE))))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("no csv layout recognised");

        RunSummary run = nightlyRun.execute();

        assertThat(run.submissions()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubmissionStatus.INGESTED);
            assertThat(s.mappingId()).isEqualTo("bridgend-ao-tracker-tsv");
            assertThat(s.sourceDetail()).contains("delimiter tab");
            assertThat(s.rowsAccepted()).isEqualTo(2);
            assertThat(s.rowsRejected()).isZero();
        });
        List<Map<String, Object>> records = jdbc.queryForList("""
                SELECT source_row, authority_code, region_code, eligibility_route, date_offer, offer_response,
                       meeting_outcome, refusal_reason, refusal_stage, iro_confirmed, age_at_offer, working_days_to_meeting
                FROM offer_record ORDER BY source_row""");
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
}
