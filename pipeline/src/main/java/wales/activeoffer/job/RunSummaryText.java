package wales.activeoffer.job;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import wales.activeoffer.inbox.PlainText;
import org.springframework.batch.core.BatchStatus;
import wales.activeoffer.receipt.ReceiptStatus;
import wales.activeoffer.report.Language;
import wales.activeoffer.store.Submission;

/** The closing lines of a run, for the person who started it: what came in, what needs attention, where it went. */
final class RunSummaryText {
    private RunSummaryText() {
    }

    static String of(RunSummary summary, Path workRoot) {
        Map<ReceiptStatus, Integer> files = new TreeMap<>();
        int accepted = 0;
        int rejected = 0;
        for (Submission s : summary.submissions()) {
            files.merge(s.receiptStatus(), 1, Integer::sum);
            accepted += s.rowsAccepted();
            rejected += s.rowsRejected();
        }
        StringBuilder text = new StringBuilder("\nActive Offer nightly run ").append(summary.runId()).append(": ")
                .append(summary.status()).append('\n');
        text.append(String.format("  Files processed:  %d%s%n", summary.submissions().size(),
                summary.submissions().isEmpty() ? " (no new files were waiting in the inbox)" : ""));
        files.forEach((status, n) -> text.append(String.format("    %-44s %d%n", status.wording(), n)));
        text.append(String.format("  Rows accepted:    %d%n  Rows rejected:    %d%n", accepted, rejected));
        for (Submission s : summary.submissions()) {
            for (String withdrawn : s.withdrawn()) {
                text.append("  Withdrawn by the correction ").append(PlainText.visible(s.fileName())).append(": ").append(withdrawn)
                        .append('\n');
            }
        }
        if (summary.quarantined() > 0) {
            text.append(String.format("  Quarantined:      %d file(s) could not be processed; each has a receipt "
                    + "saying so and is kept in %s with the reason. The data team must look at them.%n",
                    summary.quarantined(), workRoot.resolve("quarantine")));
        }
        summary.operatorNotes().forEach(note -> text.append("  Note: ").append(note).append('\n'));
        if (summary.status() != BatchStatus.COMPLETED) {
            text.append("  The run did not finish, so nothing new was published. The next run resumes it once; if it "
                    + "fails again there, it is abandoned and a new run starts. The log says what went wrong.\n");
        } else if (!summary.newRelease()) {
            text.append("  No public release was due tonight").append(summary.nextPublic() == null ? ".\n"
                    : "; the next is on " + summary.nextPublic() + " (mappings/reference/publication-calendar.csv).\n");
        }
        if (summary.share() != null) {
            text.append("  Published:        ").append(summary.share().describe())
                    .append(" in the public release; the rest are [c], hidden to protect small numbers\n");
        }
        text.append("Outputs:\n");
        text.append("  Receipts:                 ").append(summary.receiptsFolder()).append('\n');
        if (summary.officialsFolder() != null) {
            text.append("  Officials' nightly dataset (management information, exact, restricted to the named "
                    + "officials):\n");
            text.append("    Workbook:               ").append(summary.officialsFolder())
                    .append("/active-offer-management-information.xlsx\n");
            text.append("    Aggregates (CSV):       ").append(summary.officialsFolder())
                    .append("/aggregates.csv (also coverage.csv, data-quality.csv)\n");
        }
        if (summary.releaseFolder() != null) {
            text.append(summary.newRelease() ? "  Public release (new, protected, on the publication calendar):\n"
                    : "  Latest public release (protected, on the publication calendar):\n");
            text.append("    Folder:                 ").append(summary.releaseFolder()).append('\n');
            text.append("    Official statistics:    ").append(summary.releaseFolder())
                    .append("/active-offer-official-statistics.xlsx\n");
            text.append("    Forum report:           ").append(summary.releaseFolder()).append('/')
                    .append(Language.ENGLISH.fileName()).append(" (Cymraeg: ").append(Language.WELSH.fileName())
                    .append(")\n");
            text.append("    Aggregates (CSV):       ").append(summary.releaseFolder())
                    .append("/aggregates.csv (columns in csv-metadata.json; also coverage.csv, data-quality.csv)\n");
            text.append("    Aggregates (Parquet):   ").append(summary.aggregatesParquet()).append('\n');
        } else if (summary.status() == BatchStatus.COMPLETED) {
            text.append("  Public release:           none yet").append(summary.nextPublic() == null ? "\n"
                    : "; the first is due on " + summary.nextPublic() + "\n");
        }
        if (summary.nextPublic() != null) {
            text.append("  Next public release:      ").append(summary.nextPublic()).append('\n');
        }
        if (summary.recordsParquet() != null) {
            text.append("  Record-level (Parquet):   ").append(summary.recordsParquet())
                    .append(" (restricted: researchers under an access agreement only; partitioned by financial_year "
                            + "and region_code)\n");
        }
        return text.toString();
    }
}
