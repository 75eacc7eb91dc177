package wales.activeoffer.read;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Streams the first visible sheet of an XLSX workbook through POI's streaming (StAX) reader, keeping a small window
 * of rows in memory. Formulas give their cached values; date-formatted numbers become ISO dates.
 */
public final class XlsxTabularSource implements TabularSource {
    private static final int ROW_CACHE = 100;
    private static final int BUFFER_BYTES = 4096;
    private final Workbook workbook;
    private final String sheetName;
    private final Iterator<Row> rows;

    public XlsxTabularSource(Path file) {
        try {
            this.workbook = StreamingReader.builder().rowCacheSize(ROW_CACHE).bufferSize(BUFFER_BYTES)
                    .open(file.toFile());
        } catch (RuntimeException e) {
            throw new UnreadableFileException("AO-F03", "not a readable Excel workbook: " + e.getMessage(), e);
        }
        Sheet sheet = firstVisibleSheet();
        this.sheetName = sheet.getSheetName();
        this.rows = sheet.rowIterator();
    }

    private Sheet firstVisibleSheet() {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                return workbook.getSheetAt(i);
            }
        }
        throw new UnreadableFileException("AO-F03", "the workbook has no visible sheet");
    }

    @Override
    public RawRow next() {
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        List<String> cells = new ArrayList<>();
        for (Cell cell : row) {
            while (cells.size() < cell.getColumnIndex()) {
                cells.add("");
            }
            cells.add(text(cell));
        }
        return new RawRow(sheetName, row.getRowNum() + 1, cells);
    }

    private static String text(Cell cell) {
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
        return "xlsx; sheet " + sheetName;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
