package wales.activeoffer.read;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Streams the chosen sheets of an XLSX workbook: POI opens the package (its zip guards against bombs, oversized
 * entries and too many parts), its shared strings and its styles; each sheet's XML is then read as a stream of
 * events by a StAX reader from POI's {@link XMLHelper} (no DTD, no external entities; a sheet that declares a
 * document type is refused), keeping no more than one row in memory. Formulas give their cached values; numbers in
 * a date format become ISO dates; a formula that points at another workbook is refused.
 */
public final class XlsxTabularSource implements TabularSource {
    static final String DAMAGED = "not a readable Excel workbook: it may be damaged or incomplete. Open it in Excel, "
            + "save it again as .xlsx and send it once more";
    /**
     * How many parts a workbook may hold. POI's default (1,000) refuses a recording-form workbook with a sheet per child
     * once it has more than about 450 children; every other limit against hostile files (inflation ratio, entry size,
     * entity expansion) stays as POI sets it.
     */
    public static final int MAX_PARTS = 50_000;

    static {
        if (ZipSecureFile.getMaxFileCount() < MAX_PARTS) {
            ZipSecureFile.setMaxFileCount(MAX_PARTS);
        }
    }

    private static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final Pattern EXTERNAL_REFERENCE = Pattern.compile("\\[[^\\]]+\\]");
    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    /** A workbook closed by its last reader, kept open for the next reader of the same file (see {@link #park}). */
    private static Book parked;
    private final Book book;
    private final OPCPackage workbook;
    private final XSSFReader parts;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final List<SheetInfo> sheets;
    private final Map<Integer, String> relationOf;
    private final Iterator<SheetInfo> chosen;
    /**
     * The first {@value #REMEMBERED_STRINGS} shared strings as plain text, each taken from POI's table once (which
     * makes a rich-text object every time). A workbook lists its strings in the order they first appear, so the codes
     * and labels every row repeats come first; the rest, such as identifiers, are read as needed.
     */
    private static final int REMEMBERED_STRINGS = 65_536;
    /** Below this, a whole number's {@code double} prints as the same digits as its {@code long}. */
    private static final double WHOLE_NUMBERS_EXACT = 1e15;
    private final String[] sharedText;
    /** Whether each style shows a date, by style index, worked out once. */
    private final Map<Integer, Boolean> dateStyles;
    private SheetInfo current;
    private InputStream sheetStream;
    private XMLStreamReader sheet;
    private int lastRow;

    public XlsxTabularSource(Path file, Predicate<SheetInfo> include) {
        Book opened = take(file);
        this.book = opened == null ? new Book(file) : opened;
        this.workbook = book.workbook;
        this.parts = book.parts;
        this.strings = book.strings;
        this.sharedText = book.sharedText;
        this.styles = book.styles;
        this.date1904 = book.date1904;
        this.sheets = book.sheets;
        this.relationOf = book.relationOf;
        this.dateStyles = book.dateStyles;
        this.chosen = sheets.stream().filter(include).toList().iterator();
    }

    /**
     * An opened workbook: POI's package, shared strings and styles, and the workbook's list of sheets. Opening is the
     * costly part of a workbook with thousands of sheets (a recording form's, one sheet per child: POI reads every zip
     * entry and sorts the part names), so the workbook detection looked into is kept open for the ingest that follows.
     */
    private static final class Book {
        final Object key;
        final OPCPackage workbook;
        final XSSFReader parts;
        final ReadOnlySharedStringsTable strings;
        final String[] sharedText;
        final StylesTable styles;
        final boolean date1904;
        final List<SheetInfo> sheets;
        final Map<Integer, String> relationOf = new HashMap<>();
        final Map<Integer, Boolean> dateStyles = new HashMap<>();
        /** Whether a reader has it (a reader closed twice gives it back once). */
        boolean lent = true;

        Book(Path file) {
            OPCPackage opened = null;
            try {
                this.key = keyOf(file);
                opened = OPCPackage.open(file.toFile(), PackageAccess.READ);
                this.workbook = opened;
                this.parts = new XSSFReader(opened);
                this.strings = new ReadOnlySharedStringsTable(opened, false);
                this.sharedText = new String[Math.min(Math.max(strings.getUniqueCount(), 0), REMEMBERED_STRINGS)];
                this.styles = parts.getStylesTable();
                List<SheetInfo> all = new ArrayList<>();
                this.date1904 = readWorkbook(parts, all, relationOf);
                this.sheets = List.copyOf(all);
            } catch (UnreadableFileException e) {
                revert(opened);
                throw e;
            } catch (Exception e) {
                revert(opened);
                throw new UnreadableFileException("AO-F03", whyUnreadable(e), e);
            }
        }
    }

    /** The file, its size and its last change: a workbook kept open is used again only for the very same file. */
    private static Object keyOf(Path file) throws IOException {
        return List.of(file.toAbsolutePath().normalize().toString(), Files.size(file),
                Files.getLastModifiedTime(file).toMillis());
    }

    /** The workbook kept open for this file, taken out of the slot; or {@code null}. */
    private static synchronized Book take(Path file) {
        if (parked == null) {
            return null;
        }
        Object key;
        try {
            key = keyOf(file);
        } catch (IOException e) {
            return null;
        }
        if (!parked.key.equals(key)) {
            return null;
        }
        Book book = parked;
        parked = null;
        book.lent = true;
        return book;
    }

    /** Keeps a closed reader's workbook open for the next reader, closing the one kept before it. */
    private static synchronized void park(Book book) {
        if (!book.lent) {
            return;
        }
        book.lent = false;
        if (parked != null) {
            revert(parked.workbook);
        }
        parked = book;
    }

    /** Closes the workbook kept open, if any: called when a file's handling is over. */
    public static synchronized void closeParked() {
        if (parked != null) {
            revert(parked.workbook);
            parked = null;
        }
    }

    private static void revert(OPCPackage opened) {
        if (opened != null) {
            opened.revert();
        }
    }

    /** The sheets, in workbook order, with their relationship ids; whether dates count from 1904. */
    private static boolean readWorkbook(XSSFReader parts, List<SheetInfo> all, Map<Integer, String> relationOf)
            throws IOException, XMLStreamException, InvalidFormatException {
        boolean use1904 = false;
        try (InputStream in = parts.getWorkbookData()) {
            XMLStreamReader xml = open(in);
            try {
                while (xml.hasNext()) {
                    if (next(xml) != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (xml.getLocalName().equals("workbookPr")) {
                        String value = xml.getAttributeValue(null, "date1904");
                        use1904 = "1".equals(value) || "true".equals(value);
                    } else if (xml.getLocalName().equals("sheet")) {
                        String state = xml.getAttributeValue(null, "state");
                        relationOf.put(all.size(), xml.getAttributeValue(RELATIONSHIPS_NS, "id"));
                        all.add(new SheetInfo(all.size(), xml.getAttributeValue(null, "name"),
                                "hidden".equals(state) || "veryHidden".equals(state)));
                    }
                }
            } finally {
                xml.close();
            }
        }
        return use1904;
    }

    private static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return XML.createXMLStreamReader(in);
    }

    /** The next event; a document type declaration, which a workbook never needs, is refused. */
    private static int next(XMLStreamReader xml) throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException("the XML declares a DOCTYPE or uses an entity");
        }
        return event;
    }

    @Override
    public List<SheetInfo> sheets() {
        return sheets;
    }

    @Override
    public RawRow next() {
        try {
            while (true) {
                if (sheet == null) {
                    if (!chosen.hasNext()) {
                        return null;
                    }
                    current = chosen.next();
                    String relation = relationOf.get(current.index());
                    if (relation == null) {
                        continue;
                    }
                    sheetStream = parts.getSheet(relation);
                    sheet = open(sheetStream);
                    lastRow = 0;
                }
                RawRow row = nextRow();
                if (row != null) {
                    return row;
                }
                closeSheet();
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableFileException("AO-F03", whyUnreadable(e), e);
        }
    }

    /** The next {@code <row>} of the open sheet, or {@code null} at its end. */
    private RawRow nextRow() throws XMLStreamException {
        while (sheet.hasNext()) {
            int event = next(sheet);
            if (event == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("row")) {
                String number = sheet.getAttributeValue(null, "r");
                lastRow = number == null ? lastRow + 1 : Integer.parseInt(number);
                return new RawRow(current.name(), lastRow, cells());
            }
        }
        return null;
    }

    /** The cells of the row whose start the reader is at, up to its end. */
    private List<String> cells() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (sheet.hasNext()) {
            int event = next(sheet);
            if (event == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("row")) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("c")) {
                String reference = sheet.getAttributeValue(null, "r");
                int column = reference == null ? cells.size() : column(reference);
                String text = cell(reference == null ? CellReference.convertNumToColString(column) + lastRow
                        : reference);
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add(text);
            }
        }
        return cells;
    }

    private static int column(String reference) {
        int letters = 0;
        while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
            letters++;
        }
        return CellReference.convertColStringToIndex(reference.substring(0, letters));
    }

    /** The text of the {@code <c>} element the reader is at, read up to its end. */
    private String cell(String address) throws XMLStreamException {
        String type = sheet.getAttributeValue(null, "t");
        String style = sheet.getAttributeValue(null, "s");
        String value = null;
        StringBuilder inline = null;
        int phonetic = 0;
        while (sheet.hasNext()) {
            int event = next(sheet);
            if (event == XMLStreamConstants.END_ELEMENT) {
                String name = sheet.getLocalName();
                if (name.equals("c")) {
                    break;
                }
                if (name.equals("rPh")) {
                    phonetic--;
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (sheet.getLocalName()) {
                    case "v" -> value = sheet.getElementText();
                    case "f" -> {
                        String formula = sheet.getElementText();
                        if (EXTERNAL_REFERENCE.matcher(formula).find()) {
                            throw new UnreadableFileException("AO-F03", "cell " + address + " holds a formula that "
                                    + "points at another workbook; copy and paste the values, then send the file again");
                        }
                    }
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        String text = sheet.getElementText();
                        if (phonetic == 0) {
                            inline = inline == null ? new StringBuilder() : inline;
                            inline.append(text);
                        }
                    }
                    default -> {
                        // other parts of a cell (extensions) carry no value
                    }
                }
            }
        }
        return text(type, style, value, inline);
    }

    private String text(String type, String style, String value, StringBuilder inline) {
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString();
        }
        if (value == null) {
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> shared(Integer.parseInt(value.trim()));
            case "str" -> value;
            case "b" -> "1".equals(value.trim()) || "true".equalsIgnoreCase(value.trim()) ? "TRUE" : "FALSE";
            case "e" -> "";
            case "d" -> value.length() >= 10 ? value.substring(0, 10) : value;
            default -> number(Double.parseDouble(value), style == null ? 0 : Integer.parseInt(style));
        };
    }

    private String shared(int index) {
        if (index < 0 || index >= sharedText.length) {
            return strings.getItemAt(index).getString();
        }
        String text = sharedText[index];
        if (text == null) {
            text = strings.getItemAt(index).getString();
            sharedText[index] = text;
        }
        return text;
    }

    private String number(double number, int style) {
        if (isDateStyle(style) && DateUtil.isValidExcelDate(number)) {
            return DateUtil.getLocalDateTime(number, date1904).toLocalDate().toString();
        }
        if (number == Math.rint(number) && Math.abs(number) < WHOLE_NUMBERS_EXACT) {
            return Long.toString((long) number);
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private boolean isDateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            if (styles == null || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle style = styles.getStyleAt(i);
            return style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        });
    }

    /** A plain reason for POI's refusals, which are the guards against hostile workbooks. */
    static String whyUnreadable(Throwable e) {
        String all = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            all += " " + t.getMessage();
        }
        if (all.contains("Zip bomb")) {
            return "the workbook expands to far more than its size (a possible zip bomb), so it was not opened";
        }
        if (all.contains("DOCTYPE") || all.contains("DTD") || all.contains("entity")) {
            return "the workbook's XML declares a document type or entities, which workbooks never need, so it was "
                    + "not read";
        }
        return DAMAGED;
    }

    @Override
    public void skipSheet() {
        try {
            closeSheet();
        } catch (XMLStreamException | IOException e) {
            throw new UnreadableFileException("AO-F03", whyUnreadable(e), e);
        }
    }

    private void closeSheet() throws XMLStreamException, IOException {
        if (sheet != null) {
            sheet.close();
            sheet = null;
        }
        if (sheetStream != null) {
            sheetStream.close();
            sheetStream = null;
        }
    }

    @Override
    public String describe() {
        return "xlsx; sheets read: " + sheets.stream().filter(s -> !s.hidden()).count() + " visible of "
                + sheets.size();
    }

    @Override
    public void close() throws IOException {
        try {
            closeSheet();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            park(book);
        }
    }
}
