package wales.activeoffer.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.read.DetectedLayout;
import wales.activeoffer.read.LayoutDetector;
import wales.activeoffer.read.UnreadableFileException;
import wales.activeoffer.receipt.ReceiptStatus;
import wales.activeoffer.receipt.ReceiptWriter;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.reference.Region;
import wales.activeoffer.store.Submission;
import wales.activeoffer.store.SubmissionStatus;
import wales.activeoffer.store.SubmissionStore;
import wales.activeoffer.template.RecordingTemplate;

/**
 * The life of one submitted file around its rows: before them, register it, spot a duplicate and recognise its
 * layout; after them, close the submission, write the receipt and move the file out of the inbox.
 */
class FileIngestListener implements StepExecutionListener {
    static final String SUBMISSION_ID = "submission.id";
    static final String MAPPING_ID = "submission.mapping";
    static final String HEADER_ROW = "submission.headerRow";
    static final String COLUMNS = "submission.columns";
    static final String UNREADABLE_RULE = "submission.unreadableRule";
    static final String UNREADABLE_DETAIL = "submission.unreadableDetail";
    private static final Logger log = LoggerFactory.getLogger(FileIngestListener.class);

    private final SubmissionStore store;
    private final LayoutDetector detector;
    private final ReceiptWriter receipts;
    private final FileArchive archive;
    private final WorkRoot workRoot;
    private final ReferenceData reference;
    private final RecordingTemplate template;
    private final String runStamp;

    FileIngestListener(SubmissionStore store, LayoutDetector detector, ReceiptWriter receipts, FileArchive archive,
            WorkRoot workRoot, ReferenceData reference, RecordingTemplate template, String runStamp) {
        this.store = store;
        this.detector = detector;
        this.receipts = receipts;
        this.archive = archive;
        this.workRoot = workRoot;
        this.reference = reference;
        this.template = template;
        this.runStamp = runStamp;
    }

    @Override
    public void beforeStep(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (context.containsKey(SUBMISSION_ID)) {
            return;
        }
        InboxFile file = inboxFile(context);
        String sha256 = FileArchive.sha256(file.path());
        long submissionId = store.register(file.regionCode(), file.fileName(), sha256, sizeOf(file.path()),
                LocalDateTime.now(), step.getJobExecution().getId());
        context.putLong(SUBMISSION_ID, submissionId);
        Optional<Submission> earlier = store.findIngested(sha256, submissionId);
        if (earlier.isPresent()) {
            Submission first = earlier.get();
            store.markDuplicate(submissionId, first.id(), "AO-F04", "Identical to '" + first.fileName()
                    + "' received " + first.receivedAt().toLocalDate() + " (submission " + first.id() + ").");
            return;
        }
        try {
            DetectedLayout layout = detector.detect(file.path());
            store.markRecognised(submissionId, layout.header().mapping().id(), layout.sourceDescription());
            context.putString(MAPPING_ID, layout.header().mapping().id());
            context.putInt(HEADER_ROW, layout.headerRowNumber());
            context.put(COLUMNS, new java.util.HashMap<>(layout.header().fieldByColumn()));
        } catch (UnreadableFileException e) {
            context.putString(UNREADABLE_RULE, e.ruleId());
            context.putString(UNREADABLE_DETAIL, e.getMessage());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (!step.getStatus().isUnsuccessful()) {
            finish(step.getExecutionContext(), filesFinishedBefore(step) + 1);
        }
        return step.getExitStatus();
    }

    private static long filesFinishedBefore(StepExecution step) {
        String workerPrefix = step.getStepName().substring(0, step.getStepName().indexOf(':') + 1);
        return step.getJobExecution().getStepExecutions().stream()
                .filter(other -> other.getStepName().startsWith(workerPrefix) && other != step
                        && other.getStatus().equals(org.springframework.batch.core.BatchStatus.COMPLETED))
                .count();
    }

    private void finish(ExecutionContext context, long fileNumber) {
        InboxFile file = inboxFile(context);
        long submissionId = context.getLong(SUBMISSION_ID);
        Submission registered = store.submission(submissionId);
        String verdict = null;
        if (registered.status() == SubmissionStatus.DUPLICATE) {
            verdict = template.fileRule("AO-F04").message() + "\n" + registered.statusDetail()
                    + "\nRule: AO-F04";
        } else if (context.containsKey(UNREADABLE_RULE)) {
            String rule = context.getString(UNREADABLE_RULE);
            store.markUnreadable(submissionId, rule, context.getString(UNREADABLE_DETAIL));
            verdict = template.fileRule(rule).message() + "\nDetail: " + context.getString(UNREADABLE_DETAIL)
                    + "\nRule: " + rule + "\nNo rows from this file were counted.";
        } else {
            store.markIngested(submissionId);
        }
        Submission closed = store.submission(submissionId);
        Region region = reference.region(file.regionCode()).orElseThrow();
        Path receipt = receipts.write(workRoot.receipts(file.regionCode()), closed, region.nameEn(), runStamp, verdict);
        Path moved = closed.status() == SubmissionStatus.UNREADABLE
                ? archive.reject(file, closed.sha256(), runStamp, verdict)
                : archive.archive(file, closed.sha256(), runStamp);
        store.markArchived(submissionId, workRoot.root().relativize(moved).toString());
        log.info("[{}/{}] {}/{}: {}; {} accepted ({} with warnings), {} rejected. Receipt: {}",
                fileNumber, context.getInt(InboxPartitioner.TOTAL), file.regionCode(),
                file.fileName(), ReceiptStatus.of(closed).wording(), closed.rowsAccepted(), closed.rowsFlagged(),
                closed.rowsRejected(), workRoot.root().relativize(receipt));
    }

    static InboxFile inboxFile(ExecutionContext context) {
        return new InboxFile(context.getString(InboxPartitioner.REGION), Path.of(context.getString(InboxPartitioner.PATH)));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
