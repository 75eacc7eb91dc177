package wales.activeoffer.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import wales.activeoffer.job.DatabaseCheck;
import wales.activeoffer.job.NightlyJobConfiguration;

/**
 * The service's own health, beside the database's: whether the last run ended well, whether a run holds the lock now,
 * and whether the inbox can be read. Counts and states only, never record data.
 */
final class ServiceHealth {
    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "health-check");
        thread.setDaemon(true);
        return thread;
    });

    private ServiceHealth() {
    }

    /** DOWN when the last run failed or was given up: the data team should look, though the next run resumes it. */
    static HealthIndicator lastRun(JobRepository jobRepository) {
        return safe(() -> {
            JobInstance instance = jobRepository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last == null) {
                return Health.up().withDetail("lastRun", "none yet").build();
            }
            Health.Builder health = last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.ABANDONED
                    || last.getStatus() == BatchStatus.UNKNOWN ? Health.down() : Health.up();
            return health.withDetail("run", instance.getId()).withDetail("status", last.getStatus().name())
                    .withDetail("stamp", String.valueOf(last.getJobParameters().getString(NightlyJobConfiguration.RUN_STAMP)))
                    .build();
        });
    }

    /** Whether a run of this service holds the run lock now (a run in progress), or it is free; no database call. */
    static HealthIndicator runLock(BooleanSupplier runInHand) {
        return () -> Health.up().withDetail("lock", runInHand.getAsBoolean() ? "held by a run in progress" : "free")
                .build();
    }

    /** UP when the database answers within its check's limit; DOWN, saying why, when it does not. */
    static HealthIndicator database(DatabaseCheck check) {
        return () -> {
            DatabaseCheck.Answer answer = check.ask();
            return (answer.up() ? Health.up().withDetail("database", answer.detail())
                    : Health.down().withDetail("error", answer.detail())).build();
        };
    }

    /**
     * A check that answers within {@code limit} whatever the database does: past it, the last answer it gave (marked
     * as such), or UNKNOWN before there is one.
     */
    static HealthIndicator timeLimited(HealthIndicator check, Duration limit) {
        AtomicReference<Health> lastAnswer = new AtomicReference<>();
        return () -> {
            CompletableFuture<Health> answer = CompletableFuture.supplyAsync(check::health, CHECKS);
            try {
                Health health = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                lastAnswer.set(health);
                return health;
            } catch (TimeoutException | ExecutionException e) {
                answer.cancel(true);
                Health last = lastAnswer.get();
                return (last == null ? Health.unknown() : Health.status(last.getStatus()).withDetails(last.getDetails()))
                        .withDetail("checked", "no answer within " + limit.toMillis() + " ms; this is the last answer")
                        .build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.unknown().build();
            }
        };
    }

    /** A check that cannot be made (the job repository is out of reach with the database) is DOWN, not an error. */
    private static HealthIndicator safe(Supplier<Health> check) {
        return () -> {
            try {
                return check.get();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", "cannot be checked: " + e.getClass().getSimpleName()).build();
            }
        };
    }

    /** DOWN when the inbox folder is missing or cannot be read: no file could be taken in. */
    static HealthIndicator inbox(Path inbox) {
        return () -> Files.isDirectory(inbox) && Files.isReadable(inbox)
                ? Health.up().withDetail("inbox", "readable").build()
                : Health.down().withDetail("inbox", "missing or not readable: " + inbox).build();
    }
}
