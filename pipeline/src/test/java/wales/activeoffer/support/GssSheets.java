package wales.activeoffer.support;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Where a statistics workbook's table sits on its sheet, found as a reader's software finds it: by its Excel table. */
public final class GssSheets {

    private GssSheets() {
    }

    /** The row (from 0) of the headings of the sheet's one table, below its titles and what it holds. */
    public static int headingRow(Sheet sheet) {
        return ((XSSFSheet) sheet).getTables().get(0).getStartRowIndex();
    }
}
