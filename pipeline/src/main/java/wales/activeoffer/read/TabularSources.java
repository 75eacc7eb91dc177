package wales.activeoffer.read;

import java.nio.file.Path;
import java.util.Locale;
import wales.activeoffer.mapping.SourceMapping;

/** Opens a file with the reader its format calls for, reading the sheets its mapping chooses. */
public final class TabularSources {
    private TabularSources() {
    }

    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
            return "csv";
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return "xlsx";
        }
        if (name.endsWith(".xls")) {
            return "xls";
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            throw new UnreadableFileException("AO-F01", "the file name has no ending such as .xlsx or .csv, so its "
                    + "format is not known; add the ending of its format and send it again");
        }
        throw new UnreadableFileException("AO-F01", "files ending '" + name.substring(dot) + "' are not accepted; send "
                + "the data as .xlsx, .xls or .csv");
    }

    /** A workbook opened to read every sheet, hidden or not, in workbook order. */
    static TabularSource openEverySheet(Path file) {
        return switch (formatOf(file)) {
            case "xlsx" -> new XlsxTabularSource(file, sheet -> true);
            case "xls" -> new XlsTabularSource(file, sheet -> true);
            default -> throw new IllegalArgumentException("not a workbook: " + file.getFileName());
        };
    }

    public static TabularSource open(Path file, SourceMapping mapping) {
        SheetSelection sheets = new SheetSelection(mapping.sheets());
        return switch (formatOf(file)) {
            case "csv" -> new CsvTabularSource(file, TextDialect.detect(file, mapping.encoding(), mapping.delimiter()));
            case "xlsx" -> new XlsxTabularSource(file, sheets);
            default -> new XlsTabularSource(file, sheets);
        };
    }
}
