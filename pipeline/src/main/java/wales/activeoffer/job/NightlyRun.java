package wales.activeoffer.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;
import wales.activeoffer.config.PipelineProperties;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.publish.PublishedShare;
import wales.activeoffer.read.XlsxTabularSource;
import wales.activeoffer.store.Submission;
import wales.activeoffer.store.SubmissionStatus;
import wales.activeoffer.store.SubmissionStore;

/** Starts (or resumes) one run of the nightly job and reports what it did. */
@Component
public class NightlyRun {
    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String SEEDED_MARKER = ".seeded-from-sample";
    /** A run that failed on its own is resumed once, then given up; stops, deaths and the system's failures do not count. */
    static final int MAX_ATTEMPTS = 2;
    private static final String INGEST_FILE_STEP = "ingestFileStep:";
    /** On an execution or step: its process died (stopped, killed, cut off) and it was marked so by the next start. */
    static final String DIED = "activeoffer.died";
    /** On a file's step: the file was in hand when its process died. */
    static final String DIED_IN_HAND = "activeoffer.diedInHand";
    /** On an execution: it ended because of the system's failure (the database, the disk), not its own. */
    static final String PAUSED = "activeoffer.paused";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final RunLock runLock;
    private final Job job;
    private final WorkRoot workRoot;
    private final PipelineProperties properties;
    private final SubmissionStore store;
    private final FileQuarantine quarantine;
    private final FileFinisher finisher;
    private final Clock clock;
    private final RunProgress progress;

    public NightlyRun(JobOperator jobOperator, JobRepository jobRepository, Job activeOfferNightlyJob,
            WorkRoot workRoot, PipelineProperties properties, SubmissionStore store, RunLock runLock,
            FileQuarantine quarantine, FileFinisher finisher, RunProgress progress) {
        this.progress = progress;
        this.quarantine = quarantine;
        this.finisher = finisher;
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
        return run(true, false);
    }

    /**
     * As {@link #execute()}, and a new run publishes a public release whether or not the calendar has one due (an
     * ad hoc release; {@code activeoffer.republish=true} on the command line does the same).
     */
    public RunSummary executeAdHoc() throws Exception {
        return run(true, true);
    }

    /**
     * The one-shot {@code run}: as {@link #execute()}, but refused while a service runs on the same work root or
     * database, whose nightly run would otherwise find the lock held.
     *
     * @throws RunLock.RunInProgressException if a service, or another run, is using them now
     */
    public RunSummary executeAlone() throws Exception {
        runLock.refuseIfServed();
        return run(true, false);
    }

    /**
     * The service's inbox poll: when files are waiting (or a run was interrupted), takes them in and writes their
     * receipts, holding the same lock as {@link #execute()}, but publishes nothing: the nightly run publishes. A run
     * the poll resumes finishes as it was started (an interrupted nightly run still publishes).
     *
     * @return what the poll did, or empty when there was nothing to do
     * @throws RunLock.RunInProgressException if another process is running the pipeline now
     */
    public Optional<RunSummary> takeInWaitingFiles(BooleanSupplier filesWaiting) throws Exception {
        try (RunLock.Held ignored = runLock.acquire()) {
            if (interruptedRun().isEmpty() && !filesWaiting.getAsBoolean()) {
                return Optional.empty();
            }
        }
        return Optional.of(run(false, false));
    }

    private RunSummary run(boolean publish, boolean adHoc) throws Exception {
        try (RunLock.Held ignored = runLock.acquire()) {
            Optional<JobExecution> interrupted = interruptedRun();
            if (interrupted.isPresent()) {
                JobExecution last = recoverDead(interrupted.get());
                if (failuresOfItsOwn(last) < MAX_ATTEMPTS) {
                    return summarise(pausedIfTheSystemFailed(() -> resume(last)), null);
                }
                GivenUp givenUp = giveUp(last);
                return summarise(pausedIfTheSystemFailed(() -> startNew(publish, adHoc)), givenUp);
            }
            return summarise(pausedIfTheSystemFailed(() -> startNew(publish, adHoc)), null);
        } finally {
            XlsxTabularSource.closeParked();
            progress.runEnded();
        }
    }

    /** Starting or resuming a run. */
    @FunctionalInterface
    private interface Launch {
        JobExecution launch();
    }

    /**
     * Runs it; a run that ended because of the system (the database out of reach, the disk full) rather than a file is
     * marked paused, so it never counts toward giving it up, and is reported as {@link RunPausedException}.
     */
    private JobExecution pausedIfTheSystemFailed(Launch launch) {
        JobExecution execution;
        try {
            execution = launch.launch();
        } catch (RuntimeException e) {
            if (TransientFailure.isTransient(e)) {
                throw paused(e);
            }
            throw e;
        }
        if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.STOPPED) {
            return execution;
        }
        Optional<Throwable> systems = TransientFailure.among(execution.getAllFailureExceptions());
        if (systems.isEmpty()) {
            return execution;
        }
        try {
            execution.getExecutionContext().put(PAUSED, true);
            jobRepository.updateExecutionContext(execution);
        } catch (RuntimeException stillDown) {
            // left marked as running: the next attempt finds it so, and resumes it without counting it against the run
        }
        throw paused(systems.get());
    }

    private static RunPausedException paused(Throwable cause) {
        if (cause instanceof RunPausedException paused) {
            return paused;
        }
        return new RunPausedException("The run paused because " + TransientFailure.describe(cause)
                + "; no file was quarantined, and the run resumes where it stopped when it is tried again.", cause);
    }

    /**
     * How many times the run failed on its own: a stop (SIGTERM), a process that died around it, or the system's
     * failure (the database out of reach) does not count.
     */
    private int failuresOfItsOwn(JobExecution last) {
        return (int) jobRepository.getJobExecutions(last.getJobInstance()).stream()
                .filter(e -> e.getStatus() == BatchStatus.FAILED && !e.getExecutionContext().containsKey(DIED)
                        && !e.getExecutionContext().containsKey(PAUSED))
                .count();
    }

    /**
     * Holding the run lock, nothing else can be running this run: any execution or step still marked as running (or
     * left unknown when its state could not be saved) belongs to a process that was stopped, killed or cut off from the
     * database. They are marked as Spring Batch's own recovery does (stopped when a stop was asked for, else failed),
     * and flagged as having died, so the run is resumed and the death is not counted against it. A file in hand at
     * {@value FileQuarantine#PIPELINE_DEATHS} such deaths is taken to be their cause and quarantined.
     */
    private JobExecution recoverDead(JobExecution last) {
        LocalDateTime now = LocalDateTime.now(clock);
        for (JobExecution execution : jobRepository.getJobExecutions(last.getJobInstance())) {
            boolean stopping = execution.getStatus() == BatchStatus.STOPPING || execution.getStatus() == BatchStatus.STOPPED;
            BatchStatus dead = stopping ? BatchStatus.STOPPED : BatchStatus.FAILED;
            ExitStatus deadExit = stopping ? ExitStatus.STOPPED : ExitStatus.FAILED;
            for (StepExecution step : execution.getStepExecutions()) {
                if (!diedRunning(step.getStatus())) {
                    continue;
                }
                if (step.getStatus() == BatchStatus.STARTED) {
                    step.getExecutionContext().put(DIED_IN_HAND, true);
                }
                step.setStatus(dead);
                step.setExitStatus(deadExit);
                step.setEndTime(now);
                step.getExecutionContext().put(DIED, true);
                jobRepository.update(step);
                jobRepository.updateExecutionContext(step);
            }
            if (diedRunning(execution.getStatus())) {
                log.warn("Run {} ({}) was left marked {} by a process that is no longer there (stopped, killed or cut "
                        + "off from the database); it is resumed where it stopped.", execution.getJobInstance().getId(),
                        execution.getJobParameters().getString(NightlyJobConfiguration.RUN_STAMP),
                        execution.getStatus());
                execution.setStatus(dead);
                execution.setExitStatus(deadExit);
                execution.setEndTime(now);
                execution.getExecutionContext().put(DIED, true);
                jobRepository.update(execution);
                jobRepository.updateExecutionContext(execution);
            }
        }
        JobExecution recovered = jobRepository.getLastJobExecution(last.getJobInstance());
        quarantineCrashLoops(recovered);
        return recovered;
    }

    /** Still marked as running, or left unknown because its state could not be saved: its process died. */
    private static boolean diedRunning(BatchStatus status) {
        return status.isRunning() || status == BatchStatus.UNKNOWN;
    }

    /** A file in hand at every one of several deaths of the pipeline is quarantined, so that it cannot loop. */
    private void quarantineCrashLoops(JobExecution last) {
        List<StepExecution> all = jobRepository.getJobExecutions(last.getJobInstance()).stream()
                .flatMap(e -> e.getStepExecutions().stream()).toList();
        for (StepExecution step : last.getStepExecutions()) {
            if (!step.getStepName().startsWith(INGEST_FILE_STEP) || !step.getExecutionContext().containsKey(DIED_IN_HAND)) {
                continue;
            }
            long deaths = all.stream().filter(s -> s.getStepName().equals(step.getStepName())
                    && s.getExecutionContext().containsKey(DIED_IN_HAND)).count();
            if (deaths >= FileQuarantine.PIPELINE_DEATHS && quarantine.quarantine(step)) {
                step.setStatus(BatchStatus.COMPLETED);
                step.setExitStatus(new ExitStatus(InOrderPartitionHandler.QUARANTINED, "the file was quarantined"));
                jobRepository.update(step);
            }
        }
    }

    /** Asks a run in progress in this process to stop at its next checkpoint (the service is shutting down). */
    public void stopRunning() {
        for (JobExecution running : jobRepository.findRunningJobExecutions(NightlyJobConfiguration.JOB_NAME)) {
            try {
                jobOperator.stop(running);
                log.warn("Asked run {} to stop at its next checkpoint; the next start finishes it",
                        running.getJobInstance().getId());
            } catch (Exception e) {
                log.warn("Could not ask run {} to stop: {}", running.getJobInstance().getId(), e.getMessage());
            }
        }
    }

    private int attempts(JobExecution execution) {
        return jobRepository.getJobExecutions(execution.getJobInstance()).size();
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
            JobExecution failed = interrupted;
            log.warn("Run {} ({}) did not finish (status {}); resuming it where it stopped.",
                    interrupted.getJobInstance().getId(),
                    interrupted.getJobParameters().getString(NightlyJobConfiguration.RUN_STAMP), interrupted.getStatus());
            finishLeftBehind(failed);
            return jobOperator.restart(failed);
        } catch (Exception e) {
            if (TransientFailure.isTransient(e)) {
                throw paused(e);
            }
            throw new IllegalStateException("Cannot resume the interrupted run: " + e.getMessage(), e);
        }
    }

    /**
     * A file whose step was recorded as complete while its receipt or its move out of the inbox was still to come
     * (the process died in between) is finished now: a resumed run skips completed steps, and the file must neither
     * stay in the inbox nor be taken in again as a new submission.
     */
    private void finishLeftBehind(JobExecution interrupted) {
        String runStamp = interrupted.getJobParameters().getString(NightlyJobConfiguration.RUN_STAMP);
        for (StepExecution step : interrupted.getStepExecutions()) {
            var context = step.getExecutionContext();
            if (!step.getStepName().startsWith(INGEST_FILE_STEP) || step.getStatus() != BatchStatus.COMPLETED
                    || !context.containsKey(FileIngestListener.SUBMISSION_ID)) {
                continue;
            }
            Submission submission = store.submission(context.getLong(FileIngestListener.SUBMISSION_ID));
            if (submission.status() != SubmissionStatus.RECEIVED && submission.archivedPath() == null) {
                finisher.finish(FileIngestListener.inboxFile(context), submission.id(), runStamp);
                log.warn("Finished {}, left in the inbox by the interrupted run",
                        FileIngestListener.inboxFile(context).describe());
            }
        }
    }

    /** What giving up a run did: the operator's note, and how many files it quarantined. */
    private record GivenUp(String note, int quarantined) {
    }

    /**
     * A run that failed again after being resumed is not tried a third time: the file it was part-way through, if
     * any, is quarantined (it is the likely cause), the run is abandoned, and a new run starts, so the pipeline never
     * loops on the same failure.
     */
    private GivenUp giveUp(JobExecution last) {
        try {
            JobExecution failed = last;
            List<String> stuck = new ArrayList<>();
            List<String> quarantined = new ArrayList<>();
            for (StepExecution step : failed.getStepExecutions()) {
                if (step.getStatus() == BatchStatus.COMPLETED) {
                    continue;
                }
                stuck.add(step.getStepName());
                if (step.getStepName().startsWith(INGEST_FILE_STEP) && step.getExecutionContext()
                        .containsKey(InboxPartitioner.PATH) && Files.exists(Path.of(step.getExecutionContext()
                                .getString(InboxPartitioner.PATH))) && quarantine.quarantine(step)) {
                    quarantined.add(step.getStepName().substring(INGEST_FILE_STEP.length()));
                }
            }
            jobOperator.abandon(failed);
            String note = "Run " + last.getJobInstance().getId() + " ("
                    + last.getJobParameters().getString(NightlyJobConfiguration.RUN_STAMP) + ") failed again after it "
                    + "was resumed once, at " + (stuck.isEmpty() ? "an unknown step" : String.join(", ", stuck))
                    + "; it was abandoned and a new run started."
                    + (quarantined.isEmpty() ? "" : " Quarantined: " + String.join(", ", quarantined) + ".");
            log.warn(note);
            return new GivenUp(note, quarantined.size());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot abandon the run that failed twice: " + e.getMessage(), e);
        }
    }

    private JobExecution startNew(boolean publish, boolean adHoc) {
        try {
            seedOnce();
            LocalDateTime now = LocalDateTime.now(clock);
            String runStamp = nextFreeStamp(now);
            JobParameters parameters = new JobParametersBuilder(parameters(runStamp, now, publish))
                    .addString(NightlyJobConfiguration.AD_HOC, String.valueOf(adHoc), false).toJobParameters();
            log.info("Starting run {} over {}{}", runStamp, workRoot.inbox(), publish ? "" : " (inbox only: no release)");
            return jobOperator.start(job, parameters);
        } catch (Exception e) {
            if (TransientFailure.isTransient(e)) {
                throw paused(e);
            }
            throw new IllegalStateException("Cannot start the run: " + e.getMessage(), e);
        }
    }

    private RunSummary summarise(JobExecution execution, GivenUp givenUp) {
        progress.runEnded();
        var context = execution.getExecutionContext();
        long run = execution.getJobInstance().getId();
        int quarantined = (int) jobRepository.getJobExecutions(execution.getJobInstance()).stream()
                .flatMap(e -> e.getStepExecutions().stream())
                .filter(step -> step.getStepName().startsWith(INGEST_FILE_STEP)
                        && InOrderPartitionHandler.QUARANTINED.equals(step.getExitStatus().getExitCode()))
                .count();
        RunSummary summary = new RunSummary(run, execution.getStatus(), store.submissionsOfRun(run),
                context.getString(PublishReleaseTasklet.RELEASE_FOLDER, null),
                context.getString(PublishReleaseTasklet.RECORDS_PARQUET, null),
                context.getString(PublishReleaseTasklet.AGGREGATES_PARQUET, null),
                workRoot.receipts().toString(),
                Boolean.parseBoolean(context.getString(PublishReleaseTasklet.RELEASE_NEW, "false")),
                quarantined + (givenUp == null ? 0 : givenUp.quarantined()),
                givenUp == null ? List.of() : List.of(givenUp.note()), share(context),
                context.getString(PublishReleaseTasklet.OFFICIALS_FOLDER, null),
                context.getString(PublishReleaseTasklet.NEXT_PUBLIC, null));
        RunRecord.of(summary, execution.getId(), execution.getJobParameters().getString(NightlyJobConfiguration.RUN_STAMP),
                execution.getStartTime(), execution.getEndTime()).writeTo(workRoot.receipts().resolve("runs"));
        return summary;
    }

    private static PublishedShare share(ExecutionContext context) {
        String folder = context.getString(PublishReleaseTasklet.RELEASE_FOLDER, null);
        if (folder == null || !Files.exists(Path.of(folder).resolve("aggregates.csv"))) {
            return null;
        }
        return PublishedShare.of(Path.of(folder).resolve("aggregates.csv"));
    }

    /** A stamp no earlier run or release has used (two runs may start within the same second). */
    private String nextFreeStamp(LocalDateTime now) {
        String stamp = STAMP.format(now);
        for (int n = 2; Files.exists(workRoot.releases().resolve(stamp)) || Files.exists(workRoot.officials()
                .resolve(stamp)) || runExists(stamp, now); n++) {
            stamp = STAMP.format(now) + "-" + n;
        }
        return stamp;
    }

    /** Whether a run, nightly or inbox-only, already has this stamp. */
    private boolean runExists(String stamp, LocalDateTime now) {
        return jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters(stamp, now, true)) != null
                || jobRepository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters(stamp, now, false)) != null;
    }

    private static JobParameters parameters(String stamp, LocalDateTime now, boolean publish) {
        return new JobParametersBuilder()
                .addString(NightlyJobConfiguration.RUN_STAMP, stamp)
                .addLocalDate(NightlyJobConfiguration.RUN_DATE, now.toLocalDate())
                .addString(NightlyJobConfiguration.PUBLISH, String.valueOf(publish))
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
