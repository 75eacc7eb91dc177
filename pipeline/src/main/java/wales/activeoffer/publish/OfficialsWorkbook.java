package wales.activeoffer.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFTable;
import wales.activeoffer.aggregate.PublishedAggregate;
import wales.activeoffer.receipt.SpreadsheetSafe;

/**
 * The workbook officials receive, laid out as the GSS guidance "Releasing statistics in spreadsheets" asks: a cover
 * sheet, a table of contents and notes first; then one table per sheet, its title in A1, a line saying what the sheet
 * holds, and the table straight below, marked up as an Excel table; no merged cells; headings in English and Welsh.
 * The figures are exactly those of {@code aggregates.csv}, suppressed cells included.
 */
final class OfficialsWorkbook {
    static final String FILE_NAME = "active-offer-official-statistics.xlsx";
    private static final int ROW_WINDOW = 200;

    /** One table: its sheet, its English and Welsh titles, and which published rows it holds. */
    private record Table(String sheet, String titleEn, String titleCy, String measure) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("Table_1", "Take-up of the Active Offer: offers, meetings and advocacy taken up",
                    "Manteisio ar y Cynnig Rhagweithiol: cynigion, cyfarfodydd ac eiriolaeth", "take_up"),
            new Table("Table_2", "Reasons for not accepting, by stage",
                    "Rhesymau dros beidio â derbyn, fesul cam", "refusal_reasons"),
            new Table("Table_3", "Response times in working days", "Amserau ymateb mewn diwrnodau gwaith",
                    "response_time"),
            new Table("Table_4", "Sources of referrals", "Ffynonellau atgyfeiriadau", "referral_sources"));

    private static final List<String> HEADINGS = List.of("Measure / Mesur", "Statistic / Ystadegyn",
            "Geography level / Lefel daearyddiaeth", "Geography code / Cod daearyddiaeth",
            "Geography name / Enw daearyddiaeth", "Period type / Math o gyfnod", "Period / Cyfnod",
            "Eligibility route / Llwybr cymhwysedd", "Stage / Cam", "Category / Categori", "Value / Gwerth");

    private OfficialsWorkbook() {
    }

    static void write(Path file, String release, List<PublishedAggregate> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            cover(workbook.createSheet("Cover_sheet"), release);
            contents(workbook.createSheet("Table_of_contents"));
            notes(workbook.createSheet("Notes"));
            for (Table table : TABLES) {
                List<PublishedAggregate> tableRows = rows.stream()
                        .filter(r -> r.row().measure().equals(table.measure())).toList();
                table(workbook, table, tableRows);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void cover(Sheet sheet, String release) {
        lines(sheet, List.of(
                "The Active Offer of independent professional advocacy: national dataset / Y Cynnig Rhagweithiol o "
                        + "eiriolaeth broffesiynol annibynnol: set ddata genedlaethol",
                "Release / Rhyddhad: " + release,
                "Take-up, reasons for not accepting, response times and referral sources for Wales, its six "
                        + "advocacy regions and 22 local authorities, by financial year and quarter. / Manteisio, "
                        + "rhesymau dros beidio â derbyn, amserau ymateb a ffynonellau atgyfeirio i Gymru, ei chwe "
                        + "rhanbarth eiriolaeth a'i 22 awdurdod lleol, fesul blwyddyn ariannol a chwarter.",
                "Source: returns from local authorities and advocacy providers, normalised to the national Active "
                        + "Offer Recording Template. / Ffynhonnell: ffurflenni gan awdurdodau lleol a darparwyr "
                        + "eiriolaeth.",
                "Definitions of every measure are in the Notes sheet. / Mae diffiniadau ar y daflen Nodiadau."));
    }

    private static void contents(Sheet sheet) {
        lines(sheet, List.of("Table of contents / Tabl cynnwys",
                "This worksheet contains one table. / Mae'r daflen waith hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Sheet name / Enw'r daflen", "Table title (English)", "Teitl y tabl (Cymraeg)"));
        rows.add(List.of("Notes", "Notes, definitions and symbols", "Nodiadau, diffiniadau a symbolau"));
        TABLES.forEach(t -> rows.add(List.of(t.sheet(), t.titleEn(), t.titleCy())));
        grid(sheet, 2, rows);
        markAsTable(sheet, 2, rows.size(), 3, "contents");
    }

    private static void notes(Sheet sheet) {
        lines(sheet, List.of("Notes / Nodiadau",
                "This worksheet contains one table. / Mae'r daflen waith hon yn cynnwys un tabl."));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Note / Nodyn", "Note text (English)", "Testun y nodyn (Cymraeg)"));
        rows.add(List.of("[c]", "Confidential: a count from 1 to 4, or a figure built on one, is not shown so that no "
                + "child can be identified.", "Cyfrinachol: ni ddangosir cyfrif o 1 i 4, na ffigur a seiliwyd arno."));
        rows.add(List.of("[z]", "Not applicable: a rate over zero.", "Amherthnasol: cyfradd dros sero."));
        rows.add(List.of("[x]", "Not available.", "Ddim ar gael."));
        rows.add(List.of("Take-up", "Offers, meetings accepted, meetings held (took up, declined or time to think at the "
                + "meeting), advocacy taken up; take-up rate = taken up / meetings held; conversion = taken up / offers.",
                "Cynigion, cyfarfodydd a dderbyniwyd, cyfarfodydd a gynhaliwyd, eiriolaeth a dderbyniwyd."));
        rows.add(List.of("Response time", "Working days (England and Wales) after the referral up to and including the "
                + "meeting or first contact; median, 90th percentile (nearest rank), share within the target.",
                "Diwrnodau gwaith ar ôl yr atgyfeiriad hyd at y cyfarfod neu'r cyswllt cyntaf."));
        rows.add(List.of("Period", "Financial years run from 1 April to 31 March; Q1 is April to June. Offers are counted "
                + "in the period of the offer date.", "Mae blynyddoedd ariannol yn rhedeg o 1 Ebrill i 31 Mawrth."));
        grid(sheet, 2, rows);
        markAsTable(sheet, 2, rows.size(), 3, "notes");
    }

    private static void table(SXSSFWorkbook workbook, Table table, List<PublishedAggregate> rows) {
        Sheet sheet = workbook.createSheet(table.sheet());
        lines(sheet, List.of(table.titleEn() + " / " + table.titleCy(),
                "This worksheet contains one table. Some cells refer to notes: see the Notes sheet. / Mae'r daflen "
                        + "waith hon yn cynnwys un tabl."));
        Row head = sheet.createRow(2);
        for (int c = 0; c < HEADINGS.size(); c++) {
            head.createCell(c).setCellValue(HEADINGS.get(c));
        }
        int index = 3;
        for (PublishedAggregate published : rows) {
            Row row = sheet.createRow(index++);
            var r = published.row();
            Object[] cells = {r.measure(), r.statistic(), r.cell().geographyLevel(), r.cell().geographyCode(),
                r.geographyName(), r.cell().periodType(), r.cell().period(), r.cell().route(), r.stage(), r.category()};
            for (int c = 0; c < cells.length; c++) {
                row.createCell(c).setCellValue(cells[c] == null ? "" : SpreadsheetSafe.cell(cells[c].toString()));
            }
            if (published.symbol() != null) {
                row.createCell(cells.length).setCellValue(published.symbol());
            } else {
                row.createCell(cells.length).setCellValue(Double.parseDouble(published.display()));
            }
        }
        markAsTable(sheet, 2, rows.size() + 1, HEADINGS.size(), table.sheet().toLowerCase(java.util.Locale.ROOT));
    }

    private static void lines(Sheet sheet, List<String> text) {
        for (int i = 0; i < text.size(); i++) {
            sheet.createRow(i).createCell(0).setCellValue(text.get(i));
        }
    }

    private static void grid(Sheet sheet, int firstRow, List<List<Object>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(firstRow + r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                row.createCell(c).setCellValue(rows.get(r).get(c).toString());
            }
        }
    }

    /** Marks the block as an Excel table (on the streaming sheet's underlying sheet, as POI requires). */
    private static void markAsTable(Sheet sheet, int headerRow, int rowCount, int columns, String name) {
        var underlying = ((org.apache.poi.xssf.streaming.SXSSFSheet) sheet).getWorkbook().getXSSFWorkbook()
                .getSheet(sheet.getSheetName());
        AreaReference area = new AreaReference(new CellReference(headerRow, 0),
                new CellReference(headerRow + Math.max(1, rowCount - 1), columns - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = underlying.createTable(area);
        table.setName(name);
        table.setDisplayName(name);
    }
}
