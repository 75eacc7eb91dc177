package wales.activeoffer.receipt;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import wales.activeoffer.normalise.RowIssue;
import wales.activeoffer.store.Submission;
import wales.activeoffer.store.SubmissionStore;
import wales.activeoffer.template.Severity;

/**
 * Writes the receipt a regional lead reads for each file: a plain-text letter and the same row detail as CSV, into the
 * region's receipts folder. Identifiers and dates of birth are never shown. Existing receipts are never overwritten.
 */
public final class ReceiptWriter {
    public static final List<String> CSV_HEADER = List.of("row", "sheet", "field", "value", "rule_id", "severity",
            "message");
    private final SubmissionStore store;

    public ReceiptWriter(SubmissionStore store) {
        this.store = store;
    }

    /** Writes {@code <file>.receipt-<run>.txt} and {@code .csv} into {@code folder}; returns the text receipt. */
    public Path write(Path folder, Submission submission, String regionName, String runStamp, String fileVerdict) {
        try {
            Files.createDirectories(folder);
            String stem = submission.fileName() + ".receipt-" + runStamp;
            Path text = folder.resolve(stem + ".txt");
            try (BufferedWriter out = Files.newBufferedWriter(text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
                writeLetter(out, submission, regionName, fileVerdict);
            }
            try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(folder.resolve(stem + ".csv"),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW), CSVFormat.DEFAULT)) {
                csv.printRecord(CSV_HEADER);
                store.forEachIssue(submission.id(), issue -> printCsv(csv, issue));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the receipt for " + submission.fileName(), e);
        }
    }

    private static void printCsv(CSVPrinter csv, RowIssue issue) {
        try {
            csv.printRecord(issue.rowNumber(), issue.sheet(), issue.field(), SpreadsheetSafe.cell(issue.value()),
                    issue.ruleId(), issue.severity().name().toLowerCase(java.util.Locale.ROOT), issue.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeLetter(BufferedWriter out, Submission s, String regionName, String fileVerdict)
            throws IOException {
        ReceiptStatus status = ReceiptStatus.of(s);
        out.write("Active Offer dataset: receipt for one file\n");
        out.write("==========================================\n\n");
        line(out, "File", s.fileName());
        line(out, "Region", regionName);
        line(out, "Received", s.receivedAt().withNano(0).toString().replace('T', ' ') + " (run " + s.ingestRun() + ")");
        line(out, "SHA-256", s.sha256());
        line(out, "Status", status.wording());
        if (s.mappingId() != null) {
            line(out, "Layout", s.mappingId() + " (" + s.sourceDetail() + ")");
        }
        out.write("\n");
        if (fileVerdict != null) {
            out.write(fileVerdict + "\n");
            return;
        }
        line(out, "Rows read", String.valueOf(s.rowsRead()));
        line(out, "Accepted", s.rowsAccepted() + (s.rowsFlagged() > 0 ? " (" + s.rowsFlagged() + " with warnings)" : ""));
        line(out, "Rejected", String.valueOf(s.rowsRejected()));
        out.write("\n");
        section(out, s, Severity.ERROR, "Rejected rows: these rows were not stored. Correct them and send the file again.");
        section(out, s, Severity.WARNING, "Warnings: these rows were stored, but please check them.");
        out.write("The same detail is in the .csv file beside this receipt.\n");
    }

    private void section(BufferedWriter out, Submission s, Severity severity, String heading) throws IOException {
        out.write(heading + "\n");
        int[] shown = {0};
        store.forEachIssue(s.id(), issue -> {
            if (issue.severity() != severity) {
                return;
            }
            shown[0]++;
            try {
                out.write(String.format("  Row %-6d %-20s %-8s value '%s': %s%n", issue.rowNumber(), issue.field(),
                        issue.ruleId(), issue.value(), issue.message()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.write(shown[0] == 0 ? "  None.\n\n" : "\n");
    }

    private static void line(BufferedWriter out, String label, String value) throws IOException {
        out.write(String.format("%-10s %s%n", label + ":", value));
    }
}
