package wales.activeoffer.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.ss.usermodel.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import wales.activeoffer.publish.ParquetColumn;
import wales.activeoffer.publish.ParquetTableWriter;

/**
 * The floor: the least any process in this stack must do with the generated inbox to give the pipeline's stored and
 * restricted output, with none of the pipeline's rules. It reads every cell of every file that is meant to be read,
 * with the fastest readers the benchmarks know (fastexcel-reader for XLSX, FastCSV for CSV, POI for legacy XLS), makes
 * each table row (each recording-form sheet) one record of the records' {@value #COLUMNS} columns, replaces one value
 * with its HMAC-SHA256, stores every record (PostgreSQL: pgjdbc {@code COPY}; the embedded H2: batched inserts) with a
 * commit per file, and writes the records as Parquet partitioned by financial year and region with the pipeline's own
 * writer. Files are shared out over a number of threads, each with its own connection, so it can use both cores.
 *
 * <p>It is what a design with no normalising, no validation, no receipts and no measures would cost: if the floor is
 * above a goal, no design in this stack meets it.
 *
 * <p>Usage: {@code Floor <generated inbox folder (with MANIFEST.csv)> <jdbc url> <parquet folder> <threads>}
 */
public final class Floor {
    static final int COLUMNS = 34;
    private static final int BATCH = 10_000;
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d-\\d\\d)");
    private static final List<String> FORMS = List.of("ffurflen-cofnodi-xlsx", "nyas-recording-sheet-xlsx");

    private final Map<String, ParquetTableWriter<String[]>> partitions = new ConcurrentHashMap<>();
    private final Path parquet;
    private final String url;
    private final AtomicLong records = new AtomicLong();

    private Floor(Path parquet, String url) {
        this.parquet = parquet;
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        Path generated = Path.of(args[0]);
        Floor floor = new Floor(Path.of(args[2]), args[1]);
        int threads = Integer.parseInt(args[3]);
        List<String[]> files = new ArrayList<>();
        if (Files.exists(generated.resolve("MANIFEST.csv"))) {
            try (Reader reader = Files.newBufferedReader(generated.resolve("MANIFEST.csv"))) {
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).forEach(file -> {
                    if (file.get("file_rule_id").isEmpty()) {
                        files.add(new String[] {file.get("file"), file.get("region"), file.get("mapping"),
                                file.get("data_rows")});
                    }
                });
            }
        }
        files.sort(Comparator.comparingLong((String[] f) -> generated.resolve(f[0]).toFile().length()).reversed());
        try (Connection db = floor.connect(); Statement sql = db.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS floor_records");
            sql.execute("CREATE TABLE floor_records (" + IntStream.range(0, COLUMNS).mapToObj(i -> "c" + i + " text")
                    .collect(Collectors.joining(", ")) + ")");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<String[]> queue = Collections.synchronizedList(new ArrayList<>(files));
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> floor.work(generated, queue, thread)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        floor.partitions.values().forEach(ParquetTableWriter::close);
        try (Connection db = floor.connect(); Statement sql = db.createStatement()) {
            sql.execute("DROP TABLE floor_records");
        }
        System.out.println("Floor files: " + files.size() + ", records: " + floor.records.get());
    }

    private Connection connect() throws SQLException {
        return url.startsWith("jdbc:postgresql:") ? DriverManager.getConnection(url, "postgres", "")
                : DriverManager.getConnection(url);
    }

    /** Takes files from the queue until none is left: each read once, row by row, each row stored as it goes by. */
    private Void work(Path generated, List<String[]> queue, int thread) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec("floor key, not a secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HexFormat hex = HexFormat.of();
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            Store store = url.startsWith("jdbc:postgresql:") ? new Copy(db) : new Inserts(db);
            while (true) {
                String[] file;
                synchronized (queue) {
                    if (queue.isEmpty()) {
                        return null;
                    }
                    file = queue.remove(0);
                }
                Matcher year = YEAR.matcher(file[0]);
                ParquetTableWriter<String[]> partition = partition(year.find() ? year.group(1) : "unknown", file[1],
                        thread);
                long wanted = Long.parseLong(file[3]);
                long[] stored = {0};
                read(generated.resolve(file[0]), FORMS.contains(file[2]), row -> {
                    if (stored[0] < wanted) {
                        row[0] = hex.formatHex(hmac.doFinal(row[0].getBytes(StandardCharsets.UTF_8)));
                        store.add(row);
                        partition.write(row);
                        stored[0]++;
                    }
                });
                store.flush();
                db.commit();
                records.addAndGet(stored[0]);
                if (Boolean.getBoolean("floor.files")) {
                    System.out.println("Floor file: " + file[0] + ": " + stored[0]);
                }
            }
        }
    }

    /** A partition's file of one thread, so no two threads write one file. */
    private ParquetTableWriter<String[]> partition(String year, String region, int thread) {
        return partitions.computeIfAbsent(year + "/" + region + "/" + thread, key -> {
            List<ParquetColumn<String[]>> columns = IntStream.range(0, COLUMNS)
                    .mapToObj(i -> ParquetColumn.<String[]>string("c" + i, row -> row[i])).toList();
            URI target = parquet.resolve("financial_year=" + year).resolve("region=" + region)
                    .resolve("part-" + thread + ".parquet").toUri();
            return new ParquetTableWriter<>(target, "records", columns, new Configuration());
        });
    }

    /** Where a file's records go, one at a time. */
    @FunctionalInterface
    private interface Records {
        void accept(String[] record) throws Exception;
    }

    /**
     * Every cell of the file, as records handed on as they are read: each sheet's non-empty rows after its header (a
     * table), or each sheet (a recording form). The caller keeps as many as the manifest says the file holds, so the
     * floor stores exactly the records the pipeline stores, having read everything the pipeline reads.
     */
    private static void read(Path file, boolean form, Records out) throws Exception {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".csv")) {
            try (InputStream in = Files.newInputStream(file);
                    CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(new InputStreamReader(in,
                            StandardCharsets.UTF_8))) {
                SheetRecords sheet = new SheetRecords(out);
                for (CsvRecord row : csv) {
                    sheet.row(row.getFields());
                }
            }
            return;
        }
        if (name.endsWith(".xls")) {
            try (HSSFWorkbook workbook = new HSSFWorkbook(Files.newInputStream(file))) {
                for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                    SheetRecords sheet = new SheetRecords(out);
                    HSSFSheet rows = workbook.getSheetAt(s);
                    for (int r = rows.getFirstRowNum(); r <= rows.getLastRowNum(); r++) {
                        HSSFRow row = rows.getRow(r);
                        if (row == null) {
                            continue;
                        }
                        List<String> cells = new ArrayList<>();
                        row.forEach((Cell cell) -> cells.add(cell.toString()));
                        sheet.row(cells);
                    }
                }
            }
            return;
        }
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            for (Sheet xlsx : (Iterable<Sheet>) workbook.getSheets()::iterator) {
                List<String> formCells = new ArrayList<>();
                SheetRecords sheet = new SheetRecords(out);
                try (Stream<Row> rows = xlsx.openStream()) {
                    for (Row row : (Iterable<Row>) rows::iterator) {
                        List<String> cells = new ArrayList<>(row.getCellCount());
                        for (int c = 0; c < row.getCellCount(); c++) {
                            cells.add(row.getCellText(c));
                        }
                        if (form) {
                            formCells.addAll(cells);
                        } else {
                            sheet.row(cells);
                        }
                    }
                }
                if (form) {
                    out.accept(record(formCells));
                }
            }
        }
    }

    /** A sheet as it is read: its first non-empty row is the header; each non-empty row after it is a record. */
    private static final class SheetRecords {
        private final Records out;
        private boolean header = true;

        SheetRecords(Records out) {
            this.out = out;
        }

        void row(List<String> cells) throws Exception {
            if (cells.stream().noneMatch(v -> v != null && !v.isBlank())) {
                return;
            }
            if (header) {
                header = false;
                return;
            }
            out.accept(record(cells));
        }
    }

    /**
     * A record of the row's own cells, as many as the records have columns; the columns beyond them are empty (null),
     * so the floor stores no more than the file holds, as the pipeline does.
     */
    private static String[] record(List<String> cells) {
        String[] record = new String[COLUMNS];
        for (int i = 0; i < COLUMNS && i < cells.size(); i++) {
            String value = cells.get(i);
            record[i] = value == null || value.isEmpty() ? null : value;
        }
        if (record[0] == null) {
            record[0] = "";
        }
        return record;
    }

    /** Where the records go, in batches. */
    private interface Store {
        void add(String[] row) throws Exception;

        void flush() throws Exception;
    }

    /** PostgreSQL: CSV text through pgjdbc's {@code COPY}, as the yardstick and the pipeline store it. */
    private static final class Copy implements Store {
        private final CopyManager copy;
        private final StringBuilder batch = new StringBuilder();
        private final CSVPrinter printer;
        private int rows;

        Copy(Connection db) throws SQLException, IOException {
            copy = db.unwrap(PGConnection.class).getCopyAPI();
            printer = new CSVPrinter(batch, CSVFormat.DEFAULT);
        }

        @Override
        public void add(String[] row) throws Exception {
            printer.printRecord((Object[]) row);
            if (++rows == BATCH) {
                flush();
            }
        }

        @Override
        public void flush() throws Exception {
            if (rows > 0) {
                copy.copyIn("COPY floor_records FROM STDIN (FORMAT csv)", new StringReader(batch.toString()));
                batch.setLength(0);
                rows = 0;
            }
        }
    }

    /** The embedded H2: batched prepared inserts, as the pipeline stores there. */
    private static final class Inserts implements Store {
        private final PreparedStatement insert;
        private int rows;

        Inserts(Connection db) throws SQLException {
            insert = db.prepareStatement("INSERT INTO floor_records VALUES (" + IntStream.range(0, COLUMNS)
                    .mapToObj(i -> "?").collect(Collectors.joining(", ")) + ")");
        }

        @Override
        public void add(String[] row) throws SQLException {
            for (int i = 0; i < COLUMNS; i++) {
                insert.setString(i + 1, row[i]);
            }
            insert.addBatch();
            if (++rows == 1_000) {
                flush();
            }
        }

        @Override
        public void flush() throws SQLException {
            if (rows > 0) {
                insert.executeBatch();
                rows = 0;
            }
        }
    }
}
