package wales.activeoffer.job;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import wales.activeoffer.normalise.NormalisedRow;
import wales.activeoffer.store.SubmissionStore;

/** Stores each chunk of normalised rows against the file's submission, in the chunk's transaction. */
class SubmissionRowWriter implements ItemWriter<NormalisedRow> {
    private final SubmissionStore store;
    private final long submissionId;
    private final PausePoint pausePoint;
    private final RunProgress progress;

    SubmissionRowWriter(SubmissionStore store, long submissionId, PausePoint pausePoint, RunProgress progress) {
        this.progress = progress;
        this.store = store;
        this.submissionId = submissionId;
        this.pausePoint = pausePoint;
    }

    @Override
    public void write(Chunk<? extends NormalisedRow> chunk) {
        store.write(submissionId, chunk.getItems());
        progress.rowsStored(chunk.size());
        pausePoint.reach(PausePoint.IN_FILE);
    }
}
