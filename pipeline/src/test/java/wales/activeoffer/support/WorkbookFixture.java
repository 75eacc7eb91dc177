package wales.activeoffer.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds a workbook (XLSX, or XLS for a {@code .xls} target) from a reviewable text description, so that workbook
 * fixtures live in the repository as text. One line per row, cells separated by commas:
 * {@code D:2024-04-03} is a date cell, {@code N:45474} a number, {@code F:G4-D4} a formula (evaluated before saving),
 * anything else text. {@code #SHEET name} starts a sheet, {@code #HIDDEN} hides it, {@code #MERGE r1 r2 c1 c2} merges
 * cells (0-based), {@code #TITLE text} is a row with one cell (an empty row with no text).
 */
public final class WorkbookFixture {
    private WorkbookFixture() {
    }

    public static Path build(Path source, Path target) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        try (Workbook workbook = target.toString().endsWith(".xls") ? new HSSFWorkbook() : new XSSFWorkbook()) {
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = null;
            int rowIndex = 0;
            for (String line : lines) {
                if (line.startsWith("#SHEET ")) {
                    sheet = workbook.createSheet(line.substring(7).trim());
                    rowIndex = 0;
                    continue;
                }
                if (sheet == null) {
                    sheet = workbook.createSheet("Data");
                }
                if (line.equals("#HIDDEN")) {
                    workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
                } else if (line.startsWith("#MERGE ")) {
                    String[] n = line.substring(7).trim().split("\\s+");
                    sheet.addMergedRegion(new CellRangeAddress(Integer.parseInt(n[0]), Integer.parseInt(n[1]),
                            Integer.parseInt(n[2]), Integer.parseInt(n[3])));
                } else if (line.startsWith("#TITLE")) {
                    Row row = sheet.createRow(rowIndex++);
                    String text = line.substring(6).trim();
                    if (!text.isEmpty()) {
                        row.createCell(0).setCellValue(text);
                    }
                } else {
                    writeRow(sheet.createRow(rowIndex++), line.split(",", -1), dates);
                }
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(target)) {
                workbook.write(out);
            }
        }
        return target;
    }

    private static void writeRow(Row row, String[] cells, CellStyle dates) {
        for (int c = 0; c < cells.length; c++) {
            String value = cells[c];
            if (value.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value.startsWith("D:")) {
                cell.setCellValue(LocalDate.parse(value.substring(2)));
                cell.setCellStyle(dates);
            } else if (value.startsWith("N:")) {
                cell.setCellValue(Double.parseDouble(value.substring(2)));
            } else if (value.startsWith("F:")) {
                cell.setCellFormula(value.substring(2));
            } else {
                cell.setCellValue(value);
            }
        }
    }
}
