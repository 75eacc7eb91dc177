package wales.activeoffer.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs the per-file partitions one after another in file order. The order matters: submissions are numbered in it, so
 * a run that was killed and restarted numbers them exactly as an uninterrupted run would, and publishes identical
 * files. On a restart the splitter hands back only the partitions that did not complete. A file whose step fails is
 * quarantined and the run goes on with the next; only when even that fails (the store out of reach, say) does the
 * run stop, as failed.
 */
final class InOrderPartitionHandler implements PartitionHandler {
    /** The exit code of a per-file step whose file was quarantined. */
    static final String QUARANTINED = "QUARANTINED";
    private final Step worker;
    private final FileQuarantine quarantine;
    private final JobRepository jobRepository;

    InOrderPartitionHandler(Step worker, FileQuarantine quarantine, JobRepository jobRepository) {
        this.worker = worker;
        this.quarantine = quarantine;
        this.jobRepository = jobRepository;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        List<StepExecution> partitions = splitter.split(manager, 1).stream()
                .sorted(Comparator.comparing(StepExecution::getStepName)).toList();
        List<StepExecution> executed = new ArrayList<>();
        for (StepExecution partition : partitions) {
            worker.execute(partition);
            executed.add(partition);
            if (partition.getStatus() == BatchStatus.STOPPED || stopping(manager)) {
                break;
            }
            if (partition.getStatus() != BatchStatus.FAILED) {
                continue;
            }
            if (!quarantine.quarantine(partition)) {
                break;
            }
            partition.setStatus(BatchStatus.COMPLETED);
            partition.setExitStatus(new ExitStatus(QUARANTINED, "the file was quarantined"));
            jobRepository.update(partition);
        }
        return executed;
    }

    /** Whether the run was asked to stop (the service is shutting down): the next file waits for the next start. */
    private boolean stopping(StepExecution manager) {
        JobExecution job = jobRepository.getJobExecution(manager.getJobExecutionId());
        return job != null && (job.getStatus() == BatchStatus.STOPPING || job.getStatus() == BatchStatus.STOPPED);
    }
}
