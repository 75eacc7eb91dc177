package wales.activeoffer.job;

import java.util.List;
import org.springframework.batch.core.BatchStatus;
import wales.activeoffer.publish.PublishedShare;
import wales.activeoffer.store.Submission;
import wales.activeoffer.store.SubmissionStatus;

/**
 * What one run did, for the closing lines a person reads.
 *
 * @param quarantined   files of this run set aside for the data team (their step failed unexpectedly)
 * @param operatorNotes what the operator must know: an earlier run given up, for example
 * @param releaseFolder   the latest public release, if there is one
 * @param newRelease      whether this run published it
 * @param share           how much of the Wales and region figures the latest public release shows, if there is one
 * @param officialsFolder the officials' nightly dataset (restricted), if one has been built
 * @param nextPublic      the next public release's date on the calendar, if one is set
 */
public record RunSummary(long runId, BatchStatus status, List<Submission> submissions, String releaseFolder,
        String recordsParquet, String aggregatesParquet, String receiptsFolder, boolean newRelease, int quarantined,
        List<String> operatorNotes, PublishedShare share, String officialsFolder, String nextPublic) {

    /** Completed, but a file needs the data team. */
    public boolean needsAttention() {
        return quarantined > 0;
    }

    /** Files of this run refused whole (their receipts say why and how to send them again). */
    public long refused() {
        return submissions.stream().filter(s -> s.status() == SubmissionStatus.UNREADABLE).count();
    }
}
