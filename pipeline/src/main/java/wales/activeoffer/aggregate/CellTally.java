package wales.activeoffer.aggregate;

import java.util.Map;
import java.util.TreeMap;
import wales.activeoffer.template.OfferRecord;

/** Running counts for one cell. The definitions of the measures live here and in {@code docs/measures.md}. */
final class CellTally {
    static final String NOT_RECORDED = "not_recorded";

    int offers;
    int meetingsAccepted;
    int meetingsHeld;
    int takenUp;
    final Map<String, Map<String, Integer>> refusalsByStage = new TreeMap<>();
    final Map<String, Integer> referralSources = new TreeMap<>();
    final Distribution referralToMeeting = new Distribution();
    final Distribution referralToFirstContact = new Distribution();

    void add(OfferRecord record) {
        offers++;
        if ("accepted_meeting".equals(record.offerResponse())) {
            meetingsAccepted++;
        }
        if (record.meetingHeld()) {
            meetingsHeld++;
            if (record.workingDaysToMeeting() != null) {
                referralToMeeting.add(record.workingDaysToMeeting());
            }
        }
        if ("took_up".equals(record.meetingOutcome())) {
            takenUp++;
        }
        if (record.refusalStage() != null) {
            refusalsByStage.computeIfAbsent(record.refusalStage(), s -> new TreeMap<>())
                    .merge(record.refusalReason() == null ? NOT_RECORDED : record.refusalReason(), 1, Integer::sum);
        }
        referralSources.merge(record.referralSource() == null ? NOT_RECORDED : record.referralSource(), 1, Integer::sum);
        if (record.workingDaysToFirstContact() != null) {
            referralToFirstContact.add(record.workingDaysToFirstContact());
        }
    }
}
