package wales.activeoffer.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import wales.activeoffer.config.PipelineProperties;
import wales.activeoffer.inbox.FileArchive;
import wales.activeoffer.inbox.InboxScanner;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.normalise.ChildKeyHasher;
import wales.activeoffer.normalise.NormalisedRow;
import wales.activeoffer.normalise.OfferRowNormaliser;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.publish.ReleaseFolder;
import wales.activeoffer.publish.ReleasePublisher;
import wales.activeoffer.inbox.FilePreparation;
import wales.activeoffer.inbox.FileStaging;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.receipt.ReceiptWriter;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.store.SubmissionStore;
import wales.activeoffer.template.RecordingTemplate;

/**
 * The nightly job: ingest every file waiting in the regions' inboxes (one partition per file), then publish the
 * release. Inputs come from job parameters: {@code runStamp} names the run's archive, receipt and release folders;
 * {@code runDate} is "today" for the rule that refuses future dates.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {
    public static final String JOB_NAME = "activeOfferNightlyJob";
    public static final String RUN_STAMP = "runStamp";
    public static final String RUN_DATE = "runDate";
    /**
     * {@code true} for the nightly run, which publishes a release after taking in the inbox; {@code false} for the
     * service's inbox polls, which only take files in and answer them with their receipts.
     */
    public static final String PUBLISH = "publish";
    /** Not identifying: a public release off the calendar, as {@code activeoffer.republish} asks. */
    public static final String AD_HOC = "adHoc";
    static final String NO_RELEASE = "NO_RELEASE";

    @Bean
    Job activeOfferNightlyJob(JobRepository jobRepository, Step ingestInboxStep, Step publishReleaseStep) {
        JobExecutionDecider publishOrNot = (jobExecution, stepExecution) -> new FlowExecutionStatus(
                "false".equals(jobExecution.getJobParameters().getString(PUBLISH)) ? NO_RELEASE : "PUBLISH");
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(ingestInboxStep).on("FAILED").fail()
                .from(ingestInboxStep).on("*").to(publishOrNot)
                .from(publishOrNot).on(NO_RELEASE).end()
                .from(publishOrNot).on("*").to(publishReleaseStep)
                .end()
                .build();
    }

    @Bean
    Step ingestInboxStep(JobRepository jobRepository, Partitioner inboxPartitioner, Step ingestFileStep,
            FileQuarantine fileQuarantine, DatabaseCheck databaseCheck) {
        return new StepBuilder("ingestInboxStep", jobRepository)
                .partitioner(ingestFileStep.getName(), inboxPartitioner)
                .step(ingestFileStep)
                .partitionHandler(new InOrderPartitionHandler(ingestFileStep, fileQuarantine, jobRepository,
                        databaseCheck))
                .build();
    }

    @Bean
    RunProgress runProgress() {
        return RunProgress.forThisProcess();
    }

    @Bean
    PausePoint pausePoint(@Value("${activeoffer.testing.pause-at:}") String pauseAt,
            @Value("${activeoffer.testing.resume-when:}") String resumeWhen) {
        return new PausePoint(pauseAt, resumeWhen.isBlank() ? null : Path.of(resumeWhen));
    }

    @Bean
    FileFinisher fileFinisher(SubmissionStore store, ReceiptWriter receipts, FileArchive archive, WorkRoot workRoot,
            ReferenceData reference, PausePoint pausePoint) {
        return new FileFinisher(store, receipts, archive, workRoot, reference, pausePoint);
    }

    @Bean
    FileQuarantine fileQuarantine(SubmissionStore store, FileFinisher fileFinisher, FileArchive archive) {
        return new FileQuarantine(store, fileFinisher, archive);
    }

    /** Whether the database answers, within 3 seconds whatever the network does. */
    @Bean
    DatabaseCheck databaseCheck(DataSource dataSource) {
        return new DatabaseCheck(dataSource, Duration.ofSeconds(3));
    }

    @Bean
    RunLock runLock(DataSource dataSource, WorkRoot workRoot) {
        return new RunLock(dataSource, workRoot.root());
    }

    @Bean
    @JobScope
    Partitioner inboxPartitioner(InboxScanner scanner, ReferenceData reference) {
        return new InboxPartitioner(scanner.waitingFiles(reference.regions()));
    }

    @Bean
    Step ingestFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PipelineProperties properties, SubmissionRowReader submissionRowReader,
            OfferRowNormaliser offerRowNormaliser, SubmissionRowWriter submissionRowWriter,
            FileIngestListener fileIngestListener) {
        return new StepBuilder("ingestFileStep", jobRepository)
                .<SourceRow, NormalisedRow>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(submissionRowReader)
                .processor(offerRowNormaliser)
                .writer(submissionRowWriter)
                .listener((StepExecutionListener) fileIngestListener)
                .build();
    }

    @Bean
    @StepScope
    SubmissionRowReader submissionRowReader(MappingCatalogue catalogue, HeaderMatcher matcher,
            FilePreparation preparation) {
        return new SubmissionRowReader(catalogue, matcher, preparation);
    }

    @Bean
    @StepScope
    OfferRowNormaliser offerRowNormaliser(RecordingTemplate template, ReferenceData reference,
            MappingCatalogue catalogue, ChildKeyHasher hasher,
            @Value("#{stepExecutionContext['" + FileIngestListener.MAPPING_ID + "']}") String mappingId,
            @Value("#{stepExecutionContext['" + InboxPartitioner.REGION + "']}") String folder,
            @Value("#{stepExecutionContext['" + InboxPartitioner.SUB_FOLDER + "'] ?: ''}") String subFolder,
            @Value("#{jobParameters['" + RUN_DATE + "']}") LocalDate runDate) {
        return new OfferRowNormaliser(template, reference, catalogue.byId(mappingId).orElseThrow(), hasher, runDate,
                InboxFile.PROVIDERS.equals(folder) ? subFolder : null);
    }

    @Bean
    @StepScope
    SubmissionRowWriter submissionRowWriter(SubmissionStore store, PausePoint pausePoint, RunProgress runProgress,
            @Value("#{stepExecutionContext['" + FileIngestListener.SUBMISSION_ID + "']}") Long submissionId) {
        return new SubmissionRowWriter(store, submissionId, pausePoint, runProgress);
    }

    @Bean
    @StepScope
    FileIngestListener fileIngestListener(SubmissionStore store, FilePreparation preparation, FileFinisher fileFinisher,
            @Value("#{jobParameters['" + RUN_STAMP + "']}") String runStamp, JobRepository jobRepository,
            RunProgress runProgress, WorkRoot workRoot) {
        return new FileIngestListener(store, preparation, fileFinisher, runStamp, jobRepository, runProgress,
                new FileStaging(workRoot));
    }

    @Bean
    Step publishReleaseStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet publishReleaseTasklet) {
        return new StepBuilder("publishReleaseStep", jobRepository)
                .tasklet(publishReleaseTasklet, transactionManager)
                .build();
    }

    @Bean
    @JobScope
    Tasklet publishReleaseTasklet(ReleasePublisher publisher, WorkRoot workRoot, PipelineProperties properties,
            RecordingTemplate template, @Value("#{jobParameters['" + RUN_STAMP + "']}") String runStamp,
            @Value("${activeoffer.republish:false}") boolean republish,
            @Value("#{jobParameters['" + AD_HOC + "'] ?: 'false'}") String adHoc,
            @Value("#{jobParameters['" + RUN_DATE + "']}") LocalDate runDate) {
        return new PublishReleaseTasklet(publisher, new ReleasePublisher.Folders(
                new ReleaseFolder(workRoot.releases(), workRoot.staging(), workRoot.incomplete()),
                new ReleaseFolder(workRoot.officials(), workRoot.staging().resolve("officials"),
                        workRoot.incomplete().resolve("officials")),
                new ReleaseFolder(workRoot.restricted(), workRoot.staging().resolve("restricted"),
                        workRoot.incomplete().resolve("restricted"))), runStamp, properties.restrictedUri(),
                String.valueOf(template.version()), republish || Boolean.parseBoolean(adHoc), runDate);
    }
}
