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
            widths = GssWorkbook.widths(rows, 1);
            GssWorkbook.grid(workbook.createSheet("Table_1"), 2, rows, GssWorkbook.Styles.of(workbook), widths);
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

    @Test
    void columnsEveryPageRepeatsAreNarrowedToLeaveRoomForAFigureAndTheTitlesBreakWithinTheFirstPage() {
        // given a table whose four first columns (area, period, stage, reason) every printed page repeats: 30, 17, 32
        // and 77 characters wide as their longest entries ask (and 2 to spare), then a count of 18 (its heading, 16)
        // and the Welsh reason, 80 (the most a column is): a page holds 104
        List<List<Object>> rows = List.of(
                List.of("Area (English)", "Period / Cyfnod", "Stage / Cam", "Reason (English)", "Refusals (count)",
                        "Rheswm (Cymraeg)"),
                List.of("Western Bay (West Glamorgan)", "2023-24 Q1", "At the meeting / Yn y cyfarfod",
                        "Other reasons (prefers other formal advocacy, prefers peer advocacy, other)", 3,
                        "Rhesymau eraill (gwell ganddo eiriolaeth ffurfiol arall, gwell ganddo eiriolaeth cymheiriaid, "
                                + "arall)"));

        // when its widths are worked out
        int[] widths = GssWorkbook.widths(rows, 4);

        // then, beside the count, the widest is narrowed in turn until the four and it fit: the reason to 32 (129 in
        // all), then it and the stage to 30 (125), then those two and the area by 7 each (23, 17, 23, 23 and 18: 104);
        // beside the Welsh reason, it to 23 (109), then the area, stage, reason and it by one each, and the area once
        // more (104); the count keeps its 18
        assertThat(widths).containsExactly(21, 17, 22, 22, 18, 22);

        // and the lines above the table break at words within the columns of the first page (the first five: 100
        // units, 120 characters), the English title, the Welsh title, then what the sheet holds in each language
        String holds = String.join(" ", Collections.nCopies(30, "seven.")) + " / " + "Saith.";
        List<String> lines = GssWorkbook.linesAbove(new GssTable("Table_4", "Reasons", "Rhesymau", holds, "t4", rows, 4),
                widths);
        assertThat(lines).containsExactly("Reasons", "Rhesymau", String.join(" ", Collections.nCopies(17, "seven.")),
                String.join(" ", Collections.nCopies(13, "seven.")), "Saith.");
        assertThat(lines.get(2)).hasSize(17 * 7 - 1);
    }
}
