package wales.activeoffer.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import wales.activeoffer.inbox.InboxFile;
import wales.activeoffer.inbox.InboxScanner;
import wales.activeoffer.job.NightlyRun;
import wales.activeoffer.job.PausePoint;
import wales.activeoffer.job.RunLock;
import wales.activeoffer.job.RunPausedException;
import wales.activeoffer.job.RunSummary;
import wales.activeoffer.job.TransientFailure;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.reference.Region;

/**
 * The pipeline as a service: the nightly run at the configured time, and the inbox polled in between. Each is
 * scheduled on Spring's task scheduler (one thread, so they never overlap here) and takes the run lock, so a one-shot
 * {@code run} from a timer or by hand never overlaps them either. Stopping the service asks a run in progress to stop
 * at its next checkpoint; the scheduler then waits for it, and the next start resumes it.
 */
public final class PipelineService implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PipelineService.class);
    private static final Duration STOP_WAIT = Duration.ofMinutes(10);
    private final NightlyRun nightlyRun;
    private final InboxScanner scanner;
    private final ReferenceData reference;
    private final TaskScheduler scheduler;
    private final ServiceProperties properties;
    private final PausePoint pausePoint;
    private final RunMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Path inbox;
    /** The nightly run is due and has not yet run (it met a busy lock, or the database was out of reach). */
    private volatile boolean nightlyOwed;
    /** When a run paused by the system's failure may next be tried, and how long the last wait was. */
    private volatile Instant nextTry = Instant.MIN;
    private volatile Duration retryWait;
    /** Held while a run is in hand, so that stopping waits for it to reach its checkpoint. */
    private final ReentrantLock inHand = new ReentrantLock();

    public PipelineService(NightlyRun nightlyRun, InboxScanner scanner, ReferenceData reference,
            TaskScheduler scheduler, ServiceProperties properties, PausePoint pausePoint, RunMetrics metrics,
            Path inbox) {
        this.inbox = inbox;
        this.metrics = metrics;
        this.nightlyRun = nightlyRun;
        this.scanner = scanner;
        this.reference = reference;
        this.scheduler = scheduler;
        this.properties = properties;
        this.pausePoint = pausePoint;
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            createRegionFolders();
            scheduler.schedule(this::nightly, new CronTrigger(properties.cron(), properties.zone()));
            scheduler.scheduleWithFixedDelay(this::poll, properties.pollInterval());
            log.info("Serving: the nightly run at '{}' ({}), the inbox checked every {}s", properties.cron(),
                    properties.zone(), properties.pollInterval().toSeconds());
        }
    }

    /** Each region's inbox folder, empty, so that a fresh work root is ready for the leads' files. */
    private void createRegionFolders() {
        try {
            for (Region region : reference.regions()) {
                Files.createDirectories(inbox.resolve(region.code()));
            }
            for (var provider : reference.providers()) {
                Files.createDirectories(inbox.resolve(InboxFile.PROVIDERS).resolve(provider.code()));
            }
        } catch (IOException e) {
            log.warn("Cannot create the inbox folders under {}: {}", inbox, e.getMessage());
        }
    }

    /**
     * The nightly run is due: it is owed until it has run, so one that meets another process's run (a one-shot
     * {@code run} holding the lock) or a database that is out of reach runs as soon as it can, at a later poll.
     */
    void nightly() {
        nightlyOwed = true;
        attempt();
    }

    /** An inbox poll: files waiting are taken in and answered with their receipts; nothing is published. */
    void poll() {
        attempt();
    }

    /**
     * Does one scheduled run while the service runs, holding {@link #inHand}: the nightly run if it is owed, else the
     * inbox's; counts and logs what it did. A run paused by the system's failure is tried again after a wait that
     * doubles from the poll interval up to {@code activeoffer.service.retry-limit}, without the service exiting.
     */
    private void attempt() {
        inHand.lock();
        String kind = nightlyOwed ? "nightly" : "inbox";
        try {
            if (!running.get() || Instant.now().isBefore(nextTry)) {
                return;
            }
            long started = System.nanoTime();
            Optional<RunSummary> done = nightlyOwed ? Optional.of(nightlyRun.execute())
                    : nightlyRun.takeInWaitingFiles(() -> !scanner.waitingFiles(reference.regions()).isEmpty());
            nightlyOwed = false;
            retryWait = null;
            done.ifPresent(run -> {
                metrics.ran(kind, run, Duration.ofNanos(System.nanoTime() - started));
                log.info("{} run {} {}: {} file(s) answered{}", kind.equals("inbox") ? "Inbox" : "Nightly",
                        run.runId(), run.status(), run.submissions().size(),
                        run.releaseFolder() == null ? "" : ", release " + run.releaseFolder());
            });
        } catch (RunLock.RunInProgressException e) {
            if (nightlyOwed) {
                log.warn("The nightly run waits: {} It starts as soon as the lock is free.", e.getMessage());
            } else {
                log.info("The {} run did not start: {}", kind, e.getMessage());
            }
        } catch (Exception e) {
            if (TransientFailure.isTransient(e)) {
                retryWait = retryWait == null ? properties.pollInterval()
                        : min(retryWait.multipliedBy(2), properties.retryLimit());
                nextTry = Instant.now().plus(retryWait);
                log.warn("The {} run is paused: {} Tried again in {} s.", kind, e instanceof RunPausedException
                        ? e.getMessage() : TransientFailure.describe(e) + ".", retryWait.toSeconds());
            } else {
                nightlyOwed = false;
                log.error("The {} run failed: {}", kind, e.getMessage(), e);
            }
        } finally {
            inHand.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Whether a run is in hand in this service now. */
    public boolean runInHand() {
        return inHand.isLocked();
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            log.info("Stopping: a run in progress stops at its next checkpoint");
            nightlyRun.stopRunning();
            pausePoint.release();
            try {
                if (inHand.tryLock(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    inHand.unlock();
                    log.info("Stopped");
                } else {
                    log.warn("The run in hand did not reach a checkpoint within {}; the next start resumes it",
                            STOP_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Stopped before the scheduler, which then waits for the run in hand to reach its checkpoint. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
