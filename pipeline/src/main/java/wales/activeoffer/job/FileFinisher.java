package wales.activeoffer.job;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.inbox.FileStaging;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.receipt.Receipt;
import wales.activeoffer.receipt.ReceiptStatus;
import wales.activeoffer.receipt.ReceiptWriter;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.reference.Region;
import wales.activeoffer.store.Submission;
import wales.activeoffer.store.SubmissionStatus;
import wales.activeoffer.store.SubmissionStore;

/**
 * The last stretch of a file's life, after its rows: its receipt, then its move out of the inbox (to the archive,
 * the rejected folder or quarantine). Each is saved in the store as soon as it is done and skipped when found done, so
 * a run stopped at any instant, even by {@code kill -9}, finishes the file on its next attempt: one receipt, one move,
 * never a second submission of the same file.
 */
public final class FileFinisher {
    static final String NOT_PROCESSED = "We could not process this file because of a problem on our side. Nothing "
            + "from it has been counted.\nThe file has been kept safely and the data team has been told; they will "
            + "look into it and contact you. You do not need to send it again unless they ask you to.";
    static final String GONE = "This file was in the inbox when the run started, but it had gone before it could be "
            + "read (it may have been moved, renamed or deleted). Nothing from it was stored.\nIf you meant to send "
            + "it, put it in the inbox again.";
    private final SubmissionStore store;
    private final ReceiptWriter receipts;
    private final FileArchive archive;
    private final WorkRoot workRoot;
    private final ReferenceData reference;
    private final PausePoint pausePoint;

    public FileFinisher(SubmissionStore store, ReceiptWriter receipts, FileArchive archive, WorkRoot workRoot,
            ReferenceData reference, PausePoint pausePoint) {
        this.store = store;
        this.receipts = receipts;
        this.archive = archive;
        this.workRoot = workRoot;
        this.reference = reference;
        this.pausePoint = pausePoint;
    }

    /** Writes the receipt of a closed submission and moves its file out of the inbox, whichever is not done yet. */
    public Submission finish(InboxFile file, long submissionId, String runStamp) {
        Submission closed = store.submission(submissionId);
        String verdict = verdict(closed);
        if (closed.receiptPath() == null) {
            Path written = receipts.write(file.folderWithin(workRoot.receipts(file.regionCode())),
                    receiptOf(closed, verdict), runStamp);
            store.markReceipted(submissionId, relative(written));
        }
        pausePoint.reach(PausePoint.AFTER_RECEIPT);
        if (closed.archivedPath() == null) {
            Path moved = switch (closed.status()) {
                case UNREADABLE -> archive.reject(file, closed.sha256(), runStamp, verdict);
                case QUARANTINED -> archive.quarantine(file, closed.sha256(), runStamp, closed.statusDetail());
                default -> archive.archive(file, closed.sha256(), runStamp);
            };
            store.markArchived(submissionId, relative(moved));
        }
        return store.submission(submissionId);
    }

    static final String KEPT_CHANGING = "This file changed every time we tried to copy it, on "
            + FileStaging.TIMES_BEFORE_A_RECEIPT + " runs in a row, so it may still be being written or a program may be "
            + "keeping it open. Nothing from it has been read yet, and it has been left where it is.\nClose the "
            + "program that has it open, or copy the finished file into the inbox again; it will be read at the next "
            + "run after it stops changing.";

    /** The receipt of a file that never became a submission: it was gone, or could not be opened, from the start. */
    public Path receiptWithoutSubmission(InboxFile file, String runStamp, String verdict, long run) {
        return receiptWithoutSubmission(file, runStamp, verdict, run, ReceiptStatus.NOT_PROCESSED);
    }

    /** The receipt of a file that has not become a submission, with the status that says why. */
    public Path receiptWithoutSubmission(InboxFile file, String runStamp, String verdict, long run,
            ReceiptStatus status) {
        Receipt receipt = new Receipt(file.fileName(), regionName(file.regionCode(), file.subFolder()), LocalDateTime.now(),
                "run " + run,
                "not available: the file could not be read", null, null, status, 0, 0, 0, 0,
                verdict, List.of(), List.of(), List.of(), sink -> { });
        return receipts.write(file.folderWithin(workRoot.receipts(file.regionCode())), receipt, runStamp);
    }

    /** What the receipt says about the file as a whole, or {@code null} when its rows were read. */
    private String verdict(Submission s) {
        return switch (s.status()) {
            case DUPLICATE -> receipts.duplicate(s.mappingId(), s.statusDetail());
            case UNREADABLE -> receipts.refusal(s.mappingId(), s.statusRuleId(), s.statusDetail(), false);
            case QUARANTINED -> NOT_PROCESSED;
            default -> null;
        };
    }

    private Receipt receiptOf(Submission s, String verdict) {
        boolean rowsCount = s.status() == SubmissionStatus.INGESTED || s.status() == SubmissionStatus.SUPERSEDED;
        return new Receipt(s.fileName(), regionName(s.regionCode(), s.subFolder()), s.receivedAt(), "run " + s.ingestRun(),
                s.sha256(),
                s.mappingId(), s.sourceDetail(), s.receiptStatus(), rowsCount ? s.rowsRead() : 0,
                rowsCount ? s.rowsAccepted() : 0, rowsCount ? s.rowsFlagged() : 0, rowsCount ? s.rowsRejected() : 0,
                verdict, s.notes(), s.replaced(), s.withdrawn(),
                rowsCount ? sink -> store.forEachIssue(s.id(), sink) : sink -> { });
    }

    /** The region a file was sent to, or for a provider's folder, that every row goes to its authority's region. */
    private String regionName(String regionCode, String subFolder) {
        if (InboxFile.PROVIDERS.equals(regionCode) && subFolder != null) {
            return reference.provider(subFolder).map(p -> "each row's authority's region (sent by " + p.name() + ")")
                    .orElse("none: not a provider's folder");
        }
        return reference.region(regionCode).map(Region::nameEn).orElse("none: not a region's folder");
    }

    private String relative(Path path) {
        return workRoot.root().relativize(path).toString();
    }
}
