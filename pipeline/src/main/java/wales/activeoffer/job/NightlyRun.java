package wales.activeoffer.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;
import wales.activeoffer.config.PipelineProperties;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.store.SubmissionStore;

/** Starts (or resumes) one run of the nightly job and reports what it did. */
@Component
public class NightlyRun {
    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String SEEDED_MARKER = ".seeded-from-sample";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final RunLock runLock;
    private final Job job;
    private final WorkRoot workRoot;
    private final PipelineProperties properties;
    private final SubmissionStore store;
    private final Clock clock;

    public NightlyRun(JobOperator jobOperator, JobRepository jobRepository, Job activeOfferNightlyJob,
            WorkRoot workRoot, PipelineProperties properties, SubmissionStore store, RunLock runLock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.runLock = runLock;
        this.job = activeOfferNightlyJob;
        this.workRoot = workRoot;
        this.properties = properties;
        this.store = store;
        this.clock = Clock.systemDefaultZone();
    }

    /**
     * Runs the job once, holding the run lock: resumes the last run if it was interrupted (killed, or failed), else
     * starts a new one.
     *
     * @throws RunLock.RunInProgressException if another process is running the pipeline now
     */
    public RunSummary execute() throws Exception {
        try (RunLock.Held ignored = runLock.acquire()) {
            JobExecution execution = interruptedRun().map(this::resume).orElseGet(this::startNew);
            return summarise(execution);
        }
    }

    /** The last run, if it did not finish: still marked running (its process died) or failed. */
    private Optional<JobExecution> interruptedRun() {
        JobInstance last = jobRepository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
        if (last == null) {
            return Optional.empty();
        }
        JobExecution execution = jobRepository.getLastJobExecution(last);
        return Optional.ofNullable(execution).filter(e -> e.getStatus() != BatchStatus.COMPLETED
                && e.getStatus() != BatchStatus.ABANDONED);
    }

    private JobExecution resume(JobExecution interrupted) {
        try {
            JobExecution failed = interrupted.getStatus().isRunning() ? jobOperator.recover(interrupted) : interrupted;
            log.warn("Run {} ({}) did not finish (status {}); resuming it where it stopped.",
                    interrupted.getJobInstance().getId(),
                    interrupted.getJobParameters().getString(NightlyJobConfiguration.RUN_STAMP), interrupted.getStatus());
            return jobOperator.restart(failed);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot resume the interrupted run: " + e.getMessage(), e);
        }
    }

    private JobExecution startNew() {
        try {
            seedOnce();
            LocalDateTime now = LocalDateTime.now(clock);
            String runStamp = nextFreeStamp(now);
            JobParameters parameters = parameters(runStamp, now);
            log.info("Starting run {} over {}", runStamp, workRoot.inbox());
            return jobOperator.start(job, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the run: " + e.getMessage(), e);
        }
    }

    private RunSummary summarise(JobExecution execution) {
        var context = execution.getExecutionContext();
        long run = execution.getJobInstance().getId();
        return new RunSummary(run, execution.getStatus(), store.submissionsOfRun(run),
                context.getString(PublishReleaseTasklet.RELEASE_FOLDER, null),
                context.getString(PublishReleaseTasklet.RECORDS_PARQUET, null),
                context.getString(PublishReleaseTasklet.AGGREGATES_PARQUET, null),
                workRoot.receipts().toString(),
                Boolean.parseBoolean(context.getString(PublishReleaseTasklet.RELEASE_NEW, "false")));
    }

    /** A stamp no earlier run or release has used (two runs may start within the same second). */
    private String nextFreeStamp(LocalDateTime now) {
        String stamp = STAMP.format(now);
        for (int n = 2; Files.exists(workRoot.releases().resolve(stamp)) || runExists(stamp, now); n++) {
            stamp = STAMP.format(now) + "-" + n;
        }
        return stamp;
    }

    private boolean runExists(String stamp, LocalDateTime now) {
        return jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters(stamp, now)) != null;
    }

    private static JobParameters parameters(String stamp, LocalDateTime now) {
        return new JobParametersBuilder()
                .addString(NightlyJobConfiguration.RUN_STAMP, stamp)
                .addLocalDate(NightlyJobConfiguration.RUN_DATE, now.toLocalDate())
                .toJobParameters();
    }

    /** Copies the sample inbox into a new work root once, so the quick start never touches tracked files. */
    private void seedOnce() throws IOException {
        Path source = properties.seedFrom();
        Path marker = workRoot.root().resolve(SEEDED_MARKER);
        if (source == null || Files.exists(marker)) {
            return;
        }
        if (!Files.isDirectory(source)) {
            throw new IllegalStateException("activeoffer.seed-from points at " + source + ", which is not a folder");
        }
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.sorted().toList()) {
                Path target = workRoot.inbox().resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.writeString(marker, "Inbox seeded from " + source.toAbsolutePath() + "\n");
        log.info("Seeded the working inbox {} from {}", workRoot.inbox(), source);
    }
}
