package wales.activeoffer.store;

import java.time.LocalDateTime;

/**
 * One file as received, with what became of it.
 *
 * @param subFolder        the authority folder inside the region's inbox it was dropped in, or {@code null}
 * @param receiptPath      where its receipt was written (relative to the work root), once it was
 * @param archivedPath     where the file was moved (relative to the work root), once it was
 * @param withdrawnSummary for a correction with fewer records: how many earlier records it withdrew, per quarter
 */
public record Submission(long id, String regionCode, String subFolder, String fileName, String sha256, long size,
        LocalDateTime receivedAt, long ingestRun, SubmissionStatus status, String statusRuleId, String statusDetail,
        Long duplicateOf, String mappingId, String sourceDetail, int rowsRead, int rowsAccepted, int rowsRejected,
        int rowsFlagged, String period, String readingNotes, String replacedSummary, String receiptPath, String archivedPath,
        String withdrawnSummary) {

    /** The receipt's verdict on this submission. */
    public wales.activeoffer.receipt.ReceiptStatus receiptStatus() {
        return switch (status) {
            case DUPLICATE -> wales.activeoffer.receipt.ReceiptStatus.DUPLICATE;
            case INGESTED, SUPERSEDED ->
                    wales.activeoffer.receipt.ReceiptStatus.ofRows(rowsAccepted, rowsRejected, rowsFlagged);
            case QUARANTINED -> wales.activeoffer.receipt.ReceiptStatus.NOT_PROCESSED;
            default -> wales.activeoffer.receipt.ReceiptStatus.REJECTED;
        };
    }

    public java.util.List<String> replaced() {
        return replacedSummary == null ? java.util.List.of() : java.util.List.of(replacedSummary.split("\n"));
    }

    public java.util.List<String> withdrawn() {
        return withdrawnSummary == null ? java.util.List.of() : java.util.List.of(withdrawnSummary.split("\n"));
    }

    /** Its receipt, archive and quarantine folders: the region, then the authority folder it was dropped in. */
    public java.nio.file.Path place() {
        return subFolder == null ? java.nio.file.Path.of(regionCode) : java.nio.file.Path.of(regionCode, subFolder);
    }

    public java.util.List<String> notes() {
        return readingNotes == null || readingNotes.isEmpty() ? java.util.List.of()
                : java.util.List.of(readingNotes.split("\n"));
    }
}
