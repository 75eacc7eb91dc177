package wales.activeoffer.read;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import wales.activeoffer.mapping.SourceMapping;

/** Opens a file with the reader its mapping's format calls for. */
public final class TabularSources {
    private TabularSources() {
    }

    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return "csv";
        }
        if (name.endsWith(".xlsx")) {
            return "xlsx";
        }
        throw new UnreadableFileException("AO-F01", "files ending '" + extension(name) + "' are not accepted");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    public static TabularSource open(Path file, SourceMapping mapping) {
        return switch (mapping.format()) {
            case "csv" -> new CsvTabularSource(file, mapping.delimiter(), Charset.forName(mapping.encoding()));
            case "xlsx" -> new XlsxTabularSource(file);
            default -> throw new UnreadableFileException("AO-F01", "unknown format " + mapping.format());
        };
    }
}
