package wales.activeoffer.job;

import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import wales.activeoffer.publish.Release;
import wales.activeoffer.publish.ReleasePublisher;

/** Publishes this run's release and leaves its location in the job's context for the run summary. */
final class PublishReleaseTasklet implements Tasklet {
    static final String RELEASE_FOLDER = "release.folder";
    static final String RECORDS_PARQUET = "release.records";
    static final String AGGREGATES_PARQUET = "release.aggregates";
    private static final Logger log = LoggerFactory.getLogger(PublishReleaseTasklet.class);
    private final ReleasePublisher publisher;
    private final Path folder;
    private final URI parquetBase;

    PublishReleaseTasklet(ReleasePublisher publisher, Path folder, URI parquetBase) {
        this.publisher = publisher;
        this.folder = folder;
        this.parquetBase = parquetBase;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        log.info("Publishing the release to {}", folder);
        Release release = publisher.publish(folder, parquetBase);
        var jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
        jobContext.putString(RELEASE_FOLDER, release.folder().toString());
        jobContext.putString(RECORDS_PARQUET, release.recordsParquet().toString());
        jobContext.putString(AGGREGATES_PARQUET, release.aggregatesParquet().toString());
        log.info("Published {} aggregate rows and {} records", release.aggregateRows(), release.recordRows());
        return RepeatStatus.FINISHED;
    }
}
