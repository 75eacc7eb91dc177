package wales.activeoffer.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/** Streams a delimited text file with Commons CSV; quoted newlines are part of their cell. */
public final class CsvTabularSource implements TabularSource {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String description;

    public CsvTabularSource(Path file, String delimiter, Charset charset) {
        try {
            InputStream bytes = Files.newInputStream(file);
            BOMInputStream withoutBom = BOMInputStream.builder().setInputStream(bytes).get();
            Charset effective = withoutBom.hasBOM() ? Charset.forName(withoutBom.getBOMCharsetName()) : charset;
            Reader reader = new InputStreamReader(withoutBom, effective.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT));
            this.parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get()
                    .parse(reader);
            this.records = parser.iterator();
            this.description = "csv; encoding " + effective.name() + (withoutBom.hasBOM() ? " (BOM)" : "");
        } catch (IOException e) {
            throw new UnreadableFileException("AO-F03", "cannot open the file as text: " + e.getMessage(), e);
        }
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
            throw new UnreadableFileException("AO-F03", "the text could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
