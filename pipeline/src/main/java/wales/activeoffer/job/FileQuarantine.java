package wales.activeoffer.job;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.store.SubmissionStore;

/**
 * Sets aside a file whose processing failed in a way the pipeline did not expect, so that one bad file never stops
 * the others or jams later runs: its submission (if it got one) is marked quarantined and nothing from it counts, the
 * lead gets a receipt saying the data team has been told, the file moves to {@code quarantine/} with what went wrong
 * beside it, and the operator log says the same with the stack trace. A file that had gone from the inbox gets a
 * receipt saying so.
 */
public final class FileQuarantine {
    private static final Logger log = LoggerFactory.getLogger(FileQuarantine.class);
    /** How many times the pipeline may die while a file is in hand before the file is taken to be the cause. */
    static final int PIPELINE_DEATHS = 3;
    private final SubmissionStore store;
    private final FileFinisher finisher;
    private final FileArchive archive;

    public FileQuarantine(SubmissionStore store, FileFinisher finisher, FileArchive archive) {
        this.store = store;
        this.finisher = finisher;
        this.archive = archive;
    }

    /**
     * Quarantines the file of a failed per-file step.
     *
     * @return true when the lead got a receipt and the file left the inbox; false when that failed too (the store
     *         may be out of reach), which the run must report as a failure
     */
    public boolean quarantine(StepExecution failed) {
        ExecutionContext context = failed.getExecutionContext();
        InboxFile file = FileIngestListener.inboxFile(context);
        String runStamp = failed.getJobExecution().getJobParameters().getString(NightlyJobConfiguration.RUN_STAMP);
        long run = failed.getJobExecution().getJobInstance().getId();
        List<Throwable> failures = failed.getFailureExceptions();
        String why = !failures.isEmpty() ? describe(failures.get(0))
                : failed.getExitStatus().getExitDescription().isBlank()
                        ? "the pipeline stopped unexpectedly while processing this file " + PIPELINE_DEATHS
                                + " times, each time it was resumed"
                        : failed.getExitStatus().getExitDescription();
        log.error("{} could not be processed and is quarantined: {}", file.describe(), why,
                failures.isEmpty() ? null : failures.get(0));
        try {
            if (!Files.exists(file.readable(), LinkOption.NOFOLLOW_LINKS)) {
                if (context.containsKey(FileIngestListener.SUBMISSION_ID)) {
                    store.markQuarantined(context.getLong(FileIngestListener.SUBMISSION_ID),
                            "The file had gone from the inbox before it could be processed.");
                    store.markArchived(context.getLong(FileIngestListener.SUBMISSION_ID), "(gone from the inbox)");
                }
                finisher.receiptWithoutSubmission(file, runStamp, FileFinisher.GONE, run);
                return true;
            }
            String reason = "Processing failed unexpectedly in run " + run + " (" + runStamp + "): " + why
                    + "\nThe full error is in the run's log. Nothing from this file counts. The lead has been told that the data "
                    + "team will look into it; once the cause is fixed, put the file back in its inbox folder.";
            // boxed on both sides: a file that could not be registered gives null, never a NullPointerException
            Long submissionId = context.containsKey(FileIngestListener.SUBMISSION_ID)
                    ? Long.valueOf(context.getLong(FileIngestListener.SUBMISSION_ID)) : register(file, run);
            if (submissionId == null) {
                finisher.receiptWithoutSubmission(file, runStamp, FileFinisher.NOT_PROCESSED, run);
                archive.quarantine(file, null, runStamp, reason);
                return true;
            }
            store.markQuarantined(submissionId, reason);
            finisher.finish(file, submissionId, runStamp);
            return true;
        } catch (RuntimeException e) {
            log.error("{} could not be quarantined either, and has no receipt; it stays in the inbox. The run "
                    + "ends as failed.", file.describe(), e);
            return false;
        }
    }

    /** A submission for a file that failed before it was registered, if its bytes can be read at all. */
    private Long register(InboxFile file, long run) {
        try {
            return store.register(file.regionCode(), file.subFolder(), file.fileName(),
                    FileArchive.sha256(file.readable()), Files.size(file.readable()), LocalDateTime.now(), run);
        } catch (Exception unreadable) {
            return null;
        }
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure)
                : failure.getClass().getSimpleName() + " caused by " + root;
    }
}
