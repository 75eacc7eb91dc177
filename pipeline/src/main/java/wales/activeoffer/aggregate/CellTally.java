package wales.activeoffer.aggregate;

import java.util.Map;
import java.util.TreeMap;
import wales.activeoffer.template.OfferRecord;

/**
 * Running counts for one cell, each with its cell key: the sum, modulo 256, of the record keys of the records it
 * counts (the ONS cell key method). The definitions of the measures live here and in {@code docs/measures.md}.
 */
final class CellTally {
    static final String NOT_RECORDED = "not_recorded";

    /** One count and its cell key. */
    static final class Count {
        int n;
        int key;

        void add(int recordKey) {
            n++;
            key = (key + recordKey) & 0xFF;
        }

        void add(Count other) {
            n += other.n;
            key = (key + other.key) & 0xFF;
        }
    }

    final Count offers = new Count();
    final Count meetingsAccepted = new Count();
    final Count meetingsHeld = new Count();
    final Count takenUp = new Count();
    final Map<String, Map<String, Count>> refusalsByStage = new TreeMap<>();
    final Map<String, Count> referralSources = new TreeMap<>();
    final Distribution referralToMeeting = new Distribution();
    final Distribution referralToFirstContact = new Distribution();

    void add(OfferRecord record, int recordKey) {
        offers.add(recordKey);
        if ("accepted_meeting".equals(record.offerResponse())) {
            meetingsAccepted.add(recordKey);
        }
        if (record.meetingHeld()) {
            meetingsHeld.add(recordKey);
            if (record.workingDaysToMeeting() != null) {
                referralToMeeting.add(record.workingDaysToMeeting(), recordKey);
            }
        }
        if ("took_up".equals(record.meetingOutcome())) {
            takenUp.add(recordKey);
        }
        if (record.refusalStage() != null) {
            refusalsByStage.computeIfAbsent(record.refusalStage(), s -> new TreeMap<>())
                    .computeIfAbsent(record.refusalReason() == null ? NOT_RECORDED : record.refusalReason(),
                            r -> new Count()).add(recordKey);
        }
        referralSources.computeIfAbsent(record.referralSource() == null ? NOT_RECORDED : record.referralSource(),
                s -> new Count()).add(recordKey);
        if (record.workingDaysToFirstContact() != null) {
            referralToFirstContact.add(record.workingDaysToFirstContact(), recordKey);
        }
    }
}
