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
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import wales.activeoffer.inbox.FilePreparation;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.inbox.PreparedFile;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.support.WorkbookFixture;
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
 * Data-driven: for every layout, a small input file, dropped as a regional lead would drop it, is recognised by its
 * mapping and normalised into exactly the records in {@code expected.csv} beside it
 * ({@code src/test/resources/layouts/<mapping-id>/}; see the README there).
 */
class LayoutFixtureTests {
    private static final Path FIXTURES = RepoPaths.root().resolve("pipeline/src/test/resources/layouts");
    private static final ChildKeyHasher HASHER = new ChildKeyHasher("layout-fixture-key-at-least-32-bytes!".getBytes());
    private static final RecordingTemplate TEMPLATE = RepoPaths.template();
    private static final MappingCatalogue CATALOGUE = RepoPaths.catalogue();
    private static final ReferenceData REFERENCE = RepoPaths.reference();

    static Stream<String> layouts() throws IOException {
        try (Stream<Path> folders = Files.list(FIXTURES)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void inputBecomesTheExpectedRecords(String mappingId, @TempDir Path inbox) throws IOException {
        Path folder = FIXTURES.resolve(mappingId);
        // a second fixture of a layout is named <mapping-id>--<what it shows>
        mappingId = mappingId.split("--")[0];
        Properties where = fixtureProperties(folder);
        InboxFile file = materialise(folder, inbox, where);
        HeaderMatcher matcher = new HeaderMatcher(TEMPLATE);
        FilePreparation preparation = new FilePreparation(new LayoutDetector(CATALOGUE, matcher), REFERENCE,
                1_000_000L);

        PreparedFile prepared = preparation.prepare(file);
        assertThat(prepared.layout().mapping().id()).isEqualTo(mappingId);

        OfferRowNormaliser normaliser = new OfferRowNormaliser(TEMPLATE, REFERENCE, prepared.layout().mapping(),
                HASHER, LocalDate.of(2026, 11, 22), InboxFile.PROVIDERS.equals(file.regionCode()) ? file.subFolder()
                        : null);
        List<Map<String, String>> actual = new ArrayList<>();
        List<String> notRead;
        try (SourceRecords rows = SourceRecords.open(file.path(), prepared.layout().mapping(), matcher,
                prepared.fileValues(), 0)) {
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                actual.add(describe(normaliser.process(row)));
            }
            notRead = rows.notes();
        }
        if (Files.exists(folder.resolve("not-read.txt"))) {
            assertThat(notRead).as("what the receipt lists under Not read")
                    .isEqualTo(Files.readAllLines(folder.resolve("not-read.txt")));
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

    private static Properties fixtureProperties(Path folder) throws IOException {
        Properties properties = new Properties();
        Path file = folder.resolve("fixture.properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    /**
     * Puts the fixture's input where a regional lead would drop it: under its file name, in its authority folder if it
     * has one. Workbooks are built from their text description ({@link WorkbookFixture}).
     */
    private static InboxFile materialise(Path folder, Path inbox, Properties where) throws IOException {
        Path input;
        try (Stream<Path> files = Files.list(folder)) {
            input = files.filter(f -> f.getFileName().toString().startsWith("input.")).findFirst()
                    .orElseThrow(() -> new AssertionError("no input file in " + folder));
        }
        String inputName = input.getFileName().toString().replace(".source", "");
        String subFolder = where.getProperty("subFolder");
        Path target = inbox.resolve(subFolder == null ? "" : subFolder)
                .resolve(where.getProperty("fileName", inputName));
        Files.createDirectories(target.getParent());
        if (input.toString().endsWith(".source")) {
            WorkbookFixture.build(input, target);
        } else {
            Files.copy(input, target);
        }
        return new InboxFile(where.getProperty("region"), target, subFolder);
    }

    private static Map<String, String> describe(NormalisedRow row) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("row", String.valueOf(row.source().rowNumber()));
        out.put("sheet", row.source().sheet());
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
