package wales.activeoffer.read;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Streams the chosen sheets of an XLSX workbook through POI's streaming (StAX) reader, keeping a small window of rows
 * in memory. Formulas give their cached values; date-formatted numbers become ISO dates.
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
    private static final int ROW_CACHE = 100;

    static {
        if (ZipSecureFile.getMaxFileCount() < MAX_PARTS) {
            ZipSecureFile.setMaxFileCount(MAX_PARTS);
        }
    }
    private static final int BUFFER_BYTES = 4096;
    private static final java.util.regex.Pattern EXTERNAL_REFERENCE = java.util.regex.Pattern.compile("\\[[^\\]]+\\]");
    private final Workbook workbook;
    private final List<SheetInfo> sheets;
    private final Iterator<SheetInfo> chosen;
    private SheetInfo current;
    private Iterator<Row> rows = Collections.emptyIterator();

    public XlsxTabularSource(Path file, Predicate<SheetInfo> include) {
        try {
            this.workbook = StreamingReader.builder().rowCacheSize(ROW_CACHE).bufferSize(BUFFER_BYTES)
                    .setReadSharedFormulas(true).open(file.toFile());
        } catch (RuntimeException e) {
            throw new UnreadableFileException("AO-F03", whyUnreadable(e), e);
        }
        List<SheetInfo> all = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            all.add(new SheetInfo(i, workbook.getSheetName(i), workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)));
        }
        this.sheets = List.copyOf(all);
        this.chosen = all.stream().filter(include).toList().iterator();
    }

    @Override
    public List<SheetInfo> sheets() {
        return sheets;
    }

    @Override
    public RawRow next() {
        try {
            while (!rows.hasNext()) {
                if (!chosen.hasNext()) {
                    return null;
                }
                current = chosen.next();
                rows = workbook.getSheetAt(current.index()).rowIterator();
            }
            Row row = rows.next();
            List<String> cells = new ArrayList<>();
            for (Cell cell : row) {
                while (cells.size() < cell.getColumnIndex()) {
                    cells.add("");
                }
                cells.add(text(cell));
            }
            return new RawRow(current.name(), row.getRowNum() + 1, cells);
        } catch (RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException("AO-F03", whyUnreadable(e), e);
        }
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

    static String text(Cell cell) {
        if (cell.getCellType() == CellType.FORMULA && EXTERNAL_REFERENCE.matcher(formulaOf(cell)).find()) {
            throw new UnreadableFileException("AO-F03", "cell " + cell.getAddress() + " holds a formula that points "
                    + "at another workbook; copy and paste the values, then send the file again");
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }

    /**
     * The formula's text, to spot links to other workbooks. Shared formulas (a formula filled down a column) are
     * expanded by the reader; a cell whose formula text cannot be had is read by its cached value like any other.
     */
    private static String formulaOf(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException noText) {
            return "";
        }
    }

    @Override
    public void skipSheet() {
        rows = Collections.emptyIterator();
    }

    @Override
    public String describe() {
        return "xlsx; sheets read: " + sheets.stream().filter(s -> !s.hidden()).count() + " visible of "
                + sheets.size();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
