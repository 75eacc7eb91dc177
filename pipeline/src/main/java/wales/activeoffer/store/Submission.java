package wales.activeoffer.store;

import java.time.LocalDateTime;

/** One file as received, with what became of it. */
public record Submission(long id, String regionCode, String fileName, String sha256, long size,
        LocalDateTime receivedAt, long ingestRun, SubmissionStatus status, String statusRuleId, String statusDetail,
        Long duplicateOf, String mappingId, String sourceDetail, int rowsRead, int rowsAccepted, int rowsRejected,
        int rowsFlagged) {
}
