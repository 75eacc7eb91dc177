package wales.activeoffer.job;

import java.util.List;
import org.springframework.batch.core.BatchStatus;
import wales.activeoffer.store.Submission;

/** What one run did, for the closing lines a person reads. */
public record RunSummary(long runId, BatchStatus status, List<Submission> submissions, String releaseFolder,
        String recordsParquet, String aggregatesParquet, String receiptsFolder, boolean newRelease) {
}
