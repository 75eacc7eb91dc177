package wales.activeoffer.store;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import wales.activeoffer.receipt.ReceiptStatus;

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
    public ReceiptStatus receiptStatus() {
        return switch (status) {
            case DUPLICATE -> ReceiptStatus.DUPLICATE;
            case INGESTED, SUPERSEDED ->
                    ReceiptStatus.ofRows(rowsAccepted, rowsRejected, rowsFlagged);
            case QUARANTINED -> ReceiptStatus.NOT_PROCESSED;
            default -> ReceiptStatus.REJECTED;
        };
    }

    public List<String> replaced() {
        return replacedSummary == null ? List.of() : List.of(replacedSummary.split("\n"));
    }

    public List<String> withdrawn() {
        return withdrawnSummary == null ? List.of() : List.of(withdrawnSummary.split("\n"));
    }

    /** Its receipt, archive and quarantine folders: the region, then the authority folder it was dropped in. */
    public Path place() {
        return subFolder == null ? Path.of(regionCode) : Path.of(regionCode, subFolder);
    }

    public List<String> notes() {
        return readingNotes == null || readingNotes.isEmpty() ? List.of()
                : List.of(readingNotes.split("\n"));
    }
}
