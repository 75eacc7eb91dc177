package wales.activeoffer.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.job.NightlyRun;
import wales.activeoffer.job.RunSummary;
import wales.activeoffer.support.DisclosureAudit;
import wales.activeoffer.support.PerturbationBounds;
import wales.activeoffer.support.PublishedCsv;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;

/**
 * The differencing attack, end to end: the whole job over the hand-counted inbox, then Cardiff's file resent with one
 * more child (a late return of one record for a quarter already published), then resent again without two of its
 * children (a correction that withdraws two records), with a public release after each step (the first on the
 * calendar, the others ad hoc). The independent {@link DisclosureAudit} reads all three public releases together, as a
 * reader who keeps every release would, and must find no difference it can pin or narrow; on the officials' exact
 * datasets of the same nights, it must.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferencingIntegrationTests {
    static final Path INBOX = RepoPaths.root().resolve("pipeline/src/test/resources/inboxes/hand-counted");
    static final Path WORK_ROOT = TestDatabases.newWorkRoot("differencing");
    static final String CARDIFF_FILE = "cardiff-active-offer-2024-25.csv";
    static final String LATE_CHILD = "Cardiff,P099,E99,2011-02-02,Looked After,New,,2024-05-20,2024-05-21,"
            + "2024-05-22,2024-06-03,Meeting accepted,Declined,Prefers peer advocacy,Self,No,Yes,Male,English,No";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.common(registry, WORK_ROOT, INBOX);
    }

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkRoot workRoot;

    final List<RunSummary> runs = new ArrayList<>();
    final List<Set<String>> baseCells = new ArrayList<>();

    @BeforeAll
    void givenThreeNightsEachWithAPublicRelease() throws Exception {
        runs.add(nightlyRun.execute());
        baseCells.add(baseCellsWithRecords());
        List<String> original = Files.readAllLines(INBOX.resolve("cardiff-and-vale").resolve(CARDIFF_FILE));
        List<String> late = new ArrayList<>(original);
        late.add(LATE_CHILD);
        Files.write(workRoot.inbox("cardiff-and-vale").resolve("cardiff-active-offer-2024-25 late return.csv"), late);
        runs.add(nightlyRun.executeAdHoc());
        baseCells.add(baseCellsWithRecords());
        List<String> corrected = new ArrayList<>(late);
        corrected.remove(2);
        corrected.remove(2);
        Files.write(workRoot.inbox("cardiff-and-vale").resolve("cardiff-active-offer-2024-25 corrected.csv"),
                corrected);
        runs.add(nightlyRun.executeAdHoc());
        baseCells.add(baseCellsWithRecords());
    }

    @Test
    void eachNightHasAPublicReleaseAndAnOfficialsDatasetThatCountTheChangesAsByHand() throws Exception {
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.newRelease()).isTrue();
            assertThat(run.officialsFolder()).isNotNull();
        });
        List<String> offers = new ArrayList<>();
        for (RunSummary run : runs) {
            offers.add(PublishedCsv.read(Path.of(run.officialsFolder()).resolve("aggregates.csv")).value("region",
                    "cardiff-and-vale", "quarter", "2024-25 Q1", "all", "take_up", "offers", "", ""));
        }
        int first = Integer.parseInt(offers.get(0));
        assertThat(offers).as("one child more, then two fewer").containsExactly(String.valueOf(first),
                String.valueOf(first + 1), String.valueOf(first - 1));
        JsonNode manifest = JsonMapper.builder().build().readTree(Path.of(runs.get(1).releaseFolder())
                .resolve("manifest.json").toFile());
        assertThat(manifest.get("publication").get("adHoc").asBoolean()).isTrue();
        assertThat(manifest.get("publication").get("nextRelease").asString()).isNotEmpty();
        assertThat(manifest.get("publication").get("revisionsPolicy").asString()).contains("[r]");
    }

    @Test
    void noDifferenceBetweenThePublicReleasesCanBePinnedOrNarrowed() throws Exception {
        List<String> exposed = audit(true);

        assertThat(exposed).isEmpty();
    }

    @Test
    void theSameAuditFindsTheChildrenInTheDifferencesOfTheExactFigures() throws Exception {
        List<String> exposed = audit(false);

        assertThat(exposed).as("the late child declined at the meeting").anyMatch(e -> e.startsWith(
                "exact difference of refusal_reasons/count/meeting/all W92000004 2024-25 all from release 1 to 2 = 1 "));
        assertThat(exposed).as("the correction withdrew two children").anyMatch(e -> e.startsWith(
                "exact difference of take_up/offers// W92000004 2024-25 all from release 2 to 3 = -2 "));
    }

    @Test
    void everyPublishedCountIsWithinTheDocumentedBoundOfTheTrueCount() throws Exception {
        for (int r = 0; r < runs.size(); r++) {
            RunSummary run = runs.get(r);
            PerturbationBounds bounds = bounds(run);
            Map<String, Long> truth = PerturbationBounds.exactCounts(Path.of(run.officialsFolder()));
            Set<String> cellsWithRecords = baseCells.get(r);
            for (Map<String, String> row : PublishedCsv.read(Path.of(run.releaseFolder()).resolve("aggregates.csv"))
                    .rows()) {
                if (!PerturbationBounds.isCount(row)) {
                    continue;
                }
                long bound = (long) bounds.most() * cellsWithRecords.stream().filter(cell -> bounds.inside(row, cell))
                        .count();
                long exact = truth.get(DisclosureAudit.nameOf(row));
                if (row.get("value").isEmpty()) {
                    assertThat(row.get("note_code")).isEqualTo("[c]");
                    assertThat(exact).as(DisclosureAudit.nameOf(row)).isBetween(Math.max(1, 3 - bound), 4 + bound);
                } else {
                    assertThat(Long.parseLong(row.get("value"))).as(DisclosureAudit.nameOf(row))
                            .isBetween(exact - bound, exact + bound);
                }
            }
        }
    }

    @Test
    void figuresWhoseRecordsDidNotChangeArePublishedTheSameInEveryRelease() throws Exception {
        List<Map<String, String>> first = PublishedCsv.read(Path.of(runs.get(0).releaseFolder())
                .resolve("aggregates.csv")).rows();
        List<Map<String, String>> second = PublishedCsv.read(Path.of(runs.get(1).releaseFolder())
                .resolve("aggregates.csv")).rows();
        Map<String, String> before = new HashMap<>();
        first.forEach(row -> before.put(DisclosureAudit.nameOf(row) + " " + row.get("statistic"), row.get("value")));
        List<Map<String, String>> elsewhere = second.stream().filter(row -> !row.get("geography_level").equals("wales")
                && !row.get("geography_code").equals("cardiff-and-vale") && !row.get("geography_code")
                .equals("W06000015")).toList();

        assertThat(elsewhere).isNotEmpty().allSatisfy(row -> assertThat(row.get("value"))
                .as(DisclosureAudit.nameOf(row)).isEqualTo(before.get(DisclosureAudit.nameOf(row) + " "
                        + row.get("statistic"))));
    }

    /** Every count of the three public releases (or, when not, the officials' exact datasets) audited together. */
    private List<String> audit(boolean publicSeries) throws Exception {
        DisclosureAudit audit = new DisclosureAudit(4, (authority, period) -> jdbc.queryForObject(
                "SELECT MIN(region_code) FROM offer_record WHERE authority_code = ? AND (financial_year = ? OR quarter = ?)",
                String.class, authority, period, period));
        List<DisclosureAudit.Published> releases = new ArrayList<>();
        List<Map<String, Long>> truths = new ArrayList<>();
        List<Predicate<Map<String, String>>> changed = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            RunSummary run = runs.get(r);
            Path folder = Path.of(publicSeries ? run.releaseFolder() : run.officialsFolder());
            PerturbationBounds bounds = bounds(run);
            releases.add(new DisclosureAudit.Published(PublishedCsv.read(folder.resolve("aggregates.csv")).rows(),
                    row -> publicSeries ? bounds.noise(row) : 0));
            truths.add(PerturbationBounds.exactCounts(Path.of(run.officialsFolder())));
            Set<String> changedQuarters = r == 0 ? Set.of() : changedAuthorityQuarters(runs.get(r - 1), run);
            changed.add(row -> changedQuarters.stream().anyMatch(cell -> bounds.inside(row, cell + " any")));
        }
        return audit.exposedAcrossReleases(releases, truths, changed, List.of(0, 1, -1));
    }

    /** The authority quarters of the submissions one public manifest lists and the one before does not. */
    private static Set<String> changedAuthorityQuarters(RunSummary before, RunSummary after) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> earlier = new HashSet<>();
        json.readTree(Path.of(before.releaseFolder()).resolve("manifest.json").toFile()).get("submissions")
                .forEach(s -> earlier.add(s.get("sha256").asString()));
        Set<String> changed = new HashSet<>();
        for (JsonNode submission : json.readTree(Path.of(after.releaseFolder()).resolve("manifest.json").toFile())
                .get("submissions")) {
            if (earlier.contains(submission.get("sha256").asString())) {
                continue;
            }
            String first = submission.get("quarters").get(0).asString();
            String last = submission.get("quarters").get(1).asString();
            for (JsonNode authority : submission.get("authorities")) {
                for (String quarter : quartersBetween(first, last)) {
                    changed.add(authority.asString() + " " + quarter);
                }
            }
        }
        return changed;
    }

    private static List<String> quartersBetween(String first, String last) {
        List<String> quarters = new ArrayList<>();
        int year = Integer.parseInt(first.substring(0, 4));
        int quarter = first.charAt(first.length() - 1) - '0';
        while (true) {
            String name = year + "-" + String.format("%02d", (year + 1) % 100) + " Q" + quarter;
            quarters.add(name);
            if (name.equals(last) || quarters.size() > 40) {
                return quarters;
            }
            quarter++;
            if (quarter == 5) {
                quarter = 1;
                year++;
            }
        }
    }

    /** The authority quarters and routes that hold a current record now, in the store. */
    private Set<String> baseCellsWithRecords() {
        Set<String> cells = new HashSet<>();
        jdbc.queryForList("""
                SELECT DISTINCT authority_code, quarter, eligibility_route FROM offer_record
                WHERE superseded_by IS NULL""").forEach(r -> cells.add(r.get("authority_code") + " " + r.get("quarter")
                + " " + r.get("eligibility_route")));
        return cells;
    }

    private PerturbationBounds bounds(RunSummary run) throws IOException {
        return PerturbationBounds.of(Path.of(run.releaseFolder()), (authority, quarter) -> jdbc.queryForObject(
                "SELECT MIN(region_code) FROM offer_record WHERE authority_code = ? AND quarter = ?", String.class,
                authority, quarter));
    }
}
