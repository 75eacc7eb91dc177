package wales.activeoffer.sample;

import java.time.LocalDate;

/** One invented offer, in template codes, before a layout writes it the way its source system would. */
record SampleOffer(String authorityCode, String childId, String episodeId, LocalDate dateOfBirth, String route,
        String trigger, LocalDate dateEligible, LocalDate dateOffer, LocalDate dateReferral, LocalDate dateFirstContact,
        LocalDate dateMeeting, String response, String outcome, String reason, String source, Boolean nonInstructed,
        Boolean iroConfirmed, String gender, String language, Boolean disability) {
}
