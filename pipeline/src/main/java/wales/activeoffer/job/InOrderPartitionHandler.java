package wales.activeoffer.job;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs the per-file partitions one after another in file order. The order matters: submissions are numbered in it, so
 * a run that was killed and restarted numbers them exactly as an uninterrupted run would, and publishes identical
 * files. On a restart the splitter hands back only the partitions that did not complete.
 */
final class InOrderPartitionHandler implements PartitionHandler {
    private final Step worker;

    InOrderPartitionHandler(Step worker) {
        this.worker = worker;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        List<StepExecution> partitions = splitter.split(manager, 1).stream()
                .sorted(Comparator.comparing(StepExecution::getStepName)).toList();
        for (StepExecution partition : partitions) {
            worker.execute(partition);
        }
        return partitions;
    }
}
