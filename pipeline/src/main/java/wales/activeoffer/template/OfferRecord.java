package wales.activeoffer.template;

import java.time.LocalDate;
import java.util.Set;

/**
 * One active offer episode in the national template: one offer to one child at one trigger point. Codes are the
 * template's code-list codes; the child is known only by {@code childKey}, a keyed hash of the authority's identifier.
 */
public record OfferRecord(
        String authorityCode,
        String regionCode,
        String providerCode,
        String childKey,
        String recordRefKey,
        String eligibilityRoute,
        String trigger,
        LocalDate dateEligible,
        LocalDate dateOffer,
        LocalDate dateReferral,
        LocalDate dateFirstContact,
        LocalDate dateMeeting,
        String offerResponse,
        String meetingOutcome,
        String refusalReason,
        String refusalStage,
        String referralSource,
        Boolean nonInstructed,
        Boolean iroConfirmed,
        Integer ageAtOffer,
        String gender,
        String language,
        Boolean disability,
        String financialYear,
        String quarter,
        Integer workingDaysToFirstContact,
        Integer workingDaysToMeeting,
        boolean flagged) {

    /** Meeting outcomes that mean the meeting took place. */
    public static final Set<String> MEETING_HELD_OUTCOMES = Set.of("took_up", "declined", "time_to_think");
    /** Meeting outcomes that are a refusal at the meeting. */
    public static final Set<String> REFUSED_AT_MEETING_OUTCOMES = Set.of("declined", "time_to_think");

    public boolean meetingHeld() {
        return meetingOutcome != null && MEETING_HELD_OUTCOMES.contains(meetingOutcome);
    }
}
