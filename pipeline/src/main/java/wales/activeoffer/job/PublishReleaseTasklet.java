package wales.activeoffer.job;

import java.net.URI;
import java.time.LocalDate;
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
    static final String RELEASE_NEW = "release.new";
    static final String OFFICIALS_FOLDER = "officials.folder";
    static final String NEXT_PUBLIC = "release.next";
    private final ReleasePublisher publisher;
    private final ReleasePublisher.Folders folders;
    private final String name;
    private final URI restrictedBase;
    private final String templateVersion;
    private final boolean republish;
    private final LocalDate runDate;

    PublishReleaseTasklet(ReleasePublisher publisher, ReleasePublisher.Folders folders, String name,
            URI restrictedBase, String templateVersion, boolean republish, LocalDate runDate) {
        this.republish = republish;
        this.runDate = runDate;
        this.folders = folders;
        this.publisher = publisher;
        this.name = name;
        this.restrictedBase = restrictedBase;
        this.templateVersion = templateVersion;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Release release = publisher.publish(folders, name, restrictedBase, templateVersion, republish, runDate);
        var jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
        if (release.folder() != null) {
            jobContext.putString(RELEASE_FOLDER, release.folder().toString());
            jobContext.putString(AGGREGATES_PARQUET, release.aggregatesParquet().toString());
        }
        jobContext.putString(RECORDS_PARQUET, release.recordsParquet().toString());
        jobContext.putString(RELEASE_NEW, String.valueOf(release.isNew()));
        jobContext.putString(OFFICIALS_FOLDER, release.officialsFolder().toString());
        if (release.nextPublic() != null) {
            jobContext.putString(NEXT_PUBLIC, release.nextPublic());
        }
        if (release.officialsNew()) {
            log.info("Built the officials' nightly dataset {}", name);
        } else {
            log.info("No submission has changed since the officials' dataset {}; nothing new was built",
                    release.officialsFolder().getFileName());
        }
        if (release.isNew()) {
            log.info("Published public release {}: {} aggregate rows", name, release.aggregateRows());
        } else {
            log.info("No public release is due; the next on the calendar is {}",
                    release.nextPublic() == null ? "not set" : release.nextPublic());
        }
        return RepeatStatus.FINISHED;
    }
}
