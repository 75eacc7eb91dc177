package wales.activeoffer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.CountKey;
import wales.activeoffer.aggregate.MeasureTable;
import wales.activeoffer.aggregate.SumRelation;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.template.RecordingTemplate;

class PublicationPlanTests {
    private static final RecordingTemplate TEMPLATE = RepoPaths.template();
    private static final PublicationLabels LABELS = PublicationLabels.load(RepoPaths.mappings().resolve("reference")
            .resolve(PublicationLabels.FILE_NAME), TEMPLATE, RepoPaths.reference());
    private static final String HEADER = "table,measure,geographies,period,routes,combine\n";

    private static CellKey cell(String level, String periodType, String route) {
        return new CellKey(level, level + "-code", periodType, "financial_year".equals(periodType) ? "2024-25"
                : "2024-25 Q1", route);
    }

    private static AggregateRow count(String measure, CellKey cell, double value) {
        CountKey key = new CountKey(measure, "count", null, null, cell);
        return new AggregateRow(measure, "count", cell, "name", null, null, value, List.of(key));
    }

    @Test
    void theShippedPlanIsValidAndPublishesTakeUpByQuarterForWalesAndRegionsButNotForAuthorities() {
        PublicationPlan plan = PublicationPlan.load(RepoPaths.mappings().resolve("reference")
                .resolve(PublicationPlan.FILE_NAME), PublicationLabels.categoryCodes(TEMPLATE), LABELS::namesCategory);
        assertThat(plan.covers("take_up", cell("region", "quarter", "all"))).isTrue();
        assertThat(plan.covers("take_up", cell("authority", "quarter", "all"))).isFalse();
        assertThat(plan.covers("take_up", cell("authority", "financial_year", "all"))).isTrue();
        assertThat(plan.covers("take_up", cell("region", "financial_year", "looked_after"))).isTrue();
        assertThat(plan.covers("take_up", cell("region", "quarter", "looked_after"))).isFalse();
        assertThat(plan.covers("refusal_reasons", cell("region", "quarter", "all"))).isFalse();
        assertThat(plan.publishedCategory("refusal_reasons", "prefers_peer")).isEqualTo("other_reasons");
    }

    @Test
    void filteringKeepsThePlansRowsAndOnlyTheSumsWhoseTotalAndPartsArePublished(@TempDir Path dir) throws IOException {
        // given a plan of take-up by year for Wales and regions
        Path file = Files.writeString(dir.resolve(PublicationPlan.FILE_NAME), HEADER
                + "take_up_by_year,take_up,wales region,financial_year,total,\n");
        PublicationPlan plan = PublicationPlan.load(file);
        AggregateRow wales = count("take_up", cell("wales", "financial_year", "all"), 9);
        AggregateRow region = count("take_up", cell("region", "financial_year", "all"), 9);
        AggregateRow authority = count("take_up", cell("authority", "financial_year", "all"), 9);
        AggregateRow quarter = count("take_up", cell("region", "quarter", "all"), 9);
        SumRelation regionsToWales = new SumRelation(wales.key(), List.of(region.key()));
        SumRelation authoritiesToRegion = new SumRelation(region.key(), List.of(authority.key()));
        SumRelation quartersToYear = new SumRelation(region.key(), List.of(quarter.key()));

        // when a table with finer rows is filtered
        MeasureTable published = plan.filter(new MeasureTable(List.of(wales, region, authority, quarter),
                List.of(regionsToWales, authoritiesToRegion, quartersToYear)));

        // then only Wales and the region by year are left, tied by their one sum
        assertThat(published.rows()).containsExactly(wales, region);
        assertThat(published.sums()).containsExactly(regionsToWales);
    }

    @Test
    void everyProblemIsNamedWithItsFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve(PublicationPlan.FILE_NAME), HEADER
                + "a,take_up,wales region,financial_year,total,\n"
                + "a,uptake,wales county,month,some,\n"
                + "b,take_up\n");

        assertThatThrownBy(() -> PublicationPlan.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join("\n",
                        file + ":3: table: 'a' must be a name no other line uses",
                        file + ":3: measure: 'uptake' must be one of take_up, refusal_reasons, referral_sources, "
                                + "response_time",
                        file + ":3: geographies: 'wales county' must be some of wales, region, authority, separated "
                                + "by spaces",
                        file + ":3: period: 'month' must be one of financial_year, quarter",
                        file + ":3: routes: 'some' must be one of total, each",
                        file + ":4: every line needs a value for each column of the header: table,measure,"
                                + "geographies,period,routes,combine"));
    }

    @Test
    void combinedCategoriesArePublishedUnderTheirNewCodeInEveryTableOfTheMeasure(@TempDir Path dir)
            throws IOException {
        // given a plan that combines two refusal reasons
        Path file = Files.writeString(dir.resolve(PublicationPlan.FILE_NAME), HEADER
                + "reasons,refusal_reasons,wales region,financial_year,total,rare = prefers_peer + other\n"
                + "reasons_by_quarter,refusal_reasons,wales,quarter,total,rare = prefers_peer + other\n");

        // when it is read with the template's codes and labels
        PublicationPlan plan = PublicationPlan.load(file, Map.of("refusal_reason", Set.of("prefers_peer", "other",
                "time_to_think"), "referral_source", Set.of()), "rare"::equals);

        // then the two reasons are published as one, and the others as themselves
        assertThat(plan.publishedCategory("refusal_reasons", "prefers_peer")).isEqualTo("rare");
        assertThat(plan.publishedCategory("refusal_reasons", "other")).isEqualTo("rare");
        assertThat(plan.publishedCategory("refusal_reasons", "time_to_think")).isEqualTo("time_to_think");
        assertThat(plan.publishedCategory("referral_sources", "other")).isEqualTo("other");
        assertThat(plan.combinations("refusal_reasons")).isEqualTo(Map.of("rare", List.of("other", "prefers_peer")));
    }

    @Test
    void aCombinationThatCannotBePublishedIsNamedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve(PublicationPlan.FILE_NAME), HEADER
                + "a,refusal_reasons,wales,financial_year,total,rare = prefers_peer + oops\n"
                + "b,refusal_reasons,wales,quarter,total,rare = prefers_peer + other; unnamed = other + oops\n"
                + "c,take_up,wales,quarter,total,rare = prefers_peer + other\n"
                + "d,referral_sources,wales,quarter,total,carer\n");

        assertThatThrownBy(() -> PublicationPlan.load(file, Map.of("refusal_reason", Set.of("prefers_peer", "other"),
                "referral_source", Set.of("carer")), "rare"::equals)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join("\n",
                        file + ":2: combine: 'oops' is not a code of the template's refusal_reason list (other, "
                                + "prefers_peer)",
                        file + ":3: combine: 'unnamed' needs English and Welsh words: add a line "
                                + "'category,unnamed,<English>,<Cymraeg>' to publication-labels.csv",
                        file + ":3: combine: 'other' is in two groups; put it in one",
                        file + ":3: combine: 'oops' is not a code of the template's refusal_reason list (other, "
                                + "prefers_peer)",
                        file + ":3: combine: 'rare = prefers_peer + other; unnamed = other + oops' must combine "
                                + "categories as table a does, since both publish refusal_reasons",
                        file + ":4: combine: 'rare = prefers_peer + other' only referral_sources and "
                                + "refusal_reasons have categories to combine; leave it empty for take_up",
                        file + ":5: combine: 'carer' must read new_code = code + code (two or more codes; groups "
                                + "separated by ;)"));
    }
}
