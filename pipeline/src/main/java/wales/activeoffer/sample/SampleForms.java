package wales.activeoffer.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Manual recording sheets, as staff fill them in: labels with values beside or below them, tick boxes, one child per
 * sheet or several children in blocks down a sheet. Three styles, one of them in Welsh.
 */
enum SampleForms {
    /** NYAS Cymru recording sheet: one child per sheet, values to the right, tick boxes in their own cells. */
    NYAS_SHEET("nyas-recording-sheet-xlsx"),
    /** Monmouthshire's log: a sheet per quarter, one block per child starting "Child's ID number". */
    MONMOUTHSHIRE_BLOCKS("monmouthshire-ao-log-xlsx"),
    /** Ffurflen Cofnodi (Ynys Môn): Welsh labels, values below them, tick boxes. */
    WELSH_FORM("ffurflen-cofnodi-xlsx");

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    final String mappingId;

    SampleForms(String mappingId) {
        this.mappingId = mappingId;
    }

    /** Writes the offers; returns where each one starts ("sheet 'X' row N"), in the order given. */
    List<String> write(Path file, String authorityName, String period, List<SampleOffer> offers,
            SplittableRandom random) throws IOException {
        List<String> locations = new ArrayList<>();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties()
                    .setCreated(Optional.of(new Date(1_700_000_000_000L)));
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            switch (this) {
                case NYAS_SHEET -> {
                    Sheet help = workbook.createSheet("How to fill this in");
                    put(help, 0, 0, "Complete one sheet per child. Tick one box per question (☒).");
                    for (int i = 0; i < offers.size(); i++) {
                        Sheet sheet = workbook.createSheet("Child " + (i + 1));
                        nyasSheet(sheet, authorityName, offers.get(i), random, dateStyle);
                        locations.add("sheet 'Child " + (i + 1) + "' row 1");
                    }
                }
                case MONMOUTHSHIRE_BLOCKS -> {
                    Sheet[] quarters = new Sheet[4];
                    int[] nextRow = new int[4];
                    for (int q = 0; q < 4; q++) {
                        quarters[q] = workbook.createSheet("Q" + (q + 1));
                        put(quarters[q], 0, 0, "Monmouthshire Active Offer log - " + period + " Q" + (q + 1));
                        nextRow[q] = 2;
                    }
                    for (SampleOffer offer : offers) {
                        int q = ((offer.dateOffer().getMonthValue() + 8) % 12) / 3;
                        locations.add("sheet 'Q" + (q + 1) + "' row " + (nextRow[q] + 1));
                        nextRow[q] = monmouthshireBlock(quarters[q], nextRow[q], offer, random, dateStyle) + 1;
                    }
                }
                case WELSH_FORM -> {
                    for (int i = 0; i < offers.size(); i++) {
                        Sheet sheet = workbook.createSheet("Plentyn " + (i + 1));
                        welshSheet(sheet, authorityName, offers.get(i), random);
                        locations.add("sheet 'Plentyn " + (i + 1) + "' row 1");
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                workbook.write(out);
            }
        }
        return locations;
    }

    private static void nyasSheet(Sheet s, String authority, SampleOffer o, SplittableRandom random, CellStyle dates) {
        put(s, 0, 0, "NYAS Cymru - Active Offer recording sheet");
        put(s, 1, 0, "Local authority:");
        put(s, 1, 1, authority);
        put(s, 2, 0, "Child's ID number:");
        put(s, 2, 1, o.childId());
        put(s, 3, 0, "Date of birth:");
        date(s, 3, 1, o.dateOfBirth(), dates);
        put(s, 4, 0, "Eligibility:");
        ticks(s, 4, 1, o.route(), Map.of("looked_after", "Looked after", "child_protection", "Child protection",
                "care_and_support", "Care and support"), List.of("looked_after", "child_protection", "care_and_support"));
        put(s, 5, 0, "Date offer made:");
        date(s, 5, 1, o.dateOffer(), dates);
        put(s, 6, 0, "Child's response:");
        ticks(s, 6, 1, o.response(), Map.of("accepted_meeting", "Accepted a meeting", "declined", "Declined",
                "exempt_understanding", "Exempt", "no_response", "No response"),
                List.of("accepted_meeting", "declined", "exempt_understanding", "no_response"));
        put(s, 7, 0, "Date referred to NYAS:");
        date(s, 7, 1, o.dateReferral(), dates);
        put(s, 8, 0, "Date of first contact:");
        date(s, 8, 1, o.dateFirstContact(), dates);
        put(s, 9, 0, "Date of meeting:");
        date(s, 9, 1, o.dateMeeting(), dates);
        put(s, 10, 0, "Outcome of meeting:");
        put(s, 10, 1, SampleLayout.ENGLISH.getOrDefault(String.valueOf(o.outcome()), ""));
        put(s, 11, 0, "Reason (if declined):");
        put(s, 11, 1, SampleLayout.ENGLISH.getOrDefault(String.valueOf(o.reason()), ""));
        put(s, 12, 0, "Referred by:");
        put(s, 12, 1, SampleLayout.ENGLISH.getOrDefault(String.valueOf(o.source()), ""));
        put(s, 13, 0, "IRO confirmed at review:");
        if (o.iroConfirmed() != null) {
            put(s, 13, o.iroConfirmed() ? 1 : 3, "X");
        }
        put(s, 13, 2, "Yes");
        put(s, 13, 4, "No");
        put(s, 14, 0, "Gender:");
        put(s, 14, 1, SampleLayout.ENGLISH.getOrDefault(String.valueOf(o.gender()), ""));
        put(s, 14, 2, "Language:");
        put(s, 14, 3, SampleLayout.ENGLISH.getOrDefault(String.valueOf(o.language()), ""));
        put(s, 16, 0, "Advocate's notes:");
        put(s, 16, 1, random.nextBoolean() ? "Met at school; child wants to think about it." : "Carer present.");
    }

    private static int monmouthshireBlock(Sheet s, int row, SampleOffer o, SplittableRandom random, CellStyle dates) {
        String[][] lines = {
            {"Child's ID number", o.childId()},
            {"Route", SampleLayout.messy(Map.of("looked_after", "LAC", "child_protection", "CP",
                    "care_and_support", "C&S").get(o.route()), random)},
            {"Offer date", null},
            {"Response", o.response() == null ? "" : Map.of("accepted_meeting", "Accepted", "declined", "Declined",
                    "exempt_understanding", "Exempt", "no_response", "No response").get(o.response())},
            {"Referral date", null}, {"First contact", null}, {"Meeting date", null},
            {"Outcome", SampleLayout.ENGLISH.getOrDefault(String.valueOf(o.outcome()), "")},
            {"Reason", SampleLayout.ENGLISH.getOrDefault(String.valueOf(o.reason()), "")},
            {"Source", SampleLayout.ENGLISH.getOrDefault(String.valueOf(o.source()), "")},
            {"IRO confirmed", o.iroConfirmed() == null ? "" : o.iroConfirmed() ? "Y" : "N"},
            {"Gender", SampleLayout.ENGLISH.getOrDefault(String.valueOf(o.gender()), "")},
            {"Language", SampleLayout.ENGLISH.getOrDefault(String.valueOf(o.language()), "")}};
        Map<String, LocalDate> dateLines = Map.of("Offer date", o.dateOffer(), "Referral date",
                o.dateReferral() == null ? LocalDate.MIN : o.dateReferral(), "First contact",
                o.dateFirstContact() == null ? LocalDate.MIN : o.dateFirstContact(), "Meeting date",
                o.dateMeeting() == null ? LocalDate.MIN : o.dateMeeting());
        for (String[] line : lines) {
            put(s, row, 0, line[0]);
            if (line[1] != null) {
                put(s, row, 1, line[1]);
            } else if (!LocalDate.MIN.equals(dateLines.get(line[0]))) {
                date(s, row, 1, dateLines.get(line[0]), dates);
            }
            row++;
        }
        return row;
    }

    private static void welshSheet(Sheet s, String authority, SampleOffer o, SplittableRandom random) {
        put(s, 0, 0, "Ffurflen Cofnodi'r Cynnig Rhagweithiol");
        String[] heads = {"Awdurdod lleol", "Rhif adnabod y plentyn", "Dyddiad geni"};
        String[] values = {authority, o.childId(), text(o.dateOfBirth())};
        for (int c = 0; c < 3; c++) {
            put(s, 1, c, heads[c]);
            put(s, 2, c, values[c]);
        }
        put(s, 3, 0, "Llwybr cymhwysedd:");
        ticks(s, 3, 1, o.route(), Map.of("looked_after", "Derbyn gofal", "child_protection", "Amddiffyn plant",
                "care_and_support", "Gofal a chymorth"), List.of("looked_after", "child_protection", "care_and_support"));
        String[] dateHeads = {"Dyddiad y cynnig", "Dyddiad atgyfeirio", "Dyddiad y cyswllt cyntaf", "Dyddiad y cyfarfod"};
        LocalDate[] dates = {o.dateOffer(), o.dateReferral(), o.dateFirstContact(), o.dateMeeting()};
        for (int c = 0; c < 4; c++) {
            put(s, 4, c, dateHeads[c]);
            put(s, 5, c, text(dates[c]));
        }
        put(s, 6, 0, "Ymateb i'r cynnig:");
        ticks(s, 6, 1, o.response(), Map.of("accepted_meeting", "Derbyn cyfarfod", "declined", "Gwrthod",
                "exempt_understanding", "Wedi'i eithrio", "no_response", "Dim ymateb"),
                List.of("accepted_meeting", "declined", "exempt_understanding", "no_response"));
        String[] outcomeHeads = {"Canlyniad y cyfarfod", "Rheswm dros wrthod", "Ffynhonnell yr atgyfeiriad"};
        String[] outcomeValues = {SampleLayout.WELSH.getOrDefault(String.valueOf(o.outcome()), ""),
            SampleLayout.WELSH.getOrDefault(String.valueOf(o.reason()), ""),
            SampleLayout.WELSH.getOrDefault(String.valueOf(o.source()), "")};
        for (int c = 0; c < 3; c++) {
            put(s, 7, c, outcomeHeads[c]);
            put(s, 8, c, outcomeValues[c]);
        }
        put(s, 9, 0, "Cadarnhawyd gan y SAA:");
        put(s, 9, 1, (Boolean.TRUE.equals(o.iroConfirmed()) ? "☒" : "☐") + " Do");
        put(s, 9, 2, (Boolean.FALSE.equals(o.iroConfirmed()) ? "☒" : "☐") + " Naddo");
        put(s, 10, 0, "Rhywedd");
        put(s, 10, 1, "Iaith");
        put(s, 11, 0, SampleLayout.WELSH.getOrDefault(String.valueOf(o.gender()), ""));
        put(s, 11, 1, SampleLayout.WELSH.getOrDefault(String.valueOf(o.language()), ""));
        put(s, 13, 0, "Nodiadau:");
        put(s, 13, 1, random.nextBoolean() ? "Siaradwyd â'r gofalwr." : "");
    }

    private static String text(LocalDate date) {
        return date == null ? "" : UK.format(date);
    }

    private static void ticks(Sheet s, int row, int firstColumn, String chosen, Map<String, String> labels,
            List<String> order) {
        for (int i = 0; i < order.size(); i++) {
            String code = order.get(i);
            put(s, row, firstColumn + i, (code.equals(chosen) ? "☒ " : "☐ ") + labels.get(code));
        }
    }

    private static void put(Sheet sheet, int row, int column, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        cell(sheet, row, column).setCellValue(value);
    }

    private static void date(Sheet sheet, int row, int column, LocalDate value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = cell(sheet, row, column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static Cell cell(Sheet sheet, int rowIndex, int column) {
        Row row = sheet.getRow(rowIndex);
        if (row == null) {
            row = sheet.createRow(rowIndex);
        }
        Cell cell = row.getCell(column);
        return cell == null ? row.createCell(column) : cell;
    }
}
