package wales.activeoffer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.PublishedAggregate;

class WideTableTests {
    private static final PublicationPlan.Table REASONS_BY_YEAR = new PublicationPlan.Table("reasons",
            "refusal_reasons", List.of("wales", "region"), "financial_year", false, Map.of());
    private static final List<WideTable.Area> AREAS = List.of(new WideTable.Area("wales", "W92000004"),
            new WideTable.Area("region", "north"), new WideTable.Area("region", "south"),
            new WideTable.Area("authority", "W06000001"));

    private static PublishedAggregate figure(String level, String code, String year, String statistic, String stage,
            String category, Double value, String symbol) {
        CellKey cell = new CellKey(level, code, "financial_year", year, "all");
        return new PublishedAggregate(new AggregateRow("refusal_reasons", statistic, cell, code, stage, category, value,
                List.of()), value, symbol);
    }

    private static List<String> shown(WideTable table) {
        List<String> lines = new ArrayList<>();
        for (WideTable.Line line : table.lines()) {
            List<String> cells = new ArrayList<>();
            line.cells().values().forEach(c -> cells.add(c instanceof PublishedAggregate p ? p.display()
                    : c.toString()));
            lines.add(line.figure().stage() + " " + line.figure().category() + " " + line.figure().statistic() + " "
                    + line.area().code() + ": " + String.join(" ", cells));
        }
        return lines;
    }

    @Test
    void eachFigureIsABlockOfGeographiesInOrderWithAColumnPerPeriodAndTheGapsFilledByDefinition() {
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

        // when the plan table is laid out wide
        WideTable table = WideTable.of(REASONS_BY_YEAR, published, AREAS);

        // then the offer stage comes before the meeting, each stage's total before its reasons, Wales before the
        // regions, and no authority (the table has none); South had no records in 2023-24 ([x]); a reason nobody gave
        // is 0, and so is its share where the stage had refusals; a share of no refusals is [z]
        assertThat(table.periods()).containsExactly("2023-24", "2024-25");
        assertThat(shown(table)).containsExactly(
                "offer all count W92000004: 10 7",
                "offer all count north: 10 7",
                "offer all count south: [x] 0",
                "offer does_not_want count W92000004: 10 7",
                "offer does_not_want count north: 10 7",
                "offer does_not_want count south: [x] 0",
                "offer does_not_want share W92000004: 1 1",
                "offer does_not_want share north: 1 [c]",
                "offer does_not_want share south: [x] [z]",
                "meeting all count W92000004: 0 6",
                "meeting all count north: 0 0",
                "meeting all count south: [x] 6",
                "meeting does_not_want count W92000004: 0 6",
                "meeting does_not_want count north: 0 0",
                "meeting does_not_want count south: [x] 6",
                "meeting does_not_want share W92000004: [z] 1",
                "meeting does_not_want share north: [z] [z]",
                "meeting does_not_want share south: [x] 1");
    }

    @Test
    void aRevisedFigureIsNamedInItsLinesNotes() {
        // given Wales's 2024-25 offer refusals revised since the previous release
        List<PublishedAggregate> published = List.of(
                figure("wales", "W92000004", "2023-24", "count", "offer", "all", 10.0, null),
                figure("wales", "W92000004", "2024-25", "count", "offer", "all", 7.0, null).asRevised());

        // when it is laid out wide
        WideTable table = WideTable.of(REASONS_BY_YEAR, published, AREAS.subList(0, 1));

        // then the line says which period was revised
        assertThat(table.lines()).singleElement().satisfies(line -> assertThat(line.revisedPeriods())
                .containsExactly("2024-25"));
    }
}
