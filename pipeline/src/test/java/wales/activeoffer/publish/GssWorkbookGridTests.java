package wales.activeoffer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class GssWorkbookGridTests {

    @Test
    void aTableLongerThanTheStreamingWindowIsWrittenWholeWithEachWrappedRowTallEnough() throws Exception {
        // given a heading and more rows than the streaming sheet keeps in memory, each with a text of 99 characters
        String text = String.join(" ", Collections.nCopies(20, "word"));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Area (English)", "A heading long enough to wrap within its column (count)"));
        for (int r = 0; r < GssWorkbook.ROW_WINDOW * 2 + 50; r++) {
            rows.add(List.of(text, r));
        }

        // when the grid is written to a streaming sheet, as the workbook writes it
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] widths;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(GssWorkbook.ROW_WINDOW)) {
            widths = GssWorkbook.grid(workbook.createSheet("Table_1"), 2, rows,
                    GssWorkbook.Styles.of(workbook));
            workbook.write(bytes);
        }

        // then every row is there; the text column is 80 characters wide (its 99, within the most a column is), so
        // the text wraps to 2 lines, and its row is 3 lines tall (one to spare); the heading wraps within 20
        // characters (18 and 2 to spare), "A heading long enough / to wrap within its / column (count)", and its row
        // is as tall as those 3 lines and one to spare
        assertThat(widths).containsExactly(80, 20);
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            var sheet = read.getSheet("Table_1");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + rows.size() - 1);
            var last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo(text);
            assertThat(last.getCell(1).getNumericCellValue()).isEqualTo(rows.size() - 2);
            assertThat(last.getCell(0).getCellStyle().getWrapText()).isTrue();
            assertThat(last.getHeightInPoints()).isEqualTo(3 * 15f + 2);
            var head = sheet.getRow(2);
            assertThat(head.getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(head.getHeightInPoints()).isEqualTo(4 * 15f + 2);
        }
    }
}
