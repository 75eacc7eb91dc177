package wales.activeoffer.service;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import wales.activeoffer.inbox.InboxScanner;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.job.DatabaseCheck;
import wales.activeoffer.job.NightlyRun;
import wales.activeoffer.job.PausePoint;
import wales.activeoffer.job.RunLock;
import wales.activeoffer.job.RunProgress;
import wales.activeoffer.reference.ReferenceData;

/** Service mode's beans, made only for {@code serve} ({@code activeoffer.service.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "activeoffer.service.enabled", havingValue = "true")
public class ServiceConfiguration {
    /** With the database's 3 seconds, health answers within 5 seconds even when the database does not. */
    private static final Duration LAST_RUN_LIMIT = Duration.ofMillis(1500);

    /**
     * One thread, so the nightly run and a poll never overlap. It does not wait for scheduled tasks on shutdown: the
     * service has already waited for the run in hand ({@link PipelineService#stop()}).
     */
    @Bean
    ThreadPoolTaskScheduler pipelineScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("pipeline-");
        return scheduler;
    }

    /**
     * Held for as long as the service runs: a second service on the same work root or database stops here, with one
     * line and exit code 3, before the web server opens its port.
     */
    @Bean(destroyMethod = "close")
    RunLock.Held serviceInstance(RunLock runLock) {
        return runLock.holdService();
    }

    @Bean
    PipelineService pipelineService(NightlyRun nightlyRun, InboxScanner scanner, ReferenceData reference,
            ThreadPoolTaskScheduler pipelineScheduler, ServiceProperties properties, PausePoint pausePoint,
            RunMetrics runMetrics, WorkRoot workRoot, RunLock.Held serviceInstance) {
        return new PipelineService(nightlyRun, scanner, reference, pipelineScheduler, properties, pausePoint,
                runMetrics, workRoot.inbox());
    }

    @Bean
    RunMetrics runMetrics(MeterRegistry registry, InboxScanner scanner, ReferenceData reference,
            RunProgress runProgress) {
        return new RunMetrics(registry, () -> Math.max(0, scanner.waitingFiles(reference.regions()).size()
                - runProgress.filesInHand()));
    }

    /** The database's health, within 3 seconds however the network fails (in place of Spring Boot's own check). */
    @Bean
    HealthIndicator dbHealthIndicator(DatabaseCheck databaseCheck) {
        return ServiceHealth.database(databaseCheck);
    }

    @Bean
    HealthIndicator lastRunHealthIndicator(JobRepository jobRepository) {
        return ServiceHealth.timeLimited(ServiceHealth.lastRun(jobRepository), LAST_RUN_LIMIT);
    }

    @Bean
    HealthIndicator runLockHealthIndicator(PipelineService pipelineService) {
        return ServiceHealth.runLock(pipelineService::runInHand);
    }

    @Bean
    HealthIndicator inboxHealthIndicator(WorkRoot workRoot) {
        return ServiceHealth.inbox(workRoot.inbox());
    }
}
