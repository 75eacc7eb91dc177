package wales.activeoffer.job;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import wales.activeoffer.receipt.ReceiptStatus;
import wales.activeoffer.store.Submission;

/**
 * Runs the nightly job once when the application starts, then prints where everything went. Switched off with
 * {@code activeoffer.run-on-start=false} (the tests start runs themselves).
 */
@Component
@ConditionalOnProperty(name = "activeoffer.run-on-start", havingValue = "true", matchIfMissing = true)
class PipelineCommandLine implements ApplicationRunner, ExitCodeGenerator {
    private final NightlyRun nightlyRun;
    private int exitCode;

    PipelineCommandLine(NightlyRun nightlyRun) {
        this.nightlyRun = nightlyRun;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        RunSummary summary = nightlyRun.execute();
        exitCode = summary.status() == BatchStatus.COMPLETED ? 0 : 1;
        Map<ReceiptStatus, Integer> files = new TreeMap<>();
        int accepted = 0;
        int rejected = 0;
        for (Submission s : summary.submissions()) {
            files.merge(ReceiptStatus.of(s), 1, Integer::sum);
            accepted += s.rowsAccepted();
            rejected += s.rowsRejected();
        }
        StringBuilder out = new StringBuilder("\nActive Offer nightly run ").append(summary.runId()).append(": ")
                .append(summary.status()).append('\n');
        out.append(String.format("  Files processed:  %d%s%n", summary.submissions().size(),
                summary.submissions().isEmpty() ? " (no new files were waiting in the inbox)" : ""));
        files.forEach((status, n) -> out.append(String.format("    %-44s %d%n", status.wording(), n)));
        out.append(String.format("  Rows accepted:    %d%n  Rows rejected:    %d%n", accepted, rejected));
        out.append("Outputs:\n");
        out.append("  Receipts:                 ").append(summary.receiptsFolder()).append('\n');
        out.append("  Release folder:           ").append(summary.releaseFolder()).append('\n');
        out.append("  Aggregates (CSV):         ").append(summary.releaseFolder()).append("/aggregates.csv\n");
        out.append("  Aggregates (Parquet):     ").append(summary.aggregatesParquet()).append('\n');
        out.append("  Record-level (Parquet):   ").append(summary.recordsParquet()).append('\n');
        System.out.print(out);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
