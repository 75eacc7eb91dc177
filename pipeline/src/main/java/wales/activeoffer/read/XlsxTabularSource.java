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
    private static final int ROW_CACHE = 100;
    private static final int BUFFER_BYTES = 4096;
    private final Workbook workbook;
    private final List<SheetInfo> sheets;
    private final Iterator<SheetInfo> chosen;
    private SheetInfo current;
    private Iterator<Row> rows = Collections.emptyIterator();

    public XlsxTabularSource(Path file, Predicate<SheetInfo> include) {
        try {
            this.workbook = StreamingReader.builder().rowCacheSize(ROW_CACHE).bufferSize(BUFFER_BYTES)
                    .open(file.toFile());
        } catch (RuntimeException e) {
            throw new UnreadableFileException("AO-F03", "not a readable Excel workbook (" + e.getMessage() + ")", e);
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
            throw new UnreadableFileException("AO-F03", "the workbook could not be read (" + e.getMessage() + ")", e);
        }
    }

    static String text(Cell cell) {
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
