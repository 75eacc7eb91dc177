package wales.activeoffer.read;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FilePassRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MulRKRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.hssf.record.SupBookRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Streams a legacy XLS (BIFF8) workbook record by record with POI's HSSF event API
 * ({@link RecordFactoryInputStream}), pulling one row at a time, so the workbook is never built in memory. Dates are
 * recognised from each cell's number format; formulas give their cached values.
 */
public final class XlsTabularSource implements TabularSource {
    private static final Set<String> WORKBOOK_STREAMS = Set.of("Workbook", "WORKBOOK", "Book");
    private final POIFSFileSystem fileSystem;
    private final InputStream stream;
    private final RecordFactoryInputStream records;
    private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(record -> { });
    private final Predicate<SheetInfo> include;
    private final List<SheetInfo> sheets = new ArrayList<>();
    private SSTRecord sharedStrings;
    private int sheetIndex = -1;
    private boolean inChosenSheet;
    private boolean pendingStringFormula;
    private int pendingStringColumn;
    private int currentRow = -1;
    private final TreeMap<Integer, String> currentCells = new TreeMap<>();
    private RawRow bufferedRow;

    public XlsTabularSource(Path file, Predicate<SheetInfo> include) {
        this.include = include;
        try {
            this.fileSystem = new POIFSFileSystem(file.toFile(), true);
            String name = fileSystem.getRoot().getEntryNames().stream().filter(WORKBOOK_STREAMS::contains).findFirst()
                    .orElseThrow(() -> new UnreadableFileException("AO-F03", "the file has no Excel workbook inside"));
            this.stream = fileSystem.createDocumentInputStream(name);
            this.records = new RecordFactoryInputStream(stream, false);
            readWorkbookGlobals();
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            if (e instanceof EncryptedDocumentException) {
                throw new UnreadableFileException("AO-F03", FileSafety.PASSWORD_PROTECTED, e);
            }
            throw new UnreadableFileException("AO-F03", "not a readable Excel 97-2003 workbook: it may be damaged or "
                    + "incomplete. " + FileSafety.SAVE_AS_XLSX, e);
        }
    }

    /** The globals come first: sheet names, shared strings and number formats, up to the first EOF. */
    private void readWorkbookGlobals() {
        List<BoundSheetRecord> bound = new ArrayList<>();
        Record record;
        while ((record = records.nextRecord()) != null && !(record instanceof EOFRecord)) {
            formats.processRecordInternally(record);
            if (record instanceof FilePassRecord) {
                throw new UnreadableFileException("AO-F03", FileSafety.PASSWORD_PROTECTED);
            } else if (record instanceof SupBookRecord book && book.isExternalReferences()) {
                throw new UnreadableFileException("AO-F03", "the workbook has formulas that point at another "
                        + "workbook; copy and paste the values, then send the file again");
            } else if (record instanceof BoundSheetRecord sheet) {
                bound.add(sheet);
            } else if (record instanceof SSTRecord sst) {
                sharedStrings = sst;
            }
        }
        BoundSheetRecord[] ordered = BoundSheetRecord.orderByBofPosition(bound);
        for (int i = 0; i < ordered.length; i++) {
            sheets.add(new SheetInfo(i, ordered[i].getSheetname(), ordered[i].isHidden() || ordered[i].isVeryHidden()));
        }
    }

    @Override
    public List<SheetInfo> sheets() {
        return List.copyOf(sheets);
    }

    @Override
    public RawRow next() {
        try {
            while (bufferedRow == null) {
                Record record = records.nextRecord();
                if (record == null) {
                    flushRow();
                    if (bufferedRow == null) {
                        return null;
                    }
                    break;
                }
                accept(record);
            }
            RawRow row = bufferedRow;
            bufferedRow = null;
            return row;
        } catch (RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException("AO-F03", "the workbook could not be read to the end: it may be damaged. "
                    + FileSafety.SAVE_AS_XLSX, e);
        }
    }

    @Override
    public void skipSheet() {
        currentCells.clear();
        currentRow = -1;
        inChosenSheet = false;
    }

    private void accept(Record record) {
        formats.processRecordInternally(record);
        if (record instanceof BOFRecord bof && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
            flushRow();
            sheetIndex++;
            inChosenSheet = sheetIndex < sheets.size() && include.test(sheets.get(sheetIndex));
            return;
        }
        if (record instanceof EOFRecord) {
            flushRow();
            inChosenSheet = false;
            return;
        }
        if (!inChosenSheet) {
            return;
        }
        if (record instanceof StringRecord text && pendingStringFormula) {
            put(currentRow, pendingStringColumn, text.getString());
            pendingStringFormula = false;
        } else if (record instanceof LabelSSTRecord label) {
            put(label.getRow(), label.getColumn(), sharedStrings.getString(label.getSSTIndex()).getString());
        } else if (record instanceof LabelRecord label) {
            put(label.getRow(), label.getColumn(), label.getValue());
        } else if (record instanceof NumberRecord number) {
            put(number.getRow(), number.getColumn(), number(number, number.getValue()));
        } else if (record instanceof RKRecord rk) {
            put(rk.getRow(), rk.getColumn(), number(rk, rk.getRKNumber()));
        } else if (record instanceof MulRKRecord mulRk) {
            for (int i = 0; i < mulRk.getNumColumns(); i++) {
                NumberRecord cell = new NumberRecord();
                cell.setRow(mulRk.getRow());
                cell.setColumn((short) (mulRk.getFirstColumn() + i));
                cell.setXFIndex(mulRk.getXFAt(i));
                cell.setValue(mulRk.getRKNumberAt(i));
                put(cell.getRow(), cell.getColumn(), number(cell, cell.getValue()));
            }
        } else if (record instanceof FormulaRecord formula) {
            CellType cached = CellType.forInt(formula.getCachedResultType());
            switch (cached) {
                case NUMERIC -> put(formula.getRow(), formula.getColumn(), number(formula, formula.getValue()));
                case BOOLEAN -> put(formula.getRow(), formula.getColumn(), formula.getCachedBooleanValue() ? "TRUE" : "FALSE");
                case STRING -> {
                    put(formula.getRow(), formula.getColumn(), "");
                    pendingStringFormula = true;
                    pendingStringColumn = formula.getColumn();
                }
                default -> put(formula.getRow(), formula.getColumn(), "");
            }
        } else if (record instanceof BoolErrRecord boolErr && boolErr.isBoolean()) {
            put(boolErr.getRow(), boolErr.getColumn(), boolErr.getBooleanValue() ? "TRUE" : "FALSE");
        }
    }

    private String number(CellValueRecordInterface cell, double value) {
        int formatIndex = formats.getFormatIndex(cell);
        String formatString = formats.getFormatString(cell);
        if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value).toLocalDate().toString();
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private void put(int row, int column, String value) {
        if (row != currentRow) {
            flushRow();
            currentRow = row;
        }
        currentCells.put(column, value);
    }

    private void flushRow() {
        if (currentRow < 0 || currentCells.isEmpty()) {
            currentRow = -1;
            return;
        }
        List<String> cells = new ArrayList<>();
        currentCells.forEach((column, value) -> {
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value);
        });
        bufferedRow = new RawRow(sheets.get(sheetIndex).name(), currentRow + 1, cells);
        currentCells.clear();
        currentRow = -1;
    }

    @Override
    public String describe() {
        return "xls; " + sheets.stream().filter(s -> !s.hidden()).count() + " visible sheet(s) of " + sheets.size();
    }

    @Override
    public void close() throws IOException {
        stream.close();
        fileSystem.close();
    }
}
