package wales.activeoffer.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import wales.activeoffer.job.NightlyJobConfiguration;

/**
 * The service's own health, beside the database's: whether the last run ended well, whether a run holds the lock now,
 * and whether the inbox can be read. Counts and states only, never record data.
 */
final class ServiceHealth {
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

    /** Whether a run holds the run lock now (a run in progress), or it is free. */
    static HealthIndicator runLock(JobRepository jobRepository) {
        return safe(() -> Health.up().withDetail("lock", jobRepository.findRunningJobExecutions(
                NightlyJobConfiguration.JOB_NAME).isEmpty() ? "free" : "held by a run in progress").build());
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
