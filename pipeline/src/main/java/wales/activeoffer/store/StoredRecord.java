package wales.activeoffer.store;

import wales.activeoffer.template.OfferRecord;

/**
 * A template record with its lineage: which file, sheet and row it came from, through which mapping, under which
 * version of the recording template, and what was detected about the file (encoding, delimiter, sheets).
 */
public record StoredRecord(long id, long submissionId, String sourceSheet, int sourceRow, String fileSha256,
        String mappingId, String sourceDetail, long ingestRun, int templateVersion, OfferRecord record) {
}
