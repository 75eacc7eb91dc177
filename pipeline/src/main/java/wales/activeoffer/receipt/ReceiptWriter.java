package wales.activeoffer.receipt;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import wales.activeoffer.normalise.RowIssue;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.template.Severity;

/**
 * Writes the receipt a regional lead reads for each file, three ways: a plain-text letter, the row detail as CSV, and
 * a workbook with an error summary sheet and a row detail sheet. Identifiers and dates of birth are never shown;
 * text that a spreadsheet would run as a formula is neutralised. Existing receipts are never overwritten.
 */
public final class ReceiptWriter {
    public static final List<String> CSV_HEADER = List.of("row", "sheet", "field", "value", "rule_id", "severity",
            "message");
    private final RecordingTemplate template;
    private final UnaryOperator<String> layoutNames;

    /** @param layoutNames a layout's name for a regional lead, by its mapping id */
    public ReceiptWriter(RecordingTemplate template, UnaryOperator<String> layoutNames) {
        this.template = template;
        this.layoutNames = layoutNames;
    }

    /**
     * Writes {@code <file>.receipt-<stamp>.csv}, {@code .xlsx} and, last, {@code .txt} into {@code folder}; returns the
     * text. Each file is written under a temporary name and moved into place whole. A receipt whose text is already
     * there was written in full before (by a run that then stopped) and is left as it is.
     */
    public Path write(Path folder, Receipt receipt, String stamp) {
        String stem = receipt.fileName() + ".receipt-" + stamp;
        Path text = folder.resolve(stem + ".txt");
        if (Files.exists(text)) {
            return text;
        }
        try {
            Files.createDirectories(folder);
            Path csvFile = folder.resolve(stem + ".csv");
            try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(temporary(csvFile), StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT)) {
                csv.printRecord(CSV_HEADER);
                receipt.issues().forEach(issue -> printCsv(csv, issue));
            }
            moveIntoPlace(csvFile);
            Path workbook = folder.resolve(stem + ".xlsx");
            writeWorkbook(temporary(workbook), receipt);
            moveIntoPlace(workbook);
            try (Writer out = Files.newBufferedWriter(temporary(text), StandardCharsets.UTF_8)) {
                writeLetter(out, receipt);
            }
            moveIntoPlace(text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the receipt for " + receipt.fileName(), e);
        }
    }

    private static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".part");
    }

    private static void moveIntoPlace(Path file) throws IOException {
        Files.move(temporary(file), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void printCsv(CSVPrinter csv, RowIssue issue) {
        try {
            csv.printRecord(issue.rowNumber(), SpreadsheetSafe.cell(issue.sheet()), issue.field(),
                    SpreadsheetSafe.cell(issue.value()), issue.ruleId(), severity(issue), issue.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String severity(RowIssue issue) {
        return issue.severity().name().toLowerCase(Locale.ROOT);
    }

    /** The plain-text letter, streamed to {@code out} so a file with many issues needs no more memory. */
    public void writeLetter(Appendable out, Receipt r) throws IOException {
        out.append("Active Offer dataset: receipt for one file\n");
        out.append("==========================================\n\n");
        line(out, "File", r.fileName());
        line(out, "Region", r.regionName());
        line(out, "Received", r.receivedAt().withNano(0).toString().replace('T', ' ') + " (" + r.runLabel() + ")");
        line(out, "SHA-256", r.sha256());
        line(out, "Status", r.status().wording());
        if (r.mappingId() != null) {
            line(out, "Layout", layoutNames.apply(r.mappingId()) + " (" + r.sourceDetail() + ")");
        }
        out.append('\n');
        if (r.fileVerdict() != null) {
            out.append(r.fileVerdict()).append('\n');
            return;
        }
        line(out, "Rows read", String.valueOf(r.rowsRead()));
        line(out, "Accepted", r.rowsAccepted() + (r.rowsFlagged() > 0 ? " (" + r.rowsFlagged() + " with warnings)" : ""));
        line(out, "Rejected", String.valueOf(r.rowsRejected()));
        out.append('\n');
        if (!r.replaced().isEmpty()) {
            out.append("Replaces (a corrected file replaces earlier records for the same authorities and quarters):\n");
            for (String line : r.replaced()) {
                out.append("  ").append(line).append('\n');
            }
            out.append('\n');
        }
        if (!r.withdrawn().isEmpty()) {
            out.append("Withdrawn (this file has fewer records than the one it replaces, so these earlier records no "
                    + "longer count; if that is not what you meant, send the missing rows again):\n");
            for (String line : r.withdrawn()) {
                out.append("  ").append(line).append('\n');
            }
            out.append('\n');
        }
        if (!r.notes().isEmpty()) {
            out.append("Not read:\n");
            for (String note : r.notes()) {
                out.append("  ").append(note).append('\n');
            }
            out.append('\n');
        }
        section(out, r, Severity.ERROR, "Rejected rows: these rows were not stored. Correct them and send the file again.");
        section(out, r, Severity.WARNING, "Warnings: these rows were stored, but please check them.");
        out.append("The same detail is in the .csv and .xlsx files beside this receipt.\n");
    }

    private static void section(Appendable out, Receipt r, Severity severity, String heading) throws IOException {
        out.append(heading).append('\n');
        int[] shown = {0};
        r.issues().forEach(issue -> {
            if (issue.severity() != severity) {
                return;
            }
            shown[0]++;
            try {
                out.append(String.format("  Row %-6d %s%-20s %-8s value '%s': %s%n", issue.rowNumber(),
                        issue.sheet().isEmpty() ? "" : "sheet '" + issue.sheet() + "' ", issue.field(), issue.ruleId(),
                        issue.value(), issue.message()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.append(shown[0] == 0 ? "  None.\n\n" : "\n");
    }

    private static void line(Appendable out, String label, String value) throws IOException {
        out.append(String.format("%-10s %s%n", label + ":", value));
    }

    private void writeWorkbook(Path file, Receipt r) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet rows = workbook.createSheet("Row detail");
            row(rows, 0, CSV_HEADER.toArray());
            Map<String, Integer> countByRule = new TreeMap<>();
            Map<String, TreeSet<String>> fieldsByRule = new TreeMap<>();
            int[] next = {1};
            r.issues().forEach(issue -> {
                row(rows, next[0]++, issue.rowNumber(), issue.sheet(), issue.field(), issue.value(), issue.ruleId(),
                        severity(issue), issue.message());
                countByRule.merge(issue.ruleId(), 1, Integer::sum);
                fieldsByRule.computeIfAbsent(issue.ruleId(), k -> new TreeSet<>()).add(issue.field());
            });
            Sheet summary = workbook.createSheet("Summary");
            int line = 0;
            row(summary, line++, "Active Offer dataset: receipt for " + r.fileName());
            row(summary, line++, "File status", r.status().wording());
            row(summary, line++, "Region", r.regionName());
            row(summary, line++, "Layout", r.mappingId() == null ? "not recognised"
                    : layoutNames.apply(r.mappingId()));
            row(summary, line++, "Rows read", r.rowsRead());
            row(summary, line++, "Accepted", r.rowsAccepted());
            row(summary, line++, "Accepted with warnings", r.rowsFlagged());
            row(summary, line++, "Rejected", r.rowsRejected());
            if (r.fileVerdict() != null) {
                row(summary, line++, "Reason", r.fileVerdict());
            }
            for (String note : r.notes()) {
                row(summary, line++, "Not read", note);
            }
            for (String replaced : r.replaced()) {
                row(summary, line++, "Replaces", replaced);
            }
            for (String withdrawn : r.withdrawn()) {
                row(summary, line++, "Withdrawn", withdrawn);
            }
            line++;
            row(summary, line++, "Rule", "Count", "Description", "Fields");
            for (Map.Entry<String, Integer> rule : countByRule.entrySet()) {
                row(summary, line++, rule.getKey(), rule.getValue(), template.rule(rule.getKey()).message(),
                        String.join(", ", fieldsByRule.get(rule.getKey())));
            }
            workbook.setSheetOrder("Summary", 0);
            workbook.setActiveSheet(0);
            workbook.setSelectedTab(0);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else {
                row.createCell(i).setCellValue(SpreadsheetSafe.cell(String.valueOf(value)));
            }
        }
    }
}
