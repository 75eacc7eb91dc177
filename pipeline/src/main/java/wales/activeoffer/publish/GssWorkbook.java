package wales.activeoffer.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.text.WordUtils;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFTable;
import wales.activeoffer.aggregate.PublishedAggregate;

/**
 * Writes a statistics workbook as the GSS guidance "Releasing statistics in spreadsheets" asks, from values, after
 * the Analysis Function's gptables: each table is one value ({@link GssTable}: its sheet, titles, what it holds, its
 * rows), the formats are one theme ({@link Styles}), and this one writer adds the cover, the table of contents (built
 * from the tables, each entry a link) and the notes, then the tables in order. Every table sheet has its English title
 * in A1, its Welsh title below, then what it holds in each language, each in lines short enough to print whole on the
 * sheet's first page (see {@link #linesAbove}), and the table straight below, marked up as an Excel table whose column
 * names are its headings, the heading row frozen; no merged cells; every sheet prints landscape at full size.
 */
final class GssWorkbook {
    static final int ROW_WINDOW = 200;
    static final String COVER_SHEET = "Cover_sheet";
    static final String CONTENTS_SHEET = "Table_of_contents";
    private static final int MIN_WIDTH_CHARS = 12;
    private static final int MAX_WIDTH_CHARS = 80;
    /** The width a heading wraps to, in characters, unless the column's entries need more. */
    private static final int HEADING_CHARS = 18;
    private static final int COVER_WIDTH_CHARS = 95;
    /** The spreadsheet header and footer fields for the sheet's name, and "page / pages". */
    private static final String SHEET_NAME_FIELD = "&A";
    private static final String PAGE_OF_PAGES_FIELDS = "&P / &N";
    /** The height of one line of the default font (Calibri 11), in points. */
    private static final float LINE_POINTS = 15f;
    /**
     * How many column width units a landscape A4 page holds between its margins, a little under what LibreOffice
     * prints (a unit is the default font's widest digit).
     */
    private static final int PAGE_WIDTH_UNITS = 104;
    /** How many characters of running text a column width unit holds at the least, as LibreOffice prints them. */
    private static final double TEXT_CHARS_PER_UNIT = 1.2;
    /** Where the line saying what a table holds parts into its two languages (the last such mark in it). */
    private static final String LANGUAGES = " / ";

    /**
     * A workbook's parts, in the order a reader meets them.
     *
     * @param documentTitle the file's title property
     * @param cover         the cover sheet's lines
     * @param notes         the notes table, which the contents lists first
     * @param tables        every other table, in order
     */
    record Content(String documentTitle, List<String> cover, GssTable notes, List<GssTable> tables) {
    }

    private GssWorkbook() {
    }

    /** Writes the workbook, refusing to overwrite a file already there. */
    static void write(Path file, Content content) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setTitle(content.documentTitle());
            properties.setCreator("All-Wales Active Offer dataset");
            properties.getUnderlyingProperties().setLanguageProperty("en-GB");
            Styles styles = Styles.of(workbook);
            cover(workbook.createSheet(COVER_SHEET), content.cover(), styles);
            GssTable contentsTable = contents(content);
            int headingRow = table(workbook, contentsTable, styles);
            Sheet contents = workbook.getSheet(contentsTable.sheet());
            var helper = workbook.getCreationHelper();
            for (int r = headingRow + 1; r <= contents.getLastRowNum(); r++) {
                var link = helper.createHyperlink(HyperlinkType.DOCUMENT);
                link.setAddress("'" + contents.getRow(r).getCell(0).getStringCellValue() + "'!A1");
                contents.getRow(r).getCell(0).setHyperlink(link);
            }
            table(workbook, content.notes(), styles);
            content.tables().forEach(table -> table(workbook, table, styles));
            workbook.forEach(GssWorkbook::printLayout);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The table of contents: the notes, then every table, by sheet name and title in both languages. */
    private static GssTable contents(Content content) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Sheet name / Enw'r daflen", "Table title (English)", "Teitl y tabl (Cymraeg)"));
        rows.add(List.of(content.notes().sheet(), content.notes().titleEn(), content.notes().titleCy()));
        content.tables().forEach(t -> rows.add(List.of(t.sheet(), t.titleEn(), t.titleCy())));
        return new GssTable(CONTENTS_SHEET, "Table of contents", "Tabl cynnwys",
                "This worksheet contains one table. / Mae'r daflen waith hon yn cynnwys un tabl.", "contents", rows, 1);
    }

    /**
     * A table's sheet: titles, what it holds, the table, and the columns a page running on across repeats.
     *
     * @return the row of the table's headings
     */
    private static int table(SXSSFWorkbook workbook, GssTable table, Styles styles) {
        Sheet sheet = workbook.createSheet(table.sheet());
        int[] widths = widths(table.rows(), table.repeatedColumns());
        List<String> above = linesAbove(table, widths);
        lines(sheet, above);
        int headingRow = above.size();
        grid(sheet, headingRow, table.rows(), styles, widths);
        markAsTable(sheet, headingRow, table.rows().size(), table.rows().get(0), table.name(), widths);
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, table.repeatedColumns() - 1));
        return headingRow;
    }

    /**
     * The lines above a table: its English title, its Welsh title, then what it holds in each language, each broken
     * at words into lines no wider than the columns printed on the sheet's first page. A line that ran on would be cut
     * at that page's edge, as a cell's text is where it spills over the page break.
     */
    static List<String> linesAbove(GssTable table, int[] widths) {
        int firstPageUnits = widths.length == 0 ? PAGE_WIDTH_UNITS : widths[0];
        for (int c = 1; c < widths.length && firstPageUnits + widths[c] <= PAGE_WIDTH_UNITS; c++) {
            firstPageUnits += widths[c];
        }
        int perLine = (int) (firstPageUnits * TEXT_CHARS_PER_UNIT);
        List<String> parts = new ArrayList<>(List.of(table.titleEn(), table.titleCy()));
        int welsh = table.holds().lastIndexOf(LANGUAGES);
        if (welsh < 0) {
            parts.add(table.holds());
        } else {
            parts.add(table.holds().substring(0, welsh));
            parts.add(table.holds().substring(welsh + LANGUAGES.length()));
        }
        List<String> lines = new ArrayList<>();
        parts.forEach(part -> lines.addAll(brokenAtWords(part.strip(), perLine)));
        return lines;
    }

    /** The cover: a line per row, wrapped in one wide column, each row tall enough for its text. */
    private static void cover(Sheet sheet, List<String> text, Styles styles) {
        sheet.setColumnWidth(0, COVER_WIDTH_CHARS * 256);
        lines(sheet, text);
        sheet.forEach(row -> row.forEach(cell -> {
            cell.setCellStyle(styles.wrapped());
            int lines = 1 + cell.getStringCellValue().length() / (COVER_WIDTH_CHARS - 20);
            row.setHeightInPoints(lines * sheet.getDefaultRowHeightInPoints() * 1.1f);
        }));
    }

    /** The styles a sheet's cells need: percentages with one decimal or none, and wrapped text. */
    record Styles(CellStyle percent, CellStyle wholePercent, CellStyle wrapped) {
        static Styles of(Workbook workbook) {
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            CellStyle wholePercent = workbook.createCellStyle();
            wholePercent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            return new Styles(percent, wholePercent, wrapped);
        }
    }

    /** A share worked out from published counts, shown as a percentage with one decimal. */
    record Percentage(double value) {
    }

    /** A percentage already rounded to a whole number, shown as one (87%). */
    record WholePercentage(int percent) {
    }

    private static void lines(Sheet sheet, List<String> text) {
        for (int i = 0; i < text.size(); i++) {
            sheet.createRow(i).createCell(0).setCellValue(text.get(i));
        }
    }

    /**
     * Writes the rows from {@code firstRow} down, the first being the headings: numbers as numbers, a published figure
     * as its number (a rate or share as a percentage with one decimal) or its symbol, and text wrapped where it is
     * longer than a column can be wide. A column is as wide as its longest entry below the heading, within the
     * bounds a reader can scan, and its heading wraps within that rather than widen it (a bilingual heading with its
     * unit is long, and a printed page should hold several figures across); each row is tall enough for its
     * wrapped text.
     *
     * @param widths each column's width in characters, from {@link #widths}: a streaming sheet keeps only its last
     *               rows, so each row is written whole, once, after the widths are known
     */
    static void grid(Sheet sheet, int firstRow, List<List<Object>> rows, Styles styles, int[] widths) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(firstRow + r);
            int lines = 1;
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                var cell = row.createCell(c);
                if (value instanceof PublishedAggregate figure && figure.symbol() == null) {
                    cell.setCellValue(Double.parseDouble(figure.display()));
                    if (isRate(figure.row().statistic())) {
                        cell.setCellStyle(styles.percent());
                    }
                } else if (value instanceof PublishedAggregate figure) {
                    cell.setCellValue(figure.symbol());
                } else if (value instanceof Percentage share) {
                    cell.setCellValue(BigDecimal.valueOf(share.value()).setScale(3, RoundingMode.HALF_UP).doubleValue());
                    cell.setCellStyle(styles.percent());
                } else if (value instanceof WholePercentage whole) {
                    cell.setCellValue(whole.percent() / 100.0);
                    cell.setCellStyle(styles.wholePercent());
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    String text = value.toString();
                    cell.setCellValue(text);
                    if (text.length() > widths[c] || r == 0) {
                        cell.setCellStyle(styles.wrapped());
                        lines = Math.max(lines, wrappedLines(text, widths[c]));
                    }
                }
            }
            if (lines > 2 || (r > 0 && lines > 1)) {
                row.setHeightInPoints(lines * LINE_POINTS + 2);
            }
        }
    }

    /**
     * Each column's width in characters: its longest entry or its heading wrapped, within the bounds of a column; and
     * then, for each other column in turn, if it would not fit on a page beside the columns every printed page
     * repeats, the widest of those and it narrowed by one, again and again, until it does (their text wraps instead),
     * none narrower than a heading wraps to. LibreOffice prints a column that does not fit beside the repeated ones
     * cut at the page's edge, figures and all.
     */
    static int[] widths(List<List<Object>> rows, int repeatedColumns) {
        int[] longest = new int[rows.stream().mapToInt(List::size).max().orElse(0)];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                int length = shown(rows.get(r).get(c)).length();
                longest[c] = Math.max(longest[c], r == 0 ? Math.min(length, HEADING_CHARS) : length);
            }
        }
        int[] widths = new int[longest.length];
        for (int c = 0; c < longest.length; c++) {
            widths[c] = columnChars(longest[c]);
        }
        int repeated = Math.min(repeatedColumns, widths.length - 1);
        for (int other = repeated; repeated > 0 && other < widths.length; other++) {
            int beside = other;
            while (IntStream.range(0, repeated).map(c -> widths[c]).sum() + widths[beside] > PAGE_WIDTH_UNITS) {
                int widest = IntStream.concat(IntStream.range(0, repeated), IntStream.of(beside))
                        .reduce((a, b) -> widths[b] > widths[a] ? b : a).orElseThrow();
                if (widths[widest] <= HEADING_CHARS + 2) {
                    break;
                }
                widths[widest]--;
            }
        }
        return widths;
    }

    /** How a value reads in its cell, as long as it is shown: a rate at its widest, 100.0%. */
    private static String shown(Object value) {
        if (value instanceof PublishedAggregate figure) {
            return figure.symbol() != null ? figure.symbol() : isRate(figure.row().statistic()) ? "100.0%"
                    : figure.display();
        }
        if (value instanceof Percentage) {
            return "100.0%";
        }
        if (value instanceof WholePercentage) {
            return "100%";
        }
        return value.toString();
    }

    /** A column's width in characters: its longest entry, within the bounds a reader can scan. */
    private static int columnChars(int longest) {
        return Math.min(MAX_WIDTH_CHARS, Math.max(MIN_WIDTH_CHARS, longest + 2));
    }

    /**
     * How many lines a text wraps to in a column of the given width, word by word, counting a character of the
     * proportional font as most of a width unit (a width unit is the font's widest digit) and leaving a line to spare
     * for the renderer's own rounding: a row kept at its default height would draw the wrapped lines over the next
     * row when printed.
     */
    static int wrappedLines(String text, int columnChars) {
        return brokenAtWords(text, (int) (columnChars * 1.05)).size() + 1;
    }

    /** The text broken at spaces into lines of at most {@code perLine} characters (a longer word keeps a line). */
    private static List<String> brokenAtWords(String text, int perLine) {
        return List.of(WordUtils.wrap(text, perLine, "\n", false).split("\n"));
    }

    /** A rate or share, shown as a percentage with one decimal. */
    static boolean isRate(String statistic) {
        return statistic.endsWith("_rate") || statistic.startsWith("share");
    }

    /**
     * Marks the block as an Excel table (on the streaming sheet's underlying sheet, as POI requires), with the
     * heading cells as its column names (what screen readers read), the heading row frozen, and each column as wide as
     * {@link #grid} worked out.
     */
    private static void markAsTable(Sheet sheet, int headerRow, int rowCount, List<?> headings, String name,
            int[] widths) {
        int columns = headings.size();
        var underlying = ((SXSSFSheet) sheet).getWorkbook().getXSSFWorkbook().getSheet(sheet.getSheetName());
        AreaReference area = new AreaReference(new CellReference(headerRow, 0),
                new CellReference(headerRow + Math.max(1, rowCount - 1), columns - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = underlying.createTable(area);
        table.setName(name);
        table.setDisplayName(name);
        for (int c = 0; c < columns; c++) {
            String heading = headings.get(c).toString();
            table.getCTTable().getTableColumns().getTableColumnArray(c).setName(heading);
            sheet.setColumnWidth(c, (c < widths.length ? widths[c] : MIN_WIDTH_CHARS) * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
    }

    /**
     * Printed (or saved as PDF), every sheet is landscape A4 at full size: a wide table runs on to further pages
     * (down, then across), each with the table's heading row and first column repeated, and never shrunk to fit.
     * Each page is headed with the sheet's name and numbered at its foot.
     */
    private static void printLayout(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setScale((short) 100);
        sheet.setFitToPage(false);
        sheet.getHeader().setCenter(SHEET_NAME_FIELD);
        sheet.getFooter().setCenter(PAGE_OF_PAGES_FIELDS);
    }
}
