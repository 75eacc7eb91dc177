package wales.activeoffer.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Streams a delimited text file with Commons CSV; quoted newlines are part of their cell. */
public final class CsvTabularSource implements TabularSource {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final TextDialect dialect;
    private boolean finished;

    public CsvTabularSource(Path file, TextDialect dialect) {
        this.dialect = dialect;
        try {
            this.parser = CSVFormat.DEFAULT.builder().setDelimiter(dialect.delimiter()).get().parse(dialect.open(file));
            this.records = parser.iterator();
        } catch (IOException | UncheckedIOException e) {
            throw UnreadableFileException.cannotOpen(e);
        }
    }

    @Override
    public List<SheetInfo> sheets() {
        return List.of(new SheetInfo(0, "", false));
    }

    @Override
    public RawRow next() {
        try {
            if (finished || !records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            return new RawRow("", (int) record.getRecordNumber(), cells);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFileException("AO-F03", whyUnreadable(e), e);
        }
    }

    /** The reason in a lead's words; Commons CSV's own message goes to the log with the exception, never to a receipt. */
    private String whyUnreadable(RuntimeException e) {
        long row = parser.getRecordNumber() + 1;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RowLengthGuard.OverlongRowException overlong) {
                return overlong.getMessage();
            }
        }
        if (TextDialect.isDecodingFailure(e)) {
            return "the text is not valid " + dialect.charset().name() + "; save it as CSV UTF-8";
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "row " + row + " has a quote mark (\") that opens a cell and is never closed before the end of the "
                    + "file. Close the quote, or remove it, and send the file again";
        }
        if (message.contains("between encapsulated token and delimiter")) {
            return "row " + row + " has a cell in quote marks with more text after its closing quote (as in "
                    + "\"abc\"def). Put the whole cell in quotes and double any quote mark inside it (\"abc\"\"def\"), "
                    + "then send the file again";
        }
        return "row " + row + " could not be read as delimited text; open the file in Excel and save it again as "
                + "CSV UTF-8";
    }

    @Override
    public void skipSheet() {
        finished = true;
    }

    @Override
    public String describe() {
        return "csv; " + dialect.describe();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
