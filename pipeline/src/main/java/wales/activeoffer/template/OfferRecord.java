package wales.activeoffer.template;

import java.time.LocalDate;

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
}
