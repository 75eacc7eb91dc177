package wales.activeoffer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.PublishedAggregate;

class TrendSummaryTests {
    private static final Place GWENT = new Place("region", "gwent", "Gwent", "Gwent");
    private static final String Q3 = "2024-25 Q3";
    private static final String Q4 = "2024-25 Q4";

    /** A quarter's published take-up: taken up, meetings held and the rate, or [c] for all three. */
    private static List<PublishedAggregate> takeUp(String quarter, Integer takenUp, Integer held) {
        CellKey cell = new CellKey("region", "gwent", "quarter", quarter, "all");
        List<PublishedAggregate> figures = new ArrayList<>();
        if (takenUp == null) {
            for (String statistic : List.of("taken_up", "meetings_held", "take_up_rate")) {
                figures.add(new PublishedAggregate(new AggregateRow("take_up", statistic, cell, "Gwent", null, null,
                        null, List.of()), null, "[c]"));
            }
            return figures;
        }
        figures.add(figure(cell, "taken_up", takenUp));
        figures.add(figure(cell, "meetings_held", held));
        figures.add(figure(cell, "take_up_rate", (double) takenUp / held));
        return figures;
    }

    private static PublishedAggregate figure(CellKey cell, String statistic, double value) {
        return new PublishedAggregate(new AggregateRow("take_up", statistic, cell, "Gwent", null, null, value,
                List.of()), value, null);
    }

    private static Statement change(Language language, List<PublishedAggregate> q3, List<PublishedAggregate> q4) {
        List<PublishedAggregate> all = new ArrayList<>(q3);
        all.addAll(q4);
        return new TrendSummary(new ReleaseFigures(all), language).takeUpChange(GWENT, Q3, Q4);
    }

    @Test
    void aRiseWhoseIntervalsOverlapMayBeChance() {
        // 28 of 50 (56%, Wilson 42.3% to 68.8%) then 59 of 100 (59%, 49.2% to 68.1%)
        Statement statement = change(Language.ENGLISH, takeUp(Q3, 28, 50), takeUp(Q4, 59, 100));

        assertThat(statement.text()).isEqualTo("Take-up in Gwent rose from 56% to 59% between 2024-25 Q3 and "
                + "2024-25 Q4; the 95% intervals overlap, so the change may be chance.");
        assertThat(statement.parts()).filteredOn(p -> p.figure() != null)
                .extracting(p -> p.figure() + " " + p.format() + " " + p.text())
                .containsExactly("take_up|take_up_rate|gwent|2024-25 Q3|all|| pct0 56%",
                        "take_up|take_up_rate|gwent|2024-25 Q4|all|| pct0 59%");
    }

    @Test
    void theSameInWelshPutsThePlaceFirst() {
        Statement statement = change(Language.WELSH, takeUp(Q3, 28, 50), takeUp(Q4, 59, 100));

        assertThat(statement.text()).isEqualTo("Gwent: cododd y gyfradd manteisio o 56% i 59% rhwng 2024-25 Ch3 a "
                + "2024-25 Ch4; mae'r cyfyngau hyder 95% yn gorgyffwrdd, felly gall y newid fod ar hap.");
    }

    @Test
    void aRiseWhoseIntervalsDoNotOverlapIsUnlikelyToBeChance() {
        // 10 of 100 (Wilson up to 17.4%) then 60 of 100 (from 50.2%)
        assertThat(change(Language.ENGLISH, takeUp(Q3, 10, 100), takeUp(Q4, 60, 100)).text())
                .isEqualTo("Take-up in Gwent rose from 10% to 60% between 2024-25 Q3 and 2024-25 Q4; the 95% "
                        + "intervals do not overlap, so the change is unlikely to be chance alone.");
    }

    @Test
    void noneOfEightThenAllOfEightHaveIntervalsThatDoNotMeet() {
        // 0 of 8: 0% to 32.4%; 8 of 8: 67.6% to 100%
        assertThat(change(Language.ENGLISH, takeUp(Q3, 0, 8), takeUp(Q4, 8, 8)).text())
                .isEqualTo("Take-up in Gwent rose from 0% to 100% between 2024-25 Q3 and 2024-25 Q4; the 95% "
                        + "intervals do not overlap, so the change is unlikely to be chance alone.");
    }

    @Test
    void aFallThatRoundsToTheSameWholePercentIsGivenToOneDecimal() {
        // 57 of 100 = 57.0% then 113 of 200 = 56.5%, both "57%" when rounded; intervals overlap
        assertThat(change(Language.ENGLISH, takeUp(Q3, 57, 100), takeUp(Q4, 113, 200)).text())
                .isEqualTo("Take-up in Gwent fell from 57.0% to 56.5% between 2024-25 Q3 and 2024-25 Q4; the 95% "
                        + "intervals overlap, so the change may be chance.");
    }

    @Test
    void aSuppressedQuarterIsSaidToBeHiddenAndNotCompared() {
        assertThat(change(Language.ENGLISH, takeUp(Q3, 28, 50), takeUp(Q4, null, null)).text())
                .isEqualTo("Take-up in Gwent for 2024-25 Q4 is not published ([c]), to protect small numbers, so it "
                        + "cannot be compared with 2024-25 Q3.");
        assertThat(change(Language.WELSH, takeUp(Q3, 28, 50), takeUp(Q4, null, null)).text())
                .isEqualTo("Gwent: nid yw'r gyfradd manteisio ar gyfer 2024-25 Ch4 wedi'i chyhoeddi ([c]), i ddiogelu "
                        + "niferoedd bach, felly ni ellir ei chymharu â 2024-25 Ch3.");
    }

    @Test
    void aQuarterWithNoRecordsIsSaidToBeMissing() {
        assertThat(change(Language.ENGLISH, List.of(), takeUp(Q4, 59, 100)).text())
                .isEqualTo("Take-up in Gwent cannot be compared between 2024-25 Q3 and 2024-25 Q4: no records were "
                        + "received for 2024-25 Q3 ([x]).");
    }
}
