package wales.activeoffer.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import wales.activeoffer.inbox.InboxScanner;
import wales.activeoffer.job.NightlyRun;
import wales.activeoffer.job.PausePoint;
import wales.activeoffer.job.RunLock;
import wales.activeoffer.job.RunSummary;
import wales.activeoffer.reference.ReferenceData;

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
    /** Held while a run is in hand, so that stopping waits for it to reach its checkpoint. */
    private final ReentrantLock inHand = new ReentrantLock();

    public PipelineService(NightlyRun nightlyRun, InboxScanner scanner, ReferenceData reference,
            TaskScheduler scheduler, ServiceProperties properties, PausePoint pausePoint, RunMetrics metrics) {
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
            scheduler.schedule(this::nightly, new CronTrigger(properties.cron(), properties.zone()));
            scheduler.scheduleWithFixedDelay(this::poll, properties.pollInterval());
            log.info("Serving: the nightly run at '{}' ({}), the inbox checked every {}s", properties.cron(),
                    properties.zone(), properties.pollInterval().toSeconds());
        }
    }

    /** The nightly run: take in the inbox and publish the release. */
    void nightly() {
        inHand("nightly", () -> Optional.of(nightlyRun.execute()));
    }

    /** An inbox poll: files waiting are taken in and answered with their receipts; nothing is published. */
    void poll() {
        inHand("inbox", () -> nightlyRun.takeInWaitingFiles(() -> !scanner.waitingFiles(reference.regions())
                .isEmpty()));
    }

    /** What a scheduled task does: a run, if there is one to do. */
    @FunctionalInterface
    private interface Work {
        Optional<RunSummary> run() throws Exception;
    }

    /** Does one scheduled run while the service runs, holding {@link #inHand}; counts and logs what it did. */
    private void inHand(String kind, Work work) {
        inHand.lock();
        try {
            if (!running.get()) {
                return;
            }
            long started = System.nanoTime();
            work.run().ifPresent(run -> {
                metrics.ran(kind, run, Duration.ofNanos(System.nanoTime() - started));
                log.info("{} run {} {}: {} file(s) answered{}", kind.equals("inbox") ? "Inbox" : "Nightly",
                        run.runId(), run.status(), run.submissions().size(),
                        run.releaseFolder() == null ? "" : ", release " + run.releaseFolder());
            });
        } catch (RunLock.RunInProgressException e) {
            log.info("The {} run did not start: {}", kind, e.getMessage());
        } catch (Exception e) {
            log.error("The {} run failed: {}", kind, e.getMessage(), e);
        } finally {
            inHand.unlock();
        }
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
