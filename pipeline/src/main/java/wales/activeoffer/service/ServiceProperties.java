package wales.activeoffer.service;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of service mode, under {@code activeoffer.service.*}.
 *
 * @param cron         when the nightly run starts, as a Spring cron expression (second minute hour day month weekday);
 *                     the default, 02:30, avoids the hour from 01:00 to 02:00 that the clocks skip or repeat
 * @param zone         the time zone of {@code cron}
 * @param pollInterval how often the inbox is checked for new files (at least 1 second, at most a day)
 * @param retryLimit   the longest wait between two tries of a run paused by the system's failure (the database out
 *                     of reach, the disk full): the wait starts at the poll interval and doubles up to this
 */
@Validated
@ConfigurationProperties("activeoffer.service")
public record ServiceProperties(
        @NotNull @DefaultValue("0 30 2 * * *") String cron,
        @NotNull @DefaultValue("Europe/London") ZoneId zone,
        @NotNull @DefaultValue("PT2M") Duration pollInterval,
        @NotNull @DefaultValue("PT5M") Duration retryLimit) {

    public ServiceProperties {
        if (cron != null && !CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("activeoffer.service.cron '" + cron + "' is not a cron expression "
                    + "(six fields: second minute hour day month weekday, as in 0 30 2 * * *)");
        }
        if (pollInterval != null && (pollInterval.compareTo(Duration.ofSeconds(1)) < 0
                || pollInterval.compareTo(Duration.ofDays(1)) > 0)) {
            throw new IllegalArgumentException("activeoffer.service.poll-interval must be from 1 second to 1 day, "
                    + "but is " + pollInterval);
        }
        if (retryLimit != null && (retryLimit.compareTo(Duration.ofSeconds(1)) < 0
                || retryLimit.compareTo(Duration.ofHours(6)) > 0)) {
            throw new IllegalArgumentException("activeoffer.service.retry-limit must be from 1 second to 6 hours, "
                    + "but is " + retryLimit);
        }
    }
}
