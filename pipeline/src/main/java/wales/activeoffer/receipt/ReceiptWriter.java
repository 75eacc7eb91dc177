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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import wales.activeoffer.wording.Wording;

/**
 * Writes the receipt a regional lead reads for each file, three ways: a plain-text letter, the row detail as CSV, and
 * a workbook with an error summary sheet and a row detail sheet. Identifiers and dates of birth are never shown;
 * text that a spreadsheet would run as a formula is neutralised. Existing receipts are never overwritten.
 */
public final class ReceiptWriter {
    /** The receipt CSV's columns, as keys of the wording ({@code column.<key>}). */
    static final List<String> CSV_HEADER = List.of("row", "sheet", "cell", "heading", "field", "value", "rule",
            "severity", "message");
    /** The fields the statistics use that a layout may not have: each is there if any of its alternatives is. */
    private static final List<List<String>> MEASURED_FIELDS = List.of(List.of("age_at_offer", "date_of_birth"),
            List.of("date_referral"), List.of("date_first_contact"), List.of("date_meeting"),
            List.of("referral_source"), List.of("refusal_reason"));
    private static final Pattern RULE_LINE = Pattern.compile("^[^:\n]+: (AO-F\\d+)$", Pattern.MULTILINE);
    private final RecordingTemplate template;
    private final Function<String, Optional<SourceMapping>> layouts;
    private final String contact;
    private final String contactWelsh;
    private final UnaryOperator<String> welshRegionNames;

    /**
     * @param layouts          the layout a mapping id names, for its name, its language and whether it is a form
     * @param contact          who a regional lead asks about a receipt, from configuration, or {@code null} for the
     *                         wording catalogue's
     * @param contactWelsh     the same for receipts in Welsh, or {@code null} for {@code contact}, else the catalogue's
     * @param welshRegionNames a region's Welsh name, by its English name
     */
    public ReceiptWriter(RecordingTemplate template, Function<String, Optional<SourceMapping>> layouts,
            String contact, String contactWelsh, UnaryOperator<String> welshRegionNames) {
        this.template = template;
        this.welshRegionNames = welshRegionNames;
        this.layouts = layouts;
        this.contact = contact;
        this.contactWelsh = contactWelsh;
    }

    /** The language of a receipt: its layout's ({@code cy} for a layout with Welsh headings), else English. */
    public String languageOf(String mappingId) {
        return mappingId == null ? "en" : layouts.apply(mappingId).map(SourceMapping::language).orElse("en");
    }

    private Wording words(Receipt r) {
        return Wording.in(languageOf(r.mappingId()));
    }

    /** The run a receipt came from, in the receipt's words: "run 12", or a dry run. */
    private static String runLabel(Wording words, String label) {
        return label.startsWith("run ") ? words.text("received.run", label.substring(4))
                : label.startsWith("dry run") ? words.text("received.dryRun") : label;
    }

    /**
     * What a receipt says of a file refused whole: the rule's message in the receipt's language, the detail, the rule
     * id, and that nothing from it counts.
     *
     * @param mappingId the layout that recognised the file, or {@code null}
     * @param dryRun    whether this is a check ({@code validate}), in which nothing would be counted
     */
    /**
     * What a receipt says of a file identical to one already taken in, in the language of that file's layout: the
     * rule's message, which file it is the same as, and the rule.
     */
    public String duplicate(String mappingId, String detail) {
        String language = languageOf(mappingId);
        return template.fileRule("AO-F04").message(language) + "\n" + detail + "\n"
                + Wording.in(language).text("refusal.rule") + ": AO-F04";
    }

    public String refusal(String mappingId, String ruleId, String detail, boolean dryRun) {
        String language = languageOf(mappingId);
        Wording words = Wording.in(language);
        return template.fileRule(ruleId).message(language) + "\n" + words.text("refusal.detail") + ": " + detail
                + "\n" + words.text("refusal.rule") + ": " + ruleId + "\n"
                + words.text(dryRun ? "refusal.noRowsWouldCount" : "refusal.noRowsCounted");
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
                Wording words = words(receipt);
                csv.printRecord(CSV_HEADER.stream().map(key -> words.text("column." + key)).toList());
                if (receipt.fileVerdict() != null && (receipt.status() == ReceiptStatus.REJECTED
                        || receipt.status() == ReceiptStatus.DUPLICATE)) {
                    csv.printRecord("", "", "", "", "", "", refusedRule(receipt), words.text(
                            receipt.status() == ReceiptStatus.DUPLICATE ? "severity.duplicate" : "severity.file"),
                            refusalReason(receipt));
                }
                receipt.issues().forEach(issue -> printCsv(csv, issue, words));
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

    private void printCsv(CSVPrinter csv, RowIssue issue, Wording words) {
        try {
            csv.printRecord(issue.rowNumber(), SpreadsheetSafe.cell(PlainText.visible(issue.sheet())), issue.cell(),
                    SpreadsheetSafe.cell(PlainText.visible(issue.heading())), fieldHeading(issue.field(), words),
                    SpreadsheetSafe.cell(PlainText.visible(issue.value())),
                    issue.ruleId(), severity(issue, words), issue.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String severity(RowIssue issue, Wording words) {
        return words.text("severity." + issue.severity().name().toLowerCase(Locale.ROOT));
    }

    /** A template field by its heading in the receipt's language, as the recording template names it. */
    private String fieldHeading(String field, Wording words) {
        return template.field(field).map(f -> f.heading(words.language())).orElse(field);
    }

    /** The rule a refused file broke, from its verdict's "Rule: AO-F.." line. */
    private static String refusedRule(Receipt r) {
        Matcher m = RULE_LINE.matcher(r.fileVerdict());
        return m.find() ? m.group(1) : "";
    }

    /** A refused file's reason in one line: its verdict's sentences without the rule line. */
    private static String refusalReason(Receipt r) {
        StringBuilder reason = new StringBuilder();
        for (String line : RULE_LINE.matcher(r.fileVerdict()).replaceAll("").strip().split("\\s*\\n+\\s*")) {
            reason.append(reason.length() == 0 ? "" : " ").append(line)
                    .append(line.matches(".*[.!?:]$") ? "" : ".");
        }
        return reason.toString();
    }

    /** The plain-text letter, streamed to {@code out} so a file with many issues needs no more memory. */
    public void writeLetter(Appendable out, Receipt r) throws IOException {
        Wording words = words(r);
        String language = words.language();
        String title = words.text("receipt.title");
        out.append(title).append('\n');
        out.append("=".repeat(title.length())).append("\n\n");
        line(out, words.text("label.file"), PlainText.visible(r.fileName()));
        line(out, words.text("label.region"), regionName(r, words));
        line(out, words.text("label.received"), r.receivedAt().withNano(0).toString().replace('T', ' ') + " ("
                + runLabel(words, r.runLabel()) + ")");
        line(out, words.text("label.sha256"), r.sha256());
        line(out, words.text("label.status"), r.status().wording(language));
        if (r.mappingId() != null) {
            line(out, words.text("label.layout"), layoutName(r.mappingId()) + " ("
                    + SourceDetail.inWords(PlainText.visible(r.sourceDetail()), words) + ")");
        }
        lacking(r, words).ifPresent(line -> {
            try {
                out.append(line).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.append('\n');
        if (r.fileVerdict() != null) {
            out.append(r.fileVerdict()).append('\n');
            contactLine(out, words);
            return;
        }
        line(out, words.text("label.rowsRead"), String.valueOf(r.rowsRead()));
        line(out, words.text("label.accepted"), r.rowsAccepted() + (r.rowsFlagged() > 0 ? " ("
                + words.text("accepted.withWarnings", r.rowsFlagged()) + ")" : ""));
        line(out, words.text("label.rejected"), String.valueOf(r.rowsRejected()));
        out.append('\n');
        list(out, words.text("section.replaces"), r.replaced());
        list(out, words.text("section.withdrawn"), r.withdrawn());
        list(out, words.text("section.notRead"), r.notes());
        boolean form = r.mappingId() != null && layouts.apply(r.mappingId()).map(SourceMapping::isForm).orElse(false);
        section(out, r, Severity.ERROR, words.text("section.rejectedRows"), words, form);
        section(out, r, Severity.WARNING, words.text("section.warnings"), words, form);
        out.append(words.text("section.sameDetail")).append('\n');
        contactLine(out, words);
    }

    private void contactLine(Appendable out, Wording words) throws IOException {
        out.append(words.text("contact.questions")).append(": ").append(contact(words)).append('\n');
    }

    /** Who to ask: the configured contact for the receipt's language, else the catalogue's. */
    private String contact(Wording words) {
        String configured = words.welsh() && contactWelsh != null ? contactWelsh : contact;
        return configured != null ? configured : words.text("contact.default");
    }

    private String regionName(Receipt r, Wording words) {
        return words.welsh() ? welshRegionNames.apply(r.regionName()) : r.regionName();
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

    /**
     * What the statistics need that the file's layout has no place for, so every record of it counts as not known
     * there (the data quality table shows 0% for it): said once, so the lead knows why.
     */
    private Optional<String> lacking(Receipt r, Wording words) {
        Optional<SourceMapping> layout = r.mappingId() == null ? Optional.empty() : layouts.apply(r.mappingId());
        if (layout.isEmpty() || r.fileVerdict() != null) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (List<String> fields : MEASURED_FIELDS) {
            if (fields.stream().noneMatch(layout.get()::reads)) {
                missing.add(fieldHeading(fields.get(0), words));
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(words.text("layout.lacks", String.join(", ", missing)));
    }

    private String layoutName(String mappingId) {
        return layouts.apply(mappingId).map(SourceMapping::name).orElse(mappingId);
    }

    private void section(Appendable out, Receipt r, Severity severity, String heading, Wording words, boolean form)
            throws IOException {
        out.append(heading).append('\n');
        int[] shown = {0};
        r.issues().forEach(issue -> {
            if (issue.severity() != severity) {
                return;
            }
            shown[0]++;
            try {
                out.append("  ").append(place(issue, words, form)).append(", ").append(words.text("issue.value"))
                        .append(" '").append(PlainText.visible(issue.value())).append("': ").append(issue.message()).append(" [")
                        .append(issue.ruleId()).append("]\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.append(shown[0] == 0 ? "  " + words.text("section.none") + "\n\n" : "\n");
    }

    /**
     * Where a problem is, in the lead's own terms: the sheet, the row and column letter (or, on a form, the cell), and
     * the lead's own heading or label: {@code Row 7, column C "Offer Dte"}, {@code Sheet 'Child 2', cell C7 "Response"}.
     * A field the file does not have is named by the template's heading.
     */
    private String place(RowIssue issue, Wording words, boolean form) {
        StringBuilder place = new StringBuilder();
        if (!issue.sheet().isEmpty()) {
            place.append(words.text("place.sheet")).append(" '").append(PlainText.visible(issue.sheet())).append("', ");
        }
        String column = issue.cell().replaceAll("\\d+$", "");
        boolean inCell = !column.isEmpty() && !column.contains(" ");
        if (form && inCell) {
            place.append(words.text("place.cell")).append(' ').append(issue.cell());
        } else if (!form) {
            place.append(words.text(place.length() == 0 ? "place.row" : "place.rowInSheet")).append(' ')
                    .append(issue.rowNumber());
            if (inCell) {
                place.append(", ").append(words.text("place.column")).append(' ').append(column);
            }
        }
        if (!issue.heading().isEmpty()) {
            return place.append(" \"").append(PlainText.visible(issue.heading())).append('"').toString();
        }
        String heading = fieldHeading(issue.field(), words);
        String missing = words.text(form ? "place.notOnForm" : "place.notInFile");
        return place.append(form ? "" : " ").append(heading).append(" (").append(missing).append(')').toString();
    }

    private static void line(Appendable out, String label, String value) throws IOException {
        out.append(String.format("%-10s %s%n", label + ":", value));
    }

    private void writeWorkbook(Path file, Receipt r) throws IOException {
        Wording words = words(r);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet rows = workbook.createSheet(words.text("workbook.rowDetail"));
            row(rows, 0, CSV_HEADER.stream().map(key -> words.text("column." + key)).toArray());
            Map<String, Integer> countByRule = new LinkedHashMap<>();
            Map<String, Set<String>> fieldsByRule = new LinkedHashMap<>();
            int[] next = {1};
            r.issues().forEach(issue -> {
                row(rows, next[0]++, issue.rowNumber(), PlainText.visible(issue.sheet()), issue.cell(),
                        PlainText.visible(issue.heading()), fieldHeading(issue.field(), words),
                        PlainText.visible(issue.value()), issue.ruleId(), severity(issue, words), issue.message());
                countByRule.merge(issue.ruleId(), 1, Integer::sum);
                fieldsByRule.computeIfAbsent(issue.ruleId(), k -> new LinkedHashSet<>())
                        .add(fieldHeading(issue.field(), words));
            });
            Sheet summary = workbook.createSheet(words.text("workbook.summary"));
            int line = 0;
            row(summary, line++, words.text("workbook.title", PlainText.visible(r.fileName())));
            row(summary, line++, words.text("workbook.fileStatus"), r.status().wording(words.language()));
            row(summary, line++, words.text("label.region"), regionName(r, words));
            row(summary, line++, words.text("label.layout"), r.mappingId() == null
                    ? words.text("workbook.notRecognised") : layoutName(r.mappingId()));
            Optional<String> lacks = lacking(r, words);
            if (lacks.isPresent()) {
                row(summary, line++, words.text("workbook.lacks"), lacks.get());
            }
            row(summary, line++, words.text("contact.questions"), contact(words));
            if (r.fileVerdict() != null) {
                row(summary, line++, words.text("workbook.reason"), r.status() == ReceiptStatus.REJECTED
                        ? refusalReason(r) : r.fileVerdict());
                if (r.status() == ReceiptStatus.REJECTED) {
                    row(summary, line++, words.text("workbook.rule"), refusedRule(r));
                    row(summary, line++, words.text("label.accepted"), words.text("workbook.refusedRows"));
                }
            } else {
                row(summary, line++, words.text("label.rowsRead"), r.rowsRead());
                row(summary, line++, words.text("label.accepted"), r.rowsAccepted());
                row(summary, line++, words.text("workbook.acceptedWithWarnings"), r.rowsFlagged());
                row(summary, line++, words.text("label.rejected"), r.rowsRejected());
            }
            for (String note : r.notes()) {
                row(summary, line++, words.text("workbook.notRead"), note);
            }
            for (String replaced : r.replaced()) {
                row(summary, line++, words.text("workbook.replaces"), replaced);
            }
            for (String withdrawn : r.withdrawn()) {
                row(summary, line++, words.text("workbook.withdrawn"), withdrawn);
            }
            if (!countByRule.isEmpty()) {
                line++;
                row(summary, line++, words.text("workbook.rule"), words.text("workbook.rows"),
                        words.text("workbook.description"), words.text("workbook.fields"));
                for (Map.Entry<String, Integer> rule : countByRule.entrySet()) {
                    row(summary, line++, rule.getKey(), rule.getValue(),
                            template.rule(rule.getKey()).message(words.language()),
                            String.join(", ", fieldsByRule.get(rule.getKey())));
                }
            }
            workbook.setSheetOrder(words.text("workbook.summary"), 0);
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
