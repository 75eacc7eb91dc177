package wales.activeoffer.job;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import wales.activeoffer.publish.Release;
import wales.activeoffer.publish.ReleaseFolder;
import wales.activeoffer.publish.ReleasePublisher;

/** Publishes this run's release and leaves its location in the job's context for the run summary. */
final class PublishReleaseTasklet implements Tasklet {
    static final String RELEASE_FOLDER = "release.folder";
    static final String RECORDS_PARQUET = "release.records";
    static final String AGGREGATES_PARQUET = "release.aggregates";
    private static final Logger log = LoggerFactory.getLogger(PublishReleaseTasklet.class);
    static final String RELEASE_NEW = "release.new";
    private final ReleasePublisher publisher;
    private final ReleaseFolder releases;
    private final ReleaseFolder restricted;
    private final String name;
    private final URI restrictedBase;
    private final String templateVersion;
    private final boolean republish;

    PublishReleaseTasklet(ReleasePublisher publisher, ReleaseFolder releases, ReleaseFolder restricted, String name,
            URI restrictedBase, String templateVersion, boolean republish) {
        this.republish = republish;
        this.restricted = restricted;
        this.publisher = publisher;
        this.releases = releases;
        this.name = name;
        this.restrictedBase = restrictedBase;
        this.templateVersion = templateVersion;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Release release = publisher.publish(releases, restricted, name, restrictedBase, templateVersion, republish);
        var jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
        jobContext.putString(RELEASE_FOLDER, release.folder().toString());
        jobContext.putString(RECORDS_PARQUET, release.recordsParquet().toString());
        jobContext.putString(AGGREGATES_PARQUET, release.aggregatesParquet().toString());
        jobContext.putString(RELEASE_NEW, String.valueOf(release.isNew()));
        if (release.isNew()) {
            log.info("Published release {}: {} aggregate rows and {} records", name, release.aggregateRows(),
                    release.recordRows());
        } else {
            log.info("No submission has changed since release {}; nothing new was published",
                    release.folder().getFileName());
        }
        return RepeatStatus.FINISHED;
    }
}
