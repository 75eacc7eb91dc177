package wales.activeoffer.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.template.OfferRecord;
import wales.activeoffer.template.Severity;

/** One test per validation rule of the template, each from a valid row with one thing wrong. */
class OfferRowNormaliserTests {
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 22);
    private static final ChildKeyHasher HASHER = new ChildKeyHasher("a test key that is at least thirty-two bytes".getBytes());
    private final OfferRowNormaliser normaliser = new OfferRowNormaliser(RepoPaths.template(), RepoPaths.reference(),
            SourceMapping.table("test", "csv", Map.of(), List.of("dd/MM/yyyy")),
            HASHER, RUN_DATE);

    private static Map<String, String> validRow() {
        Map<String, String> row = new HashMap<>();
        row.put("authority", "Cardiff");
        row.put("child_id", "P001");
        row.put("record_ref", "E1");
        row.put("date_of_birth", "01/05/2014");
        row.put("eligibility_route", "Looked after");
        row.put("trigger", "Review");
        row.put("date_eligible", "20/03/2024");
        row.put("date_offer", "03/04/2024");
        row.put("date_referral", "03/04/2024");
        row.put("date_first_contact", "05/04/2024");
        row.put("date_meeting", "10/04/2024");
        row.put("offer_response", "Accepted");
        row.put("meeting_outcome", "Took up advocacy");
        row.put("refusal_reason", "");
        row.put("referral_source", "Social worker");
        row.put("non_instructed", "No");
        row.put("iro_confirmed", "Yes");
        row.put("gender", "Female");
        row.put("language", "Cymraeg");
        row.put("disability", "No");
        return row;
    }

    private NormalisedRow normalise(Map<String, String> values) {
        return normaliser.process(new SourceRow("", 7, values));
    }

    private NormalisedRow with(String field, String value) {
        Map<String, String> row = validRow();
        row.put(field, value);
        return normalise(row);
    }

    private static void assertRejectedBy(NormalisedRow result, String ruleId, String field, String shownValue) {
        assertThat(result.rejected()).as("rejected").isTrue();
        assertThat(result.issues()).anySatisfy(issue -> {
            assertThat(issue.ruleId()).isEqualTo(ruleId);
            assertThat(issue.field()).isEqualTo(field);
            assertThat(issue.value()).isEqualTo(shownValue);
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.rowNumber()).isEqualTo(7);
        });
    }

    private static void assertFlaggedBy(NormalisedRow result, String ruleId, String field) {
        assertThat(result.rejected()).as("rejected").isFalse();
        assertThat(result.record().flagged()).isTrue();
        assertThat(result.issues()).extracting(RowIssue::ruleId, RowIssue::field, RowIssue::severity)
                .containsExactly(Tuple.tuple(ruleId, field, Severity.WARNING));
    }

    @Test
    void textCopiedFromTheWebOrWordWithNoBreakSpacesIsReadAsIfTheyWerePlainSpaces() {
        // given the valid row with a no-break space after the authority, a narrow one inside the route, a figure space
        // in the response and a zero-width space before the offer date
        Map<String, String> row = validRow();
        row.put("authority", "Cardiff\u00A0");
        row.put("eligibility_route", "Looked\u202Fafter");
        row.put("offer_response", "Accepted\u2007");
        row.put("date_offer", "\u200B03/04/2024");

        NormalisedRow result = normalise(row);

        // then it is the same record as the plain row's
        assertThat(result.issues()).isEmpty();
        assertThat(result.record()).isEqualTo(normalise(validRow()).record());
    }

    @Test
    void theAuthoritysWelshNameWithANoBreakSpaceIsRecognised() {
        NormalisedRow result = with("authority", "Caerdydd\u00A0");

        assertThat(result.issues()).isEmpty();
        assertThat(result.record().authorityCode()).isEqualTo("W06000015");
    }

    @Test
    void aValidRowBecomesATemplateRecord() {
        NormalisedRow result = normalise(validRow());

        assertThat(result.issues()).isEmpty();
        OfferRecord record = result.record();
        assertThat(record.authorityCode()).isEqualTo("W06000015");
        assertThat(record.regionCode()).isEqualTo("cardiff-and-vale");
        assertThat(record.providerCode()).isEqualTo("nyas-cymru");
        assertThat(record.childKey()).isEqualTo(HASHER.key("W06000015", "P001")).hasSize(64).doesNotContain("P001");
        assertThat(record.eligibilityRoute()).isEqualTo("looked_after");
        assertThat(record.trigger()).isEqualTo("review");
        assertThat(record.dateOffer()).isEqualTo(LocalDate.of(2024, 4, 3));
        assertThat(record.offerResponse()).isEqualTo("accepted_meeting");
        assertThat(record.meetingOutcome()).isEqualTo("took_up");
        assertThat(record.refusalReason()).isNull();
        assertThat(record.refusalStage()).isNull();
        assertThat(record.referralSource()).isEqualTo("social_worker");
        assertThat(record.nonInstructed()).isFalse();
        assertThat(record.iroConfirmed()).isTrue();
        assertThat(record.ageAtOffer()).isEqualTo(9);
        assertThat(record.language()).isEqualTo("welsh");
        assertThat(record.financialYear()).isEqualTo("2024-25");
        assertThat(record.quarter()).isEqualTo("2024-25 Q1");
        // Wed 3 Apr -> Fri 5 Apr: 4, 5 ; -> Wed 10 Apr: 4, 5, 8, 9, 10
        assertThat(record.workingDaysToFirstContact()).isEqualTo(2);
        assertThat(record.workingDaysToMeeting()).isEqualTo(5);
        assertThat(record.flagged()).isFalse();
    }

    @Test
    void sameChildSameKeyWhateverTheSpacingOrCase() {
        assertThat(with("child_id", " p 001 ").record().childKey()).isEqualTo(normalise(validRow()).record().childKey());
    }

    @Test
    void ao001MissingChildIdentifierRejectsTheRow() {
        assertRejectedBy(with("child_id", " "), "AO-001", "child_id", "");
    }

    @Test
    void ao002UnknownAuthorityRejectsTheRow() {
        assertRejectedBy(with("authority", "Merthyr Tydfill"), "AO-002", "authority", "Merthyr Tydfill");
    }

    @Test
    void ao003OfferDateThatIsNotADateRejectsTheRow() {
        assertRejectedBy(with("date_offer", "31/02/2024"), "AO-003", "date_offer", "31/02/2024");
        assertRejectedBy(with("date_offer", ""), "AO-003", "date_offer", "");
    }

    @Test
    void ao004UnknownEligibilityRouteRejectsTheRow() {
        assertRejectedBy(with("eligibility_route", "Respite"), "AO-004", "eligibility_route", "Respite");
    }

    @Test
    void ao005MissingOfferResponseRejectsTheRow() {
        assertRejectedBy(with("offer_response", ""), "AO-005", "offer_response", "");
    }

    @Test
    void aValueThatCannotBeReadIsToldWithWhatTheFieldTakesCodesInTheTemplatesOrderOrTheLayoutsDates() {
        assertThat(with("offer_response", "Maybe").issues()).extracting(RowIssue::message).containsExactly(
                "The child's response to the offer is missing or not recognised. Allowed: Accepted a meeting, "
                        + "Declined the offer, Exempt - sufficient understanding, No response.");
        assertThat(with("referral_source", "Advocacy helpline").issues()).extracting(RowIssue::message)
                .containsExactly("This value is not in the template's code list, so it has been left blank. Allowed: "
                        + "Social worker, Independent Reviewing Officer, Foster carer or residential staff, Parent or "
                        + "family, Self-referral, Other professional, Other.");
        // this test's layout is a CSV that reads dd/MM/yyyy
        assertThat(with("date_offer", "31/02/2024").issues()).extracting(RowIssue::message).containsExactly(
                "The date of the offer is missing or is not a date. This layout reads dates written as dd/mm/yyyy or "
                        + "yyyy-mm-dd, or in words (3 March 2024).");
        assertThat(with("iro_confirmed", "maybe").issues()).extracting(RowIssue::message).containsExactly(
                "This is not a date or yes/no answer we can read, so it has been left blank. Allowed: Yes, No.");
    }

    @Test
    void ao006UnknownOptionalCodeIsBlankedAndFlagged() {
        NormalisedRow result = with("referral_source", "Advocacy helpline");
        assertFlaggedBy(result, "AO-006", "referral_source");
        assertThat(result.record().referralSource()).isNull();
        assertThat(result.issues().get(0).value()).isEqualTo("Advocacy helpline");
    }

    @Test
    void ao007UnreadableOptionalDateOrAnswerIsBlankedAndFlagged() {
        NormalisedRow date = with("date_first_contact", "TBC");
        assertFlaggedBy(date, "AO-007", "date_first_contact");
        assertThat(date.record().dateFirstContact()).isNull();
        assertThat(date.record().workingDaysToFirstContact()).isNull();

        assertFlaggedBy(with("iro_confirmed", "maybe"), "AO-007", "iro_confirmed");
    }

    @Test
    void ao008DateBeforeTheOfferRejectsTheRow() {
        assertRejectedBy(with("date_referral", "01/04/2024"), "AO-008", "date_referral", "01/04/2024");
        assertRejectedBy(with("date_meeting", "25/03/2024"), "AO-008", "date_meeting", "25/03/2024");
    }

    @Test
    void ao009DateInTheFutureRejectsTheRow() {
        Map<String, String> row = validRow();
        row.put("date_offer", "15/01/2031");
        row.put("date_referral", "");
        row.put("date_first_contact", "");
        row.put("date_meeting", "");
        row.put("meeting_outcome", "");
        assertRejectedBy(normalise(row), "AO-009", "date_offer", "15/01/2031");
    }

    @Test
    void ao010NoRegionOnTheOfferDateRejectsTheRow() {
        Map<String, String> row = validRow();
        row.put("date_of_birth", "01/05/2004");
        row.put("date_eligible", "");
        row.put("date_offer", "01/03/2016");
        row.put("date_referral", "01/03/2016");
        row.put("date_first_contact", "02/03/2016");
        row.put("date_meeting", "03/03/2016");
        assertRejectedBy(normalise(row), "AO-010", "date_offer", "01/03/2016");
    }

    @Test
    void ao011OutcomeWithoutAnAcceptedMeetingIsFlagged() {
        Map<String, String> row = validRow();
        row.put("offer_response", "No response");
        row.put("date_meeting", "");
        row.put("meeting_outcome", "Meeting not held");
        assertFlaggedBy(normalise(row), "AO-011", "meeting_outcome");
    }

    @Test
    void ao012DeclinedWithoutAReasonIsCountedAsNotRecorded() {
        Map<String, String> row = validRow();
        row.put("offer_response", "Declined");
        row.put("meeting_outcome", "");
        row.put("date_referral", "");
        row.put("date_first_contact", "");
        row.put("date_meeting", "");
        NormalisedRow result = normalise(row);
        assertFlaggedBy(result, "AO-012", "refusal_reason");
        assertThat(result.record().refusalReason()).isEqualTo("not_recorded");
        assertThat(result.record().refusalStage()).isEqualTo("offer");
    }

    @Test
    void refusalAtTheMeetingIsStagedAsMeeting() {
        Map<String, String> row = validRow();
        row.put("meeting_outcome", "Time to think");
        row.put("refusal_reason", "Amser i feddwl");
        NormalisedRow result = normalise(row);
        assertThat(result.issues()).isEmpty();
        assertThat(result.record().refusalStage()).isEqualTo("meeting");
        assertThat(result.record().refusalReason()).isEqualTo("time_to_think");
    }

    /**
     * Regression: a meeting that was held counts in meetings held, so a refusal there must count at the meeting stage
     * even when the offer was recorded as declined; otherwise meetings held minus taken up would not equal the
     * meeting-stage refusals, and disclosure control relies on that sum.
     */
    @Test
    void aMeetingOutcomeRecordedAfterADeclinedOfferIsARefusalAtTheMeeting() {
        // given an offer recorded as declined, yet a meeting outcome of "declined" with its reason
        Map<String, String> row = validRow();
        row.put("offer_response", "Declined");
        row.put("meeting_outcome", "Declined");
        row.put("refusal_reason", "Not at the moment");

        // when it is normalised
        NormalisedRow result = normalise(row);

        // then it is flagged for the inconsistency and counted where the meeting was held
        assertFlaggedBy(result, "AO-011", "meeting_outcome");
        assertThat(result.record().refusalStage()).isEqualTo("meeting");
    }

    @Test
    void ao013MeetingBeforeReferralIsFlagged() {
        Map<String, String> row = validRow();
        row.put("date_referral", "10/04/2024");
        row.put("date_first_contact", "10/04/2024");
        row.put("date_meeting", "08/04/2024");
        NormalisedRow result = normalise(row);
        assertFlaggedBy(result, "AO-013", "date_meeting");
        assertThat(result.record().workingDaysToMeeting()).isNull();
    }

    @Test
    void ao014AgeOutsideZeroToTwentyFiveRejectsTheRowWithoutShowingTheDateOfBirth() {
        assertRejectedBy(with("date_of_birth", "01/06/1990"), "AO-014", "date_of_birth", "(withheld)");
        assertRejectedBy(with("date_of_birth", "01/06/2025"), "AO-014", "date_of_birth", "(withheld)");
    }

    @Test
    void ao015MeetingHeldWithoutADateIsFlagged() {
        NormalisedRow result = with("date_meeting", "");
        assertFlaggedBy(result, "AO-015", "date_meeting");
        assertThat(result.record().workingDaysToMeeting()).isNull();
    }

    @Test
    void identifiersAreNeverShownInIssues() {
        NormalisedRow result = with("authority", "Nowhere");
        assertThat(result.issues()).extracting(RowIssue::value).doesNotContain("P001", "E1", "01/05/2014");
    }
}
