package wales.activeoffer.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wales.activeoffer.reference.Authority;
import wales.activeoffer.template.OfferRecord;

class DataQualityTests {
    private static final Authority CARDIFF = new Authority("W06000015", "Cardiff", "Caerdydd");
    private static final Authority VALE = new Authority("W06000014", "Vale of Glamorgan", "Bro Morgannwg");
    private final DataQuality quality = new DataQuality(List.of(CARDIFF, VALE), List.of("AO-006", "AO-012"));

    private static OfferRecord offer(String quarter, String response, String outcome, String reason, String stage,
            String source, LocalDate referral) {
        return new OfferRecord(CARDIFF.onsCode(), "cardiff-and-vale", "p", "k", null, "looked_after", null, null,
                LocalDate.of(2024, 1, 10), referral, null, null, response, outcome, reason, stage, source, null, null,
                null, null, "english", null, quarter.substring(0, 7), quarter, null, null, false);
    }

    @Test
    void coverageListsEveryQuarterFromTheFirstToTheLastAndWhoIsMissing() {
        // given Cardiff records in 2023-24 Q4 and 2024-25 Q2, and nothing from the Vale
        quality.add(offer("2023-24 Q4", "declined", null, null, "offer", "iro", null));
        quality.add(offer("2024-25 Q2", "no_response", null, null, null, null, null));

        DataQuality.Coverage coverage = quality.coverage();

        // then 2024-25 Q1, which nobody sent, is still listed, as missing for both
        assertThat(coverage.quarters()).containsExactly("2023-24 Q4", "2024-25 Q1", "2024-25 Q2");
        assertThat(coverage.authorities()).extracting(DataQuality.Coverage.Line::quartersReceived)
                .containsExactly(List.of("2023-24 Q4", "2024-25 Q2"), List.of());
    }

    @Test
    void completenessIsOfTheRecordsThatShouldHaveTheFieldAndRulesAreCountedPerAuthority() {
        // given six Cardiff offers, one of them with no language: two accepted meetings, one with a referral date
        LocalDate referral = LocalDate.of(2024, 1, 11);
        for (int i = 0; i < 4; i++) {
            quality.add(offer("2023-24 Q4", "no_response", null, null, null, "iro", null));
        }
        quality.add(offer("2023-24 Q4", "accepted_meeting", null, null, null, "iro", referral));
        OfferRecord noLanguage = offer("2023-24 Q4", "accepted_meeting", "declined", "not_recorded", "meeting", null,
                null);
        quality.add(new OfferRecord(noLanguage.authorityCode(), noLanguage.regionCode(), "p", "k", null,
                noLanguage.eligibilityRoute(), null, null, noLanguage.dateOffer(), null, null, null,
                noLanguage.offerResponse(), noLanguage.meetingOutcome(), noLanguage.refusalReason(),
                noLanguage.refusalStage(), null, null, null, null, null, null, null, noLanguage.financialYear(),
                noLanguage.quarter(), null, null, false));
        quality.addIssue(CARDIFF.onsCode(), "AO-006");
        quality.addIssue(CARDIFF.onsCode(), "AO-006");
        quality.addIssue(CARDIFF.onsCode(), "AO-012");

        DataQuality.Quality.Line cardiff = quality.quality().authorities().get(0);

        // then language 5 of 6 = 83%; referral date 1 of 2 meetings accepted is too few records to show
        assertThat(cardiff.completeness().get("language").display(4)).isEqualTo("83");
        assertThat(cardiff.completeness().get("date_referral")).isEqualTo(new Completeness(1, 2));
        assertThat(cardiff.completeness().get("date_referral").display(4)).isEqualTo("[c]");
        // and AO-012 (a refusal with no reason) is left out: it is published as not_recorded refusals
        assertThat(cardiff.ruleCounts()).containsExactly(Map.entry("AO-006", 2));
        assertThat(cardiff.completeness()).doesNotContainKeys("referral_source", "refusal_reason");
        // and the Vale, with no records, has nothing that applies
        DataQuality.Quality.Line vale = quality.quality().authorities().get(1);
        assertThat(vale.completeness().get("language").display(4)).isEqualTo("[z]");
        assertThat(vale.ruleCounts()).containsOnly(Map.entry("AO-006", 0));
    }
}
