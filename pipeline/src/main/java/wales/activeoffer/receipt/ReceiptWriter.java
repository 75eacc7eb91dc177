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
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import wales.activeoffer.inbox.FileNames;
import wales.activeoffer.inbox.PlainText;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.normalise.RowIssue;
import wales.activeoffer.template.RecordingTemplate;
import wales.activeoffer.template.Severity;

/**
 * Writes the receipt a regional lead reads for each file, three ways: a plain-text letter, the row detail as CSV, and
 * a workbook with an error summary sheet and a row detail sheet. Identifiers and dates of birth are never shown;
 * text that a spreadsheet would run as a formula is neutralised. Existing receipts are never overwritten.
 */
public final class ReceiptWriter {
    public static final List<String> CSV_HEADER = List.of("row", "sheet", "cell", "heading", "field", "value",
            "rule_id", "severity", "message");
    private final RecordingTemplate template;
    private final Function<String, Optional<SourceMapping>> layouts;
    private final String contact;
    private final UnaryOperator<String> welshRegionNames;

    /**
     * @param layouts          the layout a mapping id names, for its name, its language and whether it is a form
     * @param contact          who a regional lead asks about a receipt, from configuration
     * @param welshRegionNames a region's Welsh name, by its English name
     */
    public ReceiptWriter(RecordingTemplate template, Function<String, Optional<SourceMapping>> layouts,
            String contact, UnaryOperator<String> welshRegionNames) {
        this.template = template;
        this.welshRegionNames = welshRegionNames;
        this.layouts = layouts;
        this.contact = contact;
    }

    /** The words of a receipt in one language. */
    private record Words(String title, String underline, String file, String region, String received, String status,
            String layout, String rowsRead, String accepted, String withWarnings, String rejected, String replaces,
            String withdrawn, String notRead, String rejectedRows, String warnings, String none, String sameDetail,
            String questions, String row, String column, String sheet, String cell, String value, String notInFile,
            String notOnForm, String detail, String rule, String noRowsCounted, String noRowsWouldCount, String run,
            String dryRun) {

        /** The run a receipt came from, in these words: "run 12", or a dry run. */
        String runLabel(String label) {
            return label.startsWith("run ") ? run + label.substring(3) : label.startsWith("dry run") ? dryRun : label;
        }
    }

    private static final Words ENGLISH = new Words("Active Offer dataset: receipt for one file",
            "==========================================", "File", "Region", "Received", "Status", "Layout",
            "Rows read", "Accepted", "with warnings", "Rejected",
            "Replaces (a corrected file replaces earlier records for the same authorities and quarters):",
            "Withdrawn (this file has fewer records than the one it replaces, so these earlier records no longer "
                    + "count; if that is not what you meant, send the missing rows again):",
            "Not read:", "Rejected rows: these rows were not stored. Correct them and send the file again.",
            "Warnings: these rows were stored, but please check them.", "None.",
            "The same detail is in the .csv and .xlsx files beside this receipt.", "Questions about this receipt",
            "Row", "column", "Sheet", "cell", "value", "not in the file", "not on the form", "Detail", "Rule",
            "No rows from this file were counted.", "No rows from this file would be counted.", "run",
            "dry run: nothing stored");

    private static final Words WELSH = new Words("Set ddata'r Cynnig Rhagweithiol: derbynneb ar gyfer un ffeil",
            "=============================================================", "Ffeil", "Rhanbarth", "Daeth i law",
            "Statws", "Cynllun", "Rhesi a ddarllenwyd", "Derbyniwyd", "gyda rhybuddion", "Gwrthodwyd",
            "Yn disodli (mae ffeil wedi'i chywiro yn disodli cofnodion cynharach ar gyfer yr un awdurdodau a "
                    + "chwarteri):",
            "Wedi'u tynnu'n ôl (mae gan y ffeil hon lai o gofnodion na'r un y mae'n ei disodli, felly nid yw'r "
                    + "cofnodion cynharach hyn yn cyfrif mwyach; os nad dyna oedd eich bwriad, anfonwch y rhesi coll "
                    + "eto):",
            "Heb eu darllen:", "Rhesi a wrthodwyd: ni chadwyd y rhesi hyn. Cywirwch nhw ac anfonwch y ffeil eto.",
            "Rhybuddion: cadwyd y rhesi hyn, ond gwiriwch nhw.", "Dim.",
            "Mae'r un manylion yn y ffeiliau .csv a .xlsx wrth ymyl y dderbynneb hon.",
            "Cwestiynau am y dderbynneb hon", "Rhes", "colofn", "Taflen", "cell", "gwerth", "nid yw yn y ffeil",
            "nid yw ar y ffurflen", "Manylion", "Rheol", "Ni chafodd yr un rhes o'r ffeil hon ei chyfrif.",
            "Ni fyddai'r un rhes o'r ffeil hon yn cael ei chyfrif.", "rhediad", "rhediad prawf: dim wedi'i gadw");

    /** The language of a receipt: its layout's ({@code cy} for a layout with Welsh headings), else English. */
    public String languageOf(String mappingId) {
        return mappingId == null ? "en" : layouts.apply(mappingId).map(SourceMapping::language).orElse("en");
    }

    private Words words(Receipt r) {
        return "cy".equals(languageOf(r.mappingId())) ? WELSH : ENGLISH;
    }

    /**
     * What a receipt says of a file refused whole: the rule's message in the receipt's language, the detail, the rule
     * id, and that nothing from it counts.
     *
     * @param mappingId the layout that recognised the file, or {@code null}
     * @param dryRun    whether this is a check ({@code validate}), in which nothing would be counted
     */
    public String refusal(String mappingId, String ruleId, String detail, boolean dryRun) {
        String language = languageOf(mappingId);
        Words words = "cy".equals(language) ? WELSH : ENGLISH;
        return template.fileRule(ruleId).message(language) + "\n" + words.detail() + ": " + detail + "\n"
                + words.rule() + ": " + ruleId + "\n" + (dryRun ? words.noRowsWouldCount() : words.noRowsCounted());
    }

    /**
     * Writes {@code <file>.receipt-<stamp>.csv}, {@code .xlsx} and, last, {@code .txt} into {@code folder}; returns the
     * text. Each file is written under a temporary name and moved into place whole. A receipt whose text is already
     * there was written in full before (by a run that then stopped) and is left as it is.
     */
    public Path write(Path folder, Receipt receipt, String stamp) {
        String stem = FileNames.beside(receipt.fileName(), ".receipt-" + stamp + ".xlsx")
                .replaceFirst("\\.xlsx$", "");
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
            csv.printRecord(issue.rowNumber(), SpreadsheetSafe.cell(PlainText.visible(issue.sheet())), issue.cell(),
                    SpreadsheetSafe.cell(PlainText.visible(issue.heading())), issue.field(),
                    SpreadsheetSafe.cell(PlainText.visible(issue.value())),
                    issue.ruleId(), severity(issue), issue.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String severity(RowIssue issue) {
        return issue.severity().name().toLowerCase(Locale.ROOT);
    }

    /** The plain-text letter, streamed to {@code out} so a file with many issues needs no more memory. */
    public void writeLetter(Appendable out, Receipt r) throws IOException {
        Words words = words(r);
        String language = languageOf(r.mappingId());
        out.append(words.title()).append('\n');
        out.append(words.underline()).append("\n\n");
        line(out, words.file(), PlainText.visible(r.fileName()));
        line(out, words.region(), words == WELSH ? welshRegionNames.apply(r.regionName()) : r.regionName());
        line(out, words.received(), r.receivedAt().withNano(0).toString().replace('T', ' ') + " ("
                + words.runLabel(r.runLabel()) + ")");
        line(out, "SHA-256", r.sha256());
        line(out, words.status(), r.status().wording(language));
        if (r.mappingId() != null) {
            line(out, words.layout(), layoutName(r.mappingId()) + " (" + PlainText.visible(r.sourceDetail()) + ")");
        }
        out.append('\n');
        if (r.fileVerdict() != null) {
            out.append(r.fileVerdict()).append('\n');
            contactLine(out, words);
            return;
        }
        line(out, words.rowsRead(), String.valueOf(r.rowsRead()));
        line(out, words.accepted(), r.rowsAccepted() + (r.rowsFlagged() > 0 ? " (" + r.rowsFlagged() + " "
                + words.withWarnings() + ")" : ""));
        line(out, words.rejected(), String.valueOf(r.rowsRejected()));
        out.append('\n');
        list(out, words.replaces(), r.replaced());
        list(out, words.withdrawn(), r.withdrawn());
        list(out, words.notRead(), r.notes());
        boolean form = r.mappingId() != null && layouts.apply(r.mappingId()).map(SourceMapping::isForm).orElse(false);
        section(out, r, Severity.ERROR, words.rejectedRows(), words, language, form);
        section(out, r, Severity.WARNING, words.warnings(), words, language, form);
        out.append(words.sameDetail()).append('\n');
        contactLine(out, words);
    }

    private void contactLine(Appendable out, Words words) throws IOException {
        out.append(words.questions()).append(": ").append(contact).append('\n');
    }

    private static void list(Appendable out, String heading, List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        out.append(heading).append('\n');
        for (String line : lines) {
            out.append("  ").append(line).append('\n');
        }
        out.append('\n');
    }

    private String layoutName(String mappingId) {
        return layouts.apply(mappingId).map(SourceMapping::name).orElse(mappingId);
    }

    private void section(Appendable out, Receipt r, Severity severity, String heading, Words words, String language,
            boolean form) throws IOException {
        out.append(heading).append('\n');
        int[] shown = {0};
        r.issues().forEach(issue -> {
            if (issue.severity() != severity) {
                return;
            }
            shown[0]++;
            try {
                out.append("  ").append(place(issue, words, language, form)).append(", ").append(words.value())
                        .append(" '").append(PlainText.visible(issue.value())).append("': ").append(issue.message()).append(" [")
                        .append(issue.ruleId()).append("]\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.append(shown[0] == 0 ? "  " + words.none() + "\n\n" : "\n");
    }

    /**
     * Where a problem is, in the lead's own terms: the sheet, the row and column letter (or, on a form, the cell), and
     * the lead's own heading or label: {@code Row 7, column C "Offer Dte"}, {@code Sheet 'Child 2', cell C7 "Response"}.
     * A field the file does not have is named by the template's heading.
     */
    private String place(RowIssue issue, Words words, String language, boolean form) {
        StringBuilder place = new StringBuilder();
        if (!issue.sheet().isEmpty()) {
            place.append(words.sheet()).append(" '").append(PlainText.visible(issue.sheet())).append("', ");
        }
        String column = issue.cell().replaceAll("\\d+$", "");
        boolean inCell = !column.isEmpty() && !column.contains(" ");
        if (form && inCell) {
            place.append(words.cell()).append(' ').append(issue.cell());
        } else if (!form) {
            place.append(place.length() == 0 ? words.row() : words.row().toLowerCase(Locale.ROOT)).append(' ')
                    .append(issue.rowNumber());
            if (inCell) {
                place.append(", ").append(words.column()).append(' ').append(column);
            }
        }
        if (!issue.heading().isEmpty()) {
            return place.append(" \"").append(PlainText.visible(issue.heading())).append('"').toString();
        }
        String heading = template.field(issue.field()).map(f -> f.heading(language)).orElse(issue.field());
        String missing = form ? words.notOnForm() : words.notInFile();
        return place.append(form ? "" : " ").append(heading).append(" (").append(missing).append(')').toString();
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
                row(rows, next[0]++, issue.rowNumber(), PlainText.visible(issue.sheet()), issue.cell(),
                        PlainText.visible(issue.heading()), issue.field(), PlainText.visible(issue.value()),
                        issue.ruleId(), severity(issue), issue.message());
                countByRule.merge(issue.ruleId(), 1, Integer::sum);
                fieldsByRule.computeIfAbsent(issue.ruleId(), k -> new TreeSet<>()).add(issue.field());
            });
            Sheet summary = workbook.createSheet("Summary");
            int line = 0;
            row(summary, line++, "Active Offer dataset: receipt for " + PlainText.visible(r.fileName()));
            row(summary, line++, "File status", r.status().wording());
            row(summary, line++, "Region", r.regionName());
            row(summary, line++, "Layout", r.mappingId() == null ? "not recognised" : layoutName(r.mappingId()));
            row(summary, line++, "Rows read", r.rowsRead());
            row(summary, line++, "Questions", contact);
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
                row(summary, line++, rule.getKey(), rule.getValue(),
                        template.rule(rule.getKey()).message(languageOf(r.mappingId())),
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
