package wales.activeoffer.store;

import wales.activeoffer.template.OfferRecord;

/** A template record with its lineage: which file, sheet and row it came from, and through which mapping. */
public record StoredRecord(long id, long submissionId, String sourceSheet, int sourceRow, String fileSha256,
        String mappingId, long ingestRun, OfferRecord record) {
}
