package wales.activeoffer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import wales.activeoffer.template.OfferRecord;

/** Each measure definition, checked on a handful of records whose answers are worked out by hand. */
class MeasureAccumulatorTests {
    private static final String CARDIFF = "W06000015";
    private MeasureAccumulator measures;

    private static OfferRecord offer(String route, String response, String outcome, String reason, String stage,
            String source, Integer toMeeting, Integer toContact) {
        LocalDate date = LocalDate.of(2024, 5, 1);
        return new OfferRecord(CARDIFF, "cardiff-and-vale", "nyas-cymru", "k", null, route, null, null, date, null,
                null, null, response, outcome, reason, stage, source, null, null, 10, null, null, null, "2024-25",
                "2024-25 Q1", toContact, toMeeting, false);
    }

    @BeforeEach
    void givenSevenOffers() {
        measures = new MeasureAccumulator((level, code) -> level + ":" + code, 10);
        measures.add(offer("looked_after", "accepted_meeting", "took_up", null, null, "social_worker", 5, 1));
        measures.add(offer("looked_after", "accepted_meeting", "took_up", null, null, "iro", 12, 3));
        measures.add(offer("looked_after", "accepted_meeting", "declined", "not_at_the_moment", "meeting", "social_worker", 8, null));
        measures.add(offer("child_protection", "accepted_meeting", "pending", null, null, "social_worker", null, 2));
        measures.add(offer("child_protection", "declined", null, "prefers_informal", "offer", null, null, null));
        measures.add(offer("child_protection", "declined", null, "not_recorded", "offer", null, null, null));
        measures.add(offer("care_and_support", "exempt_understanding", null, null, null, null, null, null));
    }

    private Optional<AggregateRow> find(String level, String periodType, String route, String measure,
            String statistic, String stage, String category) {
        return measures.rows().stream()
                .filter(r -> r.cell().geographyLevel().equals(level) && r.cell().periodType().equals(periodType)
                        && r.cell().route().equals(route) && r.measure().equals(measure)
                        && r.statistic().equals(statistic) && Objects.equals(r.stage(), stage)
                        && Objects.equals(r.category(), category))
                .findFirst();
    }

    private double value(String measure, String statistic, String stage, String category) {
        return find("authority", "quarter", "all", measure, statistic, stage, category).orElseThrow().value();
    }

    @Test
    void takeUpFunnel() {
        assertThat(value("take_up", "offers", null, null)).isEqualTo(7);
        assertThat(value("take_up", "meetings_accepted", null, null)).isEqualTo(4);
        // held = took_up, declined or time_to_think at the meeting: 3 (pending is not held)
        assertThat(value("take_up", "meetings_held", null, null)).isEqualTo(3);
        assertThat(value("take_up", "taken_up", null, null)).isEqualTo(2);
        assertThat(value("take_up", "take_up_rate", null, null)).isEqualTo(2.0 / 3);
        assertThat(value("take_up", "conversion_rate", null, null)).isEqualTo(2.0 / 7);
    }

    @Test
    void funnelByEligibilityRoute() {
        assertThat(find("authority", "quarter", "child_protection", "take_up", "offers", null, null).orElseThrow()
                .value()).isEqualTo(3);
        AggregateRow rate = find("authority", "quarter", "care_and_support", "take_up", "take_up_rate", null, null)
                .orElseThrow();
        assertThat(rate.value()).as("no meetings held: undefined").isNull();
        assertThat(rate.basis()).extracting(CountKey::statistic).containsExactly("taken_up", "meetings_held");
        assertThat(rate.basis()).allSatisfy(key -> assertThat(key.cell()).isEqualTo(rate.cell()));
    }

    @Test
    void refusalReasonsByStageWithShareOfThatStage() {
        assertThat(value("refusal_reasons", "count", "offer", "prefers_informal")).isEqualTo(1);
        assertThat(value("refusal_reasons", "share", "offer", "prefers_informal")).isEqualTo(0.5);
        assertThat(value("refusal_reasons", "count", "meeting", "not_at_the_moment")).isEqualTo(1);
        assertThat(value("refusal_reasons", "share", "meeting", "not_at_the_moment")).isEqualTo(1.0);
        assertThat(value("refusal_reasons", "count", "offer", "all")).as("the stage total the shares are of").isEqualTo(2);
        assertThat(value("refusal_reasons", "count", "meeting", "all")).isEqualTo(1);
    }

    @Test
    void responseTimeFromReferralToMeetingHeld() {
        // meetings held with a time: 5, 12, 8 -> median 8, p90 rank ceil(2.7)=3 -> 12, within 10: 2 of 3
        assertThat(value("response_time", "n", null, "referral_to_meeting")).isEqualTo(3);
        assertThat(value("response_time", "median_working_days", null, "referral_to_meeting")).isEqualTo(8);
        assertThat(value("response_time", "p90_working_days", null, "referral_to_meeting")).isEqualTo(12);
        assertThat(value("response_time", "share_within_target", null, "referral_to_meeting")).isEqualTo(2.0 / 3);
        assertThat(value("response_time", "within_target", null, "referral_to_meeting")).isEqualTo(2);
        assertThat(value("response_time", "beyond_target", null, "referral_to_meeting")).isEqualTo(1);
    }

    @Test
    void responseTimeFromReferralToFirstContact() {
        // 1, 3, 2 -> median 2
        assertThat(value("response_time", "median_working_days", null, "referral_to_first_contact")).isEqualTo(2);
    }

    @Test
    void referralSourcesShareOfAllOffers() {
        assertThat(value("referral_sources", "count", null, "social_worker")).isEqualTo(3);
        assertThat(value("referral_sources", "share", null, "social_worker")).isEqualTo(3.0 / 7);
        assertThat(value("referral_sources", "count", null, "not_recorded")).isEqualTo(3);
    }

    @Test
    void categoriesThePlanCombinesArePublishedAsOneWithTheirSharesAddedUp() {
        // given the same seven offers, with the plan combining two refusal reasons and two referral sources
        MeasureAccumulator combined = new MeasureAccumulator((level, code) -> code, 10, (measure, category) ->
                switch (measure + " " + category) {
                    case "refusal_reasons prefers_informal", "refusal_reasons not_recorded" -> "rarer";
                    case "referral_sources iro", "referral_sources not_recorded" -> "elsewhere";
                    default -> category;
                });
        List.of(offer("looked_after", "accepted_meeting", "took_up", null, null, "social_worker", 5, 1),
                offer("looked_after", "accepted_meeting", "took_up", null, null, "iro", 12, 3),
                offer("looked_after", "accepted_meeting", "declined", "not_at_the_moment", "meeting", "social_worker",
                        8, null),
                offer("child_protection", "accepted_meeting", "pending", null, null, "social_worker", null, 2),
                offer("child_protection", "declined", null, "prefers_informal", "offer", null, null, null),
                offer("child_protection", "declined", null, "not_recorded", "offer", null, null, null),
                offer("care_and_support", "exempt_understanding", null, null, null, null, null, null))
                .forEach(combined::add);
        measures = combined;

        // then the two offer-stage reasons are one category of 2, all the stage's refusals, and the parts are gone
        assertThat(value("refusal_reasons", "count", "offer", "rarer")).isEqualTo(2);
        assertThat(value("refusal_reasons", "share", "offer", "rarer")).isEqualTo(1.0);
        assertThat(find("authority", "quarter", "all", "refusal_reasons", "count", "offer", "not_recorded")).isEmpty();
        // and the IRO and not recorded sources are 1 + 3 of the 7 offers
        assertThat(value("referral_sources", "count", null, "elsewhere")).isEqualTo(4);
        assertThat(value("referral_sources", "share", null, "elsewhere")).isEqualTo(4.0 / 7);
        assertThat(value("referral_sources", "count", null, "social_worker")).isEqualTo(3);
    }

    @Test
    void everyRecordCountsInWalesItsRegionAndItsAuthorityByYearAndQuarter() {
        for (String level : List.of("wales", "region", "authority")) {
            for (String period : List.of("financial_year", "quarter")) {
                assertThat(find(level, period, "all", "take_up", "offers", null, null).orElseThrow().value())
                        .as(level + " " + period).isEqualTo(7);
            }
        }
        assertThat(find("wales", "quarter", "all", "take_up", "offers", null, null).orElseThrow().cell().geographyCode())
                .isEqualTo(MeasureAccumulator.WALES_CODE);
    }

    @Test
    void eachCountIsTiedToTheTotalsItAddsUpTo() {
        // given the seven Cardiff offers of 2024-25 Q1 (region cardiff-and-vale)
        CellKey authorityQuarter = new CellKey("authority", CARDIFF, "quarter", "2024-25 Q1", "looked_after");
        CountKey offers = new CountKey("take_up", "offers", null, null, authorityQuarter);

        // when the sums are listed
        List<SumRelation> sums = measures.table().sums();

        // then the looked-after offers add up to all routes, to the region and to the financial year
        assertThat(sums).filteredOn(sum -> sum.parts().contains(offers)).extracting(sum -> sum.total().cell())
                .containsExactlyInAnyOrder(
                        new CellKey("authority", CARDIFF, "quarter", "2024-25 Q1", "all"),
                        new CellKey("region", "cardiff-and-vale", "quarter", "2024-25 Q1", "looked_after"),
                        new CellKey("authority", CARDIFF, "financial_year", "2024-25", "looked_after"));
        // and all routes are the sum of the three routes
        assertThat(sums).filteredOn(sum -> sum.total().equals(offers.inCell(new CellKey("authority", CARDIFF,
                "quarter", "2024-25 Q1", "all"))) && sum.parts().stream().noneMatch(k -> k.cell().route().equals("all")))
                .singleElement().satisfies(sum -> assertThat(sum.parts()).extracting(k -> k.cell().route())
                        .containsExactlyInAnyOrder("care_and_support", "child_protection", "looked_after"));
        // and a stage's reasons add up to its total, sources to offers, within and beyond the target to n
        CellKey all = new CellKey("authority", CARDIFF, "quarter", "2024-25 Q1", "all");
        assertThat(partsOf(sums, new CountKey("refusal_reasons", "count", "offer", "all", all)))
                .extracting(CountKey::category).containsExactly("not_recorded", "prefers_informal");
        assertThat(partsOf(sums, new CountKey("take_up", "offers", null, null, all)))
                .extracting(CountKey::category).containsExactlyInAnyOrder("iro", "not_recorded", "social_worker");
        assertThat(partsOf(sums, new CountKey("take_up", "meetings_held", null, null, all)))
                .as("held = taken up + refused at the meeting").extracting(CountKey::statistic, CountKey::category)
                .containsExactlyInAnyOrder(Tuple.tuple("taken_up", null),
                        Tuple.tuple("count", "all"));
        assertThat(partsOf(sums, new CountKey("response_time", "n", null, "referral_to_meeting", all)))
                .extracting(CountKey::statistic).containsExactlyInAnyOrder("beyond_target", "within_target");
    }

    private static List<CountKey> partsOf(List<SumRelation> sums, CountKey total) {
        return sums.stream().filter(sum -> sum.total().equals(total)
                && sum.parts().stream().allMatch(part -> part.cell().equals(total.cell()))).findFirst().orElseThrow()
                .parts();
    }

    @Test
    void anAuthorityInTwoRegionsInOnePeriodIsRefusedBecauseTheRegionsWouldNotAddUp() {
        OfferRecord elsewhere = new OfferRecord(CARDIFF, "gwent", "nyas-cymru", "k", null, "looked_after", null, null,
                LocalDate.of(2024, 5, 2), null, null, null, "declined", null, null, null, null, null, null, 10, null,
                null, null, "2024-25", "2024-25 Q1", null, null, false);

        assertThatThrownBy(() -> measures.add(elsewhere)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("W06000015 has records in cardiff-and-vale and gwent in 2024-25");
    }

    @Test
    void everyCountNamesTheBaseCellsItAddsUpWithTheirCellKeys() {
        // given the seven offers: three looked after, three child protection, one care and support, all Cardiff's Q1
        MeasureTable table = measures.table();
        CellKey wales = new CellKey("wales", MeasureAccumulator.WALES_CODE, "financial_year", "2024-25", "all");

        // then Wales's offers of the year add up Cardiff's Q1 on each route, each with the sum of its records' keys
        List<BaseCount> parts = table.parts().get(new CountKey("take_up", "offers", null, null, wales));
        int lookedAfterKey = MeasureAccumulator.recordKey(offer("looked_after", "accepted_meeting", "took_up", null,
                null, "social_worker", 5, 1));
        assertThat(parts).extracting(BaseCount::value).containsExactlyInAnyOrder(3, 3, 1);
        assertThat(parts).contains(new BaseCount(3, (3 * lookedAfterKey) & 0xFF));
        // and taken up: the two looked-after offers that took it up, and none on the other routes
        assertThat(table.parts().get(new CountKey("take_up", "taken_up", null, null, wales)))
                .containsExactlyInAnyOrder(new BaseCount(2, (2 * lookedAfterKey) & 0xFF), new BaseCount(0, 0),
                        new BaseCount(0, 0));
    }
}
