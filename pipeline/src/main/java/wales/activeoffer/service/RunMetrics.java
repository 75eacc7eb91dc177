package wales.activeoffer.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import wales.activeoffer.job.RunSummary;
import wales.activeoffer.store.Submission;

/**
 * The service's metrics: files waiting in the inbox now; files answered (by outcome) and rows accepted and rejected
 * since the service started; how long runs take. Counts only.
 */
public final class RunMetrics {
    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry, Supplier<Number> filesWaiting) {
        this.registry = registry;
        Gauge.builder("activeoffer.inbox.waiting", filesWaiting).description("files waiting in the inbox")
                .register(registry);
    }

    /** Counts what a run did. */
    public void ran(String kind, RunSummary run, Duration took) {
        Timer.builder("activeoffer.run.duration").tag("kind", kind).description("how long a run took")
                .register(registry).record(took);
        for (Submission file : run.submissions()) {
            Counter.builder("activeoffer.files").tag("outcome", file.receiptStatus().name().toLowerCase(Locale.ROOT))
                    .description("files answered with a receipt").register(registry).increment();
            Counter.builder("activeoffer.rows.accepted").description("rows stored as records").register(registry)
                    .increment(file.rowsAccepted());
            Counter.builder("activeoffer.rows.rejected").description("rows rejected with a reason")
                    .register(registry).increment(file.rowsRejected());
        }
    }
}
