package wales.activeoffer.job;

import wales.activeoffer.wording.Wording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.inbox.FilePreparation;
import wales.activeoffer.inbox.FileStaging;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.inbox.PlainText;
import wales.activeoffer.inbox.PreparedFile;
import wales.activeoffer.read.UnreadableFileException;
import wales.activeoffer.read.XlsxTabularSource;
import wales.activeoffer.receipt.ReceiptStatus;
import wales.activeoffer.store.Submission;
import wales.activeoffer.store.SubmissionStatus;
import wales.activeoffer.store.SubmissionStore;

/**
 * The life of one submitted file around its rows: before them, register it, spot a duplicate, recognise its layout
 * and check its region; after them, close the submission, then write the receipt and move the file out of the inbox
 * ({@link FileFinisher}).
 */
class FileIngestListener implements StepExecutionListener {
    static final String SUBMISSION_ID = "submission.id";
    static final String MAPPING_ID = "submission.mapping";
    /** The recognised layout's language, in which the receipt's lines about replaced records are written. */
    static final String LANGUAGE = "submission.language";
    static final String FILE_VALUES = "submission.fileValues";
    static final String NOTES = "submission.notes";
    static final String UNREADABLE_RULE = "submission.unreadableRule";
    static final String UNREADABLE_DETAIL = "submission.unreadableDetail";
    /** The file failed a whole-file check as its rows were read: what was stored of it is discarded. */
    static final String REFUSED_WHOLE = "submission.refusedWhole";
    /** The submission was closed before this attempt: its rows are not read again, only its receipt and move finished. */
    static final String CLOSED = "submission.closed";
    /** The private copy of the file that is read, hashed and archived ({@link FileStaging}). */
    static final String STAGED = "file.staged";
    /** The file changed while it was being copied: it is left in the inbox for the next run, untouched. */
    static final String STILL_CHANGING = "file.stillChanging";
    private static final Logger log = LoggerFactory.getLogger(FileIngestListener.class);

    private final SubmissionStore store;
    private final FilePreparation preparation;
    private final FileFinisher finisher;
    private final String runStamp;
    private final JobRepository jobRepository;

    private final RunProgress progress;
    private final FileStaging staging;
    private long startedNanos;

    FileIngestListener(SubmissionStore store, FilePreparation preparation, FileFinisher finisher, String runStamp,
            JobRepository jobRepository, RunProgress progress, FileStaging staging) {
        this.staging = staging;
        this.progress = progress;
        this.store = store;
        this.preparation = preparation;
        this.finisher = finisher;
        this.runStamp = runStamp;
        this.jobRepository = jobRepository;
    }

    /**
     * Registers the file once, then decides what to do with it (duplicate, refused, or which layout). Each step is
     * saved as soon as it is taken, and skipped on a restart that finds it already taken (a registration made just
     * before a crash is found again by run, place, name and checksum), so a crash at any point neither registers the
     * file twice nor loses the decision. A file whose submission was closed by a run that stopped before moving it out
     * of the inbox is finished, never taken in a second time.
     */
    @Override
    public void beforeStep(StepExecution step) {
        // a workbook the last file's reader left open (for detection and ingest to share) is not this file's
        XlsxTabularSource.closeParked();
        startedNanos = System.nanoTime();
        ExecutionContext context = step.getExecutionContext();
        progress.fileStarted(context.getInt(InboxPartitioner.TOTAL, 0));
        InboxFile dropped = inboxFile(context);
        if (!context.containsKey(SUBMISSION_ID) && !context.containsKey(STAGED)
                && !Files.isSymbolicLink(dropped.path()) && Files.isReadable(dropped.path())) {
            Optional<Path> staged = staging.stage(dropped, runStamp, step.getStepName());
            if (staged.isEmpty()) {
                log.info("{} changed while it was being copied, so it may still be being written; it waits for the "
                        + "next run", dropped.describe());
                if (staging.changedAgainAndTellTheLead(dropped)) {
                    finisher.receiptWithoutSubmission(dropped, runStamp, FileFinisher.KEPT_CHANGING,
                            step.getJobExecution().getJobInstance().getId(), ReceiptStatus.NOT_READ_YET);
                }
                context.putString(STILL_CHANGING, "true");
                jobRepository.updateExecutionContext(step);
                return;
            }
            context.putString(STAGED, staged.get().toString());
            jobRepository.updateExecutionContext(step);
        }
        InboxFile file = inboxFile(context);
        if (!context.containsKey(SUBMISSION_ID)) {
            long run = step.getJobExecution().getJobInstance().getId();
            String sha256 = FileArchive.sha256(file.readable());
            Optional<Long> leftBehind = store.findLeftBehind(file.regionCode(), file.subFolder(), file.fileName(), sha256);
            long submissionId = leftBehind.or(() -> store.findRegistered(run, file.regionCode(), file.subFolder(),
                    file.fileName(), sha256)).orElseGet(() -> store.register(file.regionCode(), file.subFolder(),
                            file.fileName(), sha256, sizeOf(file.readable()), LocalDateTime.now(), run));
            context.putLong(SUBMISSION_ID, submissionId);
            jobRepository.updateExecutionContext(step);
        }
        long submissionId = context.getLong(SUBMISSION_ID);
        Submission submission = store.submission(submissionId);
        if (submission.status() != SubmissionStatus.RECEIVED) {
            context.putString(CLOSED, "true");
            return;
        }
        if (context.containsKey(MAPPING_ID) || context.containsKey(UNREADABLE_RULE)) {
            return;
        }
        Optional<Submission> earlier = store.findIngested(submission.sha256(), submissionId);
        if (earlier.isPresent()) {
            Submission first = earlier.get();
            Wording words = Wording.in(preparation.languageOf(first.mappingId()));
            store.markDuplicate(submissionId, first.id(), "AO-F04", words.text("refusal.identical", first.fileName(),
                    first.receivedAt().toLocalDate(), first.id()));
            context.putString(CLOSED, "true");
            return;
        }
        try {
            PreparedFile prepared = preparation.prepare(file);
            store.markRecognised(submissionId, prepared.layout().mapping().id(),
                    prepared.layout().sourceDescription(), prepared.period());
            context.putString(MAPPING_ID, prepared.layout().mapping().id());
            context.putString(LANGUAGE, prepared.layout().mapping().language());
            context.put(FILE_VALUES, new HashMap<>(prepared.fileValues()));
        } catch (UnreadableFileException e) {
            e.layout().ifPresent(layout -> store.markRecognised(submissionId, layout.mapping().id(),
                    layout.sourceDescription(), null));
            context.putString(UNREADABLE_RULE, e.ruleId());
            context.putString(UNREADABLE_DETAIL, e.getMessage());
        }
        jobRepository.updateExecutionContext(step);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() == BatchStatus.COMPLETED && !step.getExecutionContext().containsKey(STILL_CHANGING)) {
            try {
                finish(step.getExecutionContext(), filesFinishedBefore(step) + 1);
            } catch (RuntimeException e) {
                // the rows are in, but the file is not finished: the step must not count as done
                step.setStatus(BatchStatus.FAILED);
                step.addFailureException(e);
                return ExitStatus.FAILED.addExitDescription(e);
            }
            progress.fileFinished();
        }
        return step.getExitStatus();
    }

    private static long filesFinishedBefore(StepExecution step) {
        String workerPrefix = step.getStepName().substring(0, step.getStepName().indexOf(':') + 1);
        return step.getJobExecution().getStepExecutions().stream()
                .filter(other -> other.getStepName().startsWith(workerPrefix) && other != step
                        && other.getStatus() == BatchStatus.COMPLETED)
                .count();
    }

    @SuppressWarnings("unchecked")
    private void finish(ExecutionContext context, long fileNumber) {
        InboxFile file = inboxFile(context);
        long submissionId = context.getLong(SUBMISSION_ID);
        if (store.submission(submissionId).status() == SubmissionStatus.RECEIVED) {
            if (context.containsKey(REFUSED_WHOLE)) {
                store.refuseWhole(submissionId, context.getString(UNREADABLE_RULE),
                        context.getString(UNREADABLE_DETAIL));
            } else if (context.containsKey(UNREADABLE_RULE)) {
                store.markUnreadable(submissionId, context.getString(UNREADABLE_RULE),
                        context.getString(UNREADABLE_DETAIL));
            } else {
                store.recordReadingNotes(submissionId, (List<String>) context.get(NOTES, List.class, List.of()));
                store.markIngested(submissionId, Wording.in(context.getString(LANGUAGE, "en")));
            }
        }
        Submission closed = finisher.finish(file, submissionId, runStamp);
        log.info("[{}/{}] {}: {}; {} accepted ({} with warnings), {} rejected, in {} s. Receipt: {}", fileNumber,
                context.getInt(InboxPartitioner.TOTAL), file.describe(),
                closed.receiptStatus().wording(), closed.rowsAccepted(), closed.rowsFlagged(), closed.rowsRejected(),
                String.format(Locale.UK, "%.2f", (System.nanoTime() - startedNanos) / 1e9),
                PlainText.visible(closed.receiptPath()));
    }

    static InboxFile inboxFile(ExecutionContext context) {
        String staged = context.getString(STAGED, null);
        return new InboxFile(context.getString(InboxPartitioner.REGION), Path.of(context.getString(InboxPartitioner.PATH)),
                context.getString(InboxPartitioner.SUB_FOLDER, null), staged == null ? null : Path.of(staged));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isSymbolicLink(file) ? 0 : Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
