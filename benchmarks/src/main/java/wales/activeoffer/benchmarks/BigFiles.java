package wales.activeoffer.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Big files in two of the shipped layouts, made by repeating a sample file's rows with a fresh child reference on
 * each, so that every row is a new offer: a WCCIS CSV export (Gwent) and a local authority XLSX return (Cardiff and the
 * Vale). They are what a provider's whole-Wales file or a full history would look like to the readers.
 */
final class BigFiles {
    static final Path SAMPLE_CSV = Path.of("sample-data/inbox/gwent/WCCIS_ActiveOffer_W06000018_2023-24.csv");
    static final Path SAMPLE_XLSX = Path.of("sample-data/inbox/cardiff-and-vale/Cardiff AO return 2023-24.xlsx");
    private static final int ROW_WINDOW = 500;

    private BigFiles() {
    }

    /** A CSV of {@code rows} data rows in the WCCIS layout, written to {@code target}. */
    static Path csv(Path repository, Path target, int rows) throws IOException {
        List<CSVRecord> sample;
        List<String> header;
        try (Reader reader = Files.newBufferedReader(repository.resolve(SAMPLE_CSV), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            header = parser.getHeaderNames();
            sample = parser.getRecords();
        }
        int person = header.indexOf("Person ID");
        int episode = header.indexOf("Episode ID");
        Files.createDirectories(target.getParent());
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT.print(writer)) {
            csv.printRecord(header);
            for (int i = 0; i < rows; i++) {
                List<String> values = new ArrayList<>(sample.get(i % sample.size()).toList());
                values.set(person, "P" + (1_000_000 + i));
                values.set(episode, "E" + (1_000_000 + i));
                csv.printRecord(values);
            }
        }
        return target;
    }

    /** An XLSX of {@code rows} data rows in the local authority return layout, written to {@code target}. */
    static Path xlsx(Path repository, Path target, int rows) throws IOException {
        List<List<String>> before = new ArrayList<>();
        List<List<String>> data = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        int childColumn = -1;
        try (XSSFWorkbook sample = new XSSFWorkbook(Files.newInputStream(repository.resolve(SAMPLE_XLSX)))) {
            for (Row row : sample.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (childColumn < 0) {
                    before.add(cells);
                    childColumn = cells.indexOf("Child Reference");
                } else {
                    data.add(cells);
                }
            }
        }
        Files.createDirectories(target.getParent());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, ROW_WINDOW, false, true)) {
            Sheet sheet = workbook.createSheet("Return");
            int index = 0;
            for (List<String> cells : before) {
                write(sheet.createRow(index++), cells);
            }
            for (int i = 0; i < rows; i++) {
                List<String> cells = new ArrayList<>(data.get(i % data.size()));
                cells.set(childColumn, "C" + (1_000_000 + i));
                write(sheet.createRow(index++), cells);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                workbook.write(out);
            }
        }
        return target;
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c).setCellValue(cells.get(c));
        }
    }
}
