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

    public CsvTabularSource(Path file, TextDialect dialect) {
        this.dialect = dialect;
        try {
            this.parser = CSVFormat.DEFAULT.builder().setDelimiter(dialect.delimiter()).get().parse(dialect.open(file));
            this.records = parser.iterator();
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableFileException("AO-F03", "cannot read the file as text: " + e.getMessage(), e);
        }
    }

    @Override
    public List<SheetInfo> sheets() {
        return List.of(new SheetInfo(0, "", false));
    }

    @Override
    public RawRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            return new RawRow("", (int) record.getRecordNumber(), cells);
        } catch (UncheckedIOException | IllegalStateException e) {
            String why = TextDialect.isDecodingFailure(e)
                    ? "the text is not valid " + dialect.charset().name() + "; save it as CSV UTF-8"
                    : e.getMessage();
            throw new UnreadableFileException("AO-F03", why, e);
        }
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
