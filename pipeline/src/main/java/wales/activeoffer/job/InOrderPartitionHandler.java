package wales.activeoffer.job;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Runs the per-file partitions one after another in file order. The order matters: submissions are numbered in it, so
 * a run that was killed and restarted numbers them exactly as an uninterrupted run would, and publishes identical
 * files. On a restart the splitter hands back only the partitions that did not complete.
 * <p>
 * What happens when a file's step does not complete depends on whose failure it is ({@link TransientFailure}):
 * <ul>
 * <li>the system's (the database lost or silent, the disk full): the run stops there with {@link RunPausedException};
 * nothing is quarantined, and the next attempt resumes at that file;</li>
 * <li>the file's own: the file is tried once more from its last checkpoint; if it fails again it is quarantined, and
 * the run goes on with the next file; only when even that fails does the run stop, as failed.</li>
 * </ul>
 * A run asked to stop (the service shutting down) ends after the file in hand; the files it did not reach are marked
 * stopped, so that the next start resumes the run rather than finding steps that look as if they were still running.
 */
final class InOrderPartitionHandler implements PartitionHandler {
    /** The exit code of a per-file step whose file was quarantined. */
    static final String QUARANTINED = "QUARANTINED";
    private static final Logger log = LoggerFactory.getLogger(InOrderPartitionHandler.class);
    private final Step worker;
    private final FileQuarantine quarantine;
    private final JobRepository jobRepository;
    private final DatabaseCheck database;

    InOrderPartitionHandler(Step worker, FileQuarantine quarantine, JobRepository jobRepository,
            DatabaseCheck database) {
        this.worker = worker;
        this.quarantine = quarantine;
        this.jobRepository = jobRepository;
        this.database = database;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        List<StepExecution> partitions = splitter.split(manager, 1).stream()
                .sorted(Comparator.comparing(StepExecution::getStepName)).toList();
        List<StepExecution> executed = new ArrayList<>();
        for (int i = 0; i < partitions.size(); i++) {
            StepExecution partition = partitions.get(i);
            worker.execute(partition);
            if (partition.getStatus() == BatchStatus.STOPPED || stopping(manager)) {
                executed.add(partition);
                markStopped(partitions.subList(i + 1, partitions.size()));
                break;
            }
            if (partition.getStatus() != BatchStatus.COMPLETED) {
                pauseIfTheSystemFailed(partition);
                partition = tryAgain(partition);
            }
            executed.add(partition);
            if (partition.getStatus() == BatchStatus.COMPLETED) {
                continue;
            }
            pauseIfTheSystemFailed(partition);
            if (!quarantine.quarantine(partition)) {
                break;
            }
            partition.setStatus(BatchStatus.COMPLETED);
            partition.setExitStatus(new ExitStatus(QUARANTINED, "the file was quarantined"));
            jobRepository.update(partition);
        }
        return executed;
    }

    /**
     * Stops the run when a file's step failed because of the system, not the file: a failure of that kind, a step
     * whose state could not be saved, or a database that does not answer now.
     */
    private void pauseIfTheSystemFailed(StepExecution partition) {
        Optional<Throwable> systems = TransientFailure.among(partition.getFailureExceptions());
        if (systems.isEmpty() && partition.getStatus() != BatchStatus.UNKNOWN && database.answers()) {
            return;
        }
        Throwable cause = systems.orElse(partition.getFailureExceptions().isEmpty() ? null
                : partition.getFailureExceptions().get(0));
        String why = cause == null ? "the database did not answer" : TransientFailure.describe(cause);
        throw new RunPausedException("The run paused at " + describe(partition) + " because " + why
                + "; no file was quarantined, and the run resumes there when it is tried again.", cause);
    }

    /** A file that failed on its own is tried once more, from its last checkpoint, before it is blamed. */
    private StepExecution tryAgain(StepExecution failed) throws Exception {
        log.warn("{} failed ({}); trying it once more from its last checkpoint", describe(failed),
                failed.getFailureExceptions().isEmpty() ? failed.getExitStatus().getExitDescription()
                        : FileQuarantine.describe(failed.getFailureExceptions().get(0)));
        JobExecution job = failed.getJobExecution();
        StepExecution again = jobRepository.createStepExecution(failed.getStepName(), job);
        again.setExecutionContext(new ExecutionContext(failed.getExecutionContext()));
        jobRepository.updateExecutionContext(again);
        worker.execute(again);
        return again;
    }

    private static String describe(StepExecution partition) {
        ExecutionContext context = partition.getExecutionContext();
        return context.containsKey(InboxPartitioner.PATH)
                ? FileIngestListener.inboxFile(context).describe() : partition.getStepName();
    }

    /** The files a stopped run did not reach: stopped too, with nothing done, so the next start takes them up. */
    private void markStopped(List<StepExecution> notReached) {
        for (StepExecution partition : notReached) {
            if (partition.getStatus().isRunning()) {
                partition.setStatus(BatchStatus.STOPPED);
                partition.setExitStatus(ExitStatus.STOPPED);
                partition.setEndTime(LocalDateTime.now());
                jobRepository.update(partition);
            }
        }
    }

    /** Whether the run was asked to stop (the service is shutting down): the next file waits for the next start. */
    private boolean stopping(StepExecution manager) {
        JobExecution job = jobRepository.getJobExecution(manager.getJobExecutionId());
        return job != null && (job.getStatus() == BatchStatus.STOPPING || job.getStatus() == BatchStatus.STOPPED);
    }
}
