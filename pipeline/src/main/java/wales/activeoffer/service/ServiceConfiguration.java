package wales.activeoffer.service;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import wales.activeoffer.inbox.InboxScanner;
import wales.activeoffer.inbox.WorkRoot;
import wales.activeoffer.job.NightlyRun;
import wales.activeoffer.job.PausePoint;
import wales.activeoffer.reference.ReferenceData;

/** Service mode's beans, made only for {@code serve} ({@code activeoffer.service.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "activeoffer.service.enabled", havingValue = "true")
public class ServiceConfiguration {

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

    @Bean
    PipelineService pipelineService(NightlyRun nightlyRun, InboxScanner scanner, ReferenceData reference,
            ThreadPoolTaskScheduler pipelineScheduler, ServiceProperties properties, PausePoint pausePoint,
            RunMetrics runMetrics) {
        return new PipelineService(nightlyRun, scanner, reference, pipelineScheduler, properties, pausePoint,
                runMetrics);
    }

    @Bean
    RunMetrics runMetrics(MeterRegistry registry, InboxScanner scanner, ReferenceData reference) {
        return new RunMetrics(registry, () -> scanner.waitingFiles(reference.regions()).size());
    }

    @Bean
    HealthIndicator lastRunHealthIndicator(JobRepository jobRepository) {
        return ServiceHealth.lastRun(jobRepository);
    }

    @Bean
    HealthIndicator runLockHealthIndicator(JobRepository jobRepository) {
        return ServiceHealth.runLock(jobRepository);
    }

    @Bean
    HealthIndicator inboxHealthIndicator(WorkRoot workRoot) {
        return ServiceHealth.inbox(workRoot.inbox());
    }
}
