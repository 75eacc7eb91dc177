package wales.activeoffer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.PublishedAggregate;

class TidyTableTests {
    private static final PublicationPlan.Table REASONS_BY_YEAR = new PublicationPlan.Table("reasons",
            "refusal_reasons", List.of("wales", "region"), "financial_year", false, Map.of());
    private static final List<TidyTable.Area> AREAS = List.of(new TidyTable.Area("wales", "W92000004"),
            new TidyTable.Area("region", "north"), new TidyTable.Area("region", "south"),
            new TidyTable.Area("authority", "W06000001"));

    private static PublishedAggregate figure(String level, String code, String year, String statistic, String stage,
            String category, Double value, String symbol) {
        CellKey cell = new CellKey(level, code, "financial_year", year, "all");
        return new PublishedAggregate(new AggregateRow("refusal_reasons", statistic, cell, code, stage, category, value,
                List.of()), value, symbol);
    }

    private static List<String> shown(TidyTable table) {
        List<String> lines = new ArrayList<>();
        for (TidyTable.Line line : table.lines()) {
            List<String> cells = new ArrayList<>();
            line.cells().values().forEach(c -> cells.add(c instanceof PublishedAggregate p ? p.display()
                    : c.toString()));
            lines.add(line.area().code() + " " + line.period() + " " + line.breakdown().stage() + " "
                    + line.breakdown().category() + ": " + String.join(" ", cells));
        }
        return lines;
    }

    @Test
    void eachAreaPeriodAndBreakdownIsARowWithAColumnPerStatisticAndTheGapsFilledByDefinition() {
        // given Wales and North with refusals at the offer in both years, South with none in 2023-24 and only
        // "does not want" at the meeting in 2024-25, and a share hidden in the North
        List<PublishedAggregate> published = List.of(
                figure("wales", "W92000004", "2023-24", "count", "offer", "all", 10.0, null),
                figure("wales", "W92000004", "2023-24", "count", "offer", "does_not_want", 10.0, null),
                figure("wales", "W92000004", "2023-24", "share", "offer", "does_not_want", 1.0, null),
                figure("wales", "W92000004", "2024-25", "count", "offer", "all", 7.0, null),
                figure("wales", "W92000004", "2024-25", "count", "offer", "does_not_want", 7.0, null),
                figure("wales", "W92000004", "2024-25", "share", "offer", "does_not_want", 1.0, null),
                figure("wales", "W92000004", "2024-25", "count", "meeting", "all", 6.0, null),
                figure("wales", "W92000004", "2024-25", "count", "meeting", "does_not_want", 6.0, null),
                figure("wales", "W92000004", "2024-25", "share", "meeting", "does_not_want", 1.0, null),
                figure("region", "north", "2023-24", "count", "offer", "all", 10.0, null),
                figure("region", "north", "2023-24", "count", "offer", "does_not_want", 10.0, null),
                figure("region", "north", "2023-24", "share", "offer", "does_not_want", 1.0, null),
                figure("region", "north", "2024-25", "count", "offer", "all", 7.0, null),
                figure("region", "north", "2024-25", "count", "offer", "does_not_want", 7.0, null),
                figure("region", "north", "2024-25", "share", "offer", "does_not_want", null, "[c]"),
                figure("region", "south", "2024-25", "count", "meeting", "all", 6.0, null),
                figure("region", "south", "2024-25", "count", "meeting", "does_not_want", 6.0, null),
                figure("region", "south", "2024-25", "share", "meeting", "does_not_want", 1.0, null));

        // when the plan table is laid out tidy
        TidyTable table = TidyTable.of(REASONS_BY_YEAR, published, AREAS);

        // then there is a column for the count and one for the share; rows run Wales before the regions, period by
        // period, the offer stage before the meeting and each stage's total before its reasons, with no authority
        // (the table has none); South had no records in 2023-24 ([x]); a reason nobody gave is 0, and so is its share
        // where the stage had refusals; a share of no refusals is [z], and so is the share of all reasons
        assertThat(table.statistics()).containsExactly("count", "share");
        assertThat(table.hasStages()).isTrue();
        assertThat(table.hasCategories()).isTrue();
        assertThat(shown(table)).containsExactly(
                "W92000004 2023-24 offer all: 10 [z]",
                "W92000004 2023-24 offer does_not_want: 10 1",
                "W92000004 2023-24 meeting all: 0 [z]",
                "W92000004 2023-24 meeting does_not_want: 0 [z]",
                "W92000004 2024-25 offer all: 7 [z]",
                "W92000004 2024-25 offer does_not_want: 7 1",
                "W92000004 2024-25 meeting all: 6 [z]",
                "W92000004 2024-25 meeting does_not_want: 6 1",
                "north 2023-24 offer all: 10 [z]",
                "north 2023-24 offer does_not_want: 10 1",
                "north 2023-24 meeting all: 0 [z]",
                "north 2023-24 meeting does_not_want: 0 [z]",
                "north 2024-25 offer all: 7 [z]",
                "north 2024-25 offer does_not_want: 7 [c]",
                "north 2024-25 meeting all: 0 [z]",
                "north 2024-25 meeting does_not_want: 0 [z]",
                "south 2023-24 offer all: [x] [z]",
                "south 2023-24 offer does_not_want: [x] [x]",
                "south 2023-24 meeting all: [x] [z]",
                "south 2023-24 meeting does_not_want: [x] [x]",
                "south 2024-25 offer all: 0 [z]",
                "south 2024-25 offer does_not_want: 0 [z]",
                "south 2024-25 meeting all: 6 [z]",
                "south 2024-25 meeting does_not_want: 6 1");
    }

    @Test
    void aRevisedFigureIsNamedInItsRowsNotes() {
        // given Wales's 2024-25 offer refusals revised since the previous release
        List<PublishedAggregate> published = List.of(
                figure("wales", "W92000004", "2023-24", "count", "offer", "all", 10.0, null),
                figure("wales", "W92000004", "2024-25", "count", "offer", "all", 7.0, null).asRevised());

        // when it is laid out tidy
        TidyTable table = TidyTable.of(REASONS_BY_YEAR, published, AREAS.subList(0, 1));

        // then the 2024-25 row, and only it, says its count was revised
        assertThat(table.lines()).extracting(line -> line.period() + " " + line.revisedStatistics())
                .containsExactly("2023-24 []", "2024-25 [count]");
    }
}
