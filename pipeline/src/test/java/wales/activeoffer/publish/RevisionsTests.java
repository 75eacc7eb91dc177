package wales.activeoffer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.CountKey;
import wales.activeoffer.aggregate.PublishedAggregate;

class RevisionsTests {
    private static final String HEADER = "measure,statistic,geography_level,geography_code,geography_name,period_type,"
            + "period,eligibility_route,stage,category,value,note_code\n";

    private static PublishedAggregate offers(String level, String code, double value, String symbol) {
        CellKey cell = new CellKey(level, code, "financial_year", "2024-25", "all");
        AggregateRow row = new AggregateRow("take_up", "offers", cell, code, null, null, value,
                List.of(new CountKey("take_up", "offers", null, null, cell)));
        return new PublishedAggregate(row, symbol == null ? value : null, symbol);
    }

    @Test
    void aFigureThatChangedIsMarkedAndListedWithTheSubmissionsThatCoverItsPlaceAndPeriod(@TempDir Path dir)
            throws IOException {
        // given Cardiff 12 and Newport 30 offers before; now Cardiff 11, Newport 30, the Vale hidden both times
        Path previous = Files.writeString(dir.resolve("aggregates.csv"), HEADER
                + "take_up,offers,authority,W06000015,Cardiff,financial_year,2024-25,all,,,12,\n"
                + "take_up,offers,authority,W06000022,Newport,financial_year,2024-25,all,,,30,\n"
                + "take_up,offers,authority,W06000014,Vale,financial_year,2024-25,all,,,,[c]\n");
        List<PublishedAggregate> now = List.of(offers("authority", "W06000015", 11, null),
                offers("authority", "W06000022", 30, null), offers("authority", "W06000014", 3, "[c]"));
        var correction = new ReleaseManifest.SubmissionEntry(9, "2024-07-01", "cardiff-and-vale", "sha",
                List.of("W06000015"), null, List.of("2024-25 Q1", "2024-25 Q2"), 11L);
        var elsewhere = new ReleaseManifest.SubmissionEntry(10, "2024-06-30", "gwent", "sha2",
                List.of("W06000022"), null, List.of("2023-24 Q1", "2023-24 Q4"), 5L);

        // when compared
        Revisions revisions = Revisions.since(previous, now, List.of(correction, elsewhere));

        // then only Cardiff's 12 -> 11 is revised, and the correction is named as its cause
        assertThat(revisions.figures()).extracting(PublishedAggregate::noteCode).containsExactly("[r]", null, "[c]");
        assertThat(revisions.revisions()).singleElement().satisfies(r -> {
            assertThat(r.previous()).isEqualTo("12");
            assertThat(r.figure().figure()).isEqualTo("11");
            assertThat(r.submissions()).containsExactly("submission 9 (cardiff-and-vale, received 2024-07-01)");
        });
    }

    @Test
    void aFirstReleaseHasNothingRevised() {
        List<PublishedAggregate> now = List.of(offers("wales", "W92000004", 11, null));
        assertThat(Revisions.since(null, now, List.of()).revisions()).isEmpty();
        assertThat(Revisions.since(null, now, List.of()).figures()).isEqualTo(now);
    }
}
