package wales.activeoffer.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.normalise.ChildKeyHasher;
import wales.activeoffer.normalise.NormalisedRow;
import wales.activeoffer.normalise.OfferRowNormaliser;
import wales.activeoffer.normalise.RowIssue;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.template.OfferRecord;
import wales.activeoffer.template.RecordingTemplate;

/**
 * Data-driven: for every layout, a small input file is recognised by its mapping and normalised into exactly the
 * records in {@code expected.csv} beside it ({@code src/test/resources/layouts/<mapping-id>/}).
 */
class LayoutFixtureTests {
    private static final Path FIXTURES = RepoPaths.root().resolve("pipeline/src/test/resources/layouts");
    private static final ChildKeyHasher HASHER = new ChildKeyHasher("layout-fixture-key-at-least-32-bytes!".getBytes());
    private static final RecordingTemplate TEMPLATE = RepoPaths.template();
    private static final MappingCatalogue CATALOGUE = RepoPaths.catalogue();

    static Stream<String> layouts() throws IOException {
        try (Stream<Path> folders = Files.list(FIXTURES)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void inputBecomesTheExpectedRecords(String mappingId) throws IOException {
        Path folder = FIXTURES.resolve(mappingId);
        Path input;
        try (Stream<Path> files = Files.list(folder)) {
            input = files.filter(f -> f.getFileName().toString().matches("input\\.(csv|xlsx|xls)")).findFirst()
                    .orElseThrow(() -> new AssertionError("no input file in " + folder));
        }

        HeaderMatcher matcher = new HeaderMatcher(TEMPLATE);
        DetectedLayout layout = new LayoutDetector(CATALOGUE, matcher).detect(input);
        assertThat(layout.mapping().id()).isEqualTo(mappingId);

        OfferRowNormaliser normaliser = new OfferRowNormaliser(TEMPLATE, RepoPaths.reference(), layout.mapping(),
                HASHER, LocalDate.of(2026, 11, 22));
        List<Map<String, String>> actual = new ArrayList<>();
        try (SourceRecords rows = SourceRecords.open(input, layout.mapping(), matcher, fileValues(folder), 0)) {
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                actual.add(describe(normaliser.process(row)));
            }
        }
        List<Map<String, String>> expected = expected(folder.resolve("expected.csv"));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> want = new LinkedHashMap<>(expected.get(i));
            String childId = want.remove("child_id");
            Map<String, String> got = new LinkedHashMap<>(actual.get(i));
            String childKey = got.remove("child_key");
            assertThat(got).as("row " + want.get("row")).isEqualTo(want);
            assertThat(childKey).as("row " + want.get("row") + " child key")
                    .isEqualTo(childId.isEmpty() ? "" : HASHER.key(want.get("authority_code"), childId));
        }
    }

    /** Values a fixture's file name or folder would give: from {@code file-values.csv} beside it, if any. */
    private static Map<String, String> fileValues(Path folder) throws IOException {
        Path file = folder.resolve("file-values.csv");
        return Files.exists(file) ? expected(file).get(0) : Map.of();
    }

    private static Map<String, String> describe(NormalisedRow row) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("row", String.valueOf(row.source().rowNumber()));
        out.put("result", row.rejected() ? "rejected" : row.record().flagged() ? "flagged" : "accepted");
        out.put("rules", row.issues().stream().map(RowIssue::ruleId).sorted().collect(Collectors.joining(" ")));
        OfferRecord r = row.record();
        boolean none = r == null;
        Object[][] fields = {
            {"authority_code", none ? null : r.authorityCode()}, {"region_code", none ? null : r.regionCode()},
            {"child_key", none ? null : r.childKey()},
            {"eligibility_route", none ? null : r.eligibilityRoute()}, {"trigger", none ? null : r.trigger()},
            {"date_offer", none ? null : r.dateOffer()}, {"date_referral", none ? null : r.dateReferral()},
            {"date_first_contact", none ? null : r.dateFirstContact()}, {"date_meeting", none ? null : r.dateMeeting()},
            {"offer_response", none ? null : r.offerResponse()}, {"meeting_outcome", none ? null : r.meetingOutcome()},
            {"refusal_reason", none ? null : r.refusalReason()}, {"refusal_stage", none ? null : r.refusalStage()},
            {"referral_source", none ? null : r.referralSource()},
            {"non_instructed", none ? null : r.nonInstructed()}, {"iro_confirmed", none ? null : r.iroConfirmed()},
            {"age_at_offer", none ? null : r.ageAtOffer()}, {"gender", none ? null : r.gender()},
            {"language", none ? null : r.language()}, {"disability", none ? null : r.disability()},
            {"working_days_to_meeting", none ? null : r.workingDaysToMeeting()}};
        for (Object[] field : fields) {
            out.put((String) field[0], Objects.toString(field[1], ""));
        }
        return out;
    }

    private static List<Map<String, String>> expected(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).stream()
                    .map(CSVRecord::toMap).map(LinkedHashMap::new).map(m -> (Map<String, String>) m).toList();
        }
    }
}
