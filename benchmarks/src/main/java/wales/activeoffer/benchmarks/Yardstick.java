package wales.activeoffer.benchmarks;

import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The yardstick: what a plain JVM process costs for the least the pipeline must do with each record. It parses the
 * records' CSV with Commons CSV, replaces the child key with its HMAC-SHA256, and stores every row in PostgreSQL with
 * pgjdbc's {@code COPY}, in batches, in a table of its own that it drops at the end. Run as its own process and timed
 * whole, like the pipeline.
 *
 * <p>Usage: {@code Yardstick <records.csv> <jdbc url>}
 */
public final class Yardstick {
    private static final int BATCH = 10_000;

    private Yardstick() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec("yardstick key, not a secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HexFormat hex = HexFormat.of();
        String table = "yardstick_" + Long.toHexString(System.nanoTime());
        long rows = 0;
        try (Connection db = DriverManager.getConnection(args[1], "postgres", "");
                Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            List<String> header = parser.getHeaderNames();
            int childKey = header.indexOf("child_key");
            try (Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE " + table + " (" + header.stream().map(h -> "\"" + h + "\" text")
                        .collect(Collectors.joining(", ")) + ")");
            }
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            StringWriter batch = new StringWriter();
            CSVPrinter printer = new CSVPrinter(batch, CSVFormat.DEFAULT);
            int inBatch = 0;
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.toList());
                values.set(childKey, hex.formatHex(hmac.doFinal(values.get(childKey).getBytes(StandardCharsets.UTF_8))));
                printer.printRecord(values);
                rows++;
                if (++inBatch == BATCH) {
                    copy.copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", new StringReader(batch.toString()));
                    batch.getBuffer().setLength(0);
                    inBatch = 0;
                }
            }
            copy.copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", new StringReader(batch.toString()));
            try (Statement sql = db.createStatement()) {
                sql.execute("DROP TABLE " + table);
            }
        }
        System.out.println("Yardstick rows: " + rows);
    }
}
