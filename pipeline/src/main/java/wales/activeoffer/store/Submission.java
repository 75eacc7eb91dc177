package wales.activeoffer.store;

import java.time.LocalDateTime;

/** One file as received, with what became of it. */
public record Submission(long id, String regionCode, String fileName, String sha256, long size,
        LocalDateTime receivedAt, long ingestRun, SubmissionStatus status, String statusRuleId, String statusDetail,
        Long duplicateOf, String mappingId, String sourceDetail, int rowsRead, int rowsAccepted, int rowsRejected,
        int rowsFlagged, String period, String readingNotes, String replacedSummary) {

    /** The receipt's verdict on this submission. */
    public wales.activeoffer.receipt.ReceiptStatus receiptStatus() {
        return switch (status) {
            case DUPLICATE -> wales.activeoffer.receipt.ReceiptStatus.DUPLICATE;
            case INGESTED, SUPERSEDED ->
                    wales.activeoffer.receipt.ReceiptStatus.ofRows(rowsAccepted, rowsRejected, rowsFlagged);
            default -> wales.activeoffer.receipt.ReceiptStatus.REJECTED;
        };
    }

    public java.util.List<String> replaced() {
        return replacedSummary == null ? java.util.List.of() : java.util.List.of(replacedSummary.split("\n"));
    }

    public java.util.List<String> notes() {
        return readingNotes == null || readingNotes.isEmpty() ? java.util.List.of()
                : java.util.List.of(readingNotes.split("\n"));
    }
}
