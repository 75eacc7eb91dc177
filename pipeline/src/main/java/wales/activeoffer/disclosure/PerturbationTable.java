package wales.activeoffer.disclosure;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The perturbation table of the cell key method ({@code mappings/reference/perturbation-table.csv}): for a true count
 * and a cell key from 0 to 255, the count to publish. Each listed value has rows that cover the cell keys 0 to 255
 * once; a value above the last listed uses the last listed row of the same parity (odd or even), moved by the same
 * amounts. A zero is never listed and is always published as 0; 1 and 2 are never published.
 */
public final class PerturbationTable {
    public static final String FILE_NAME = "perturbation-table.csv";
    private static final int KEYS = 256;
    private final Map<Integer, int[]> publishedByValue;
    private final int lastOdd;
    private final int lastEven;

    private PerturbationTable(Map<Integer, int[]> publishedByValue) {
        this.publishedByValue = publishedByValue;
        int odd = 0;
        int even = 0;
        for (int value : publishedByValue.keySet()) {
            if (value % 2 == 1) {
                odd = Math.max(odd, value);
            } else {
                even = Math.max(even, value);
            }
        }
        this.lastOdd = odd;
        this.lastEven = even;
    }

    /** The count to publish for a true count with this cell key. */
    public int perturbed(int value, int cellKey) {
        if (value == 0) {
            return 0;
        }
        int[] row = publishedByValue.get(value);
        if (row != null) {
            return row[cellKey & 0xFF];
        }
        int last = value % 2 == 1 ? lastOdd : lastEven;
        return publishedByValue.get(last)[cellKey & 0xFF] + (value - last);
    }

    /** The most any count is moved, up or down. */
    public int maxPerturbation() {
        int max = 0;
        for (Map.Entry<Integer, int[]> row : publishedByValue.entrySet()) {
            for (int published : row.getValue()) {
                max = Math.max(max, Math.abs(published - row.getKey()));
            }
        }
        return max;
    }

    /**
     * @throws IllegalArgumentException naming the file and the row, when a value's rows leave a cell key out or give it
     *                                  twice, or a row would publish a negative count, 1 or 2
     */
    public static PerturbationTable load(Path file) {
        Map<Integer, int[]> rows = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get().parse(reader)) {
                String where = file.getFileName() + " line " + row.getRecordNumber();
                int value = number(row, "value", where);
                int published = number(row, "published", where);
                int from = number(row, "cell_key_from", where);
                int to = number(row, "cell_key_to", where);
                if (value < 1 || published < 0 || published == 1 || published == 2 || from < 0 || to >= KEYS
                        || from > to) {
                    throw new IllegalArgumentException(where + ": a value of at least 1 is published as 0 or 3 or more,"
                            + " for cell keys from 0 to 255");
                }
                int[] keys = rows.computeIfAbsent(value, v -> filled(-1));
                for (int key = from; key <= to; key++) {
                    if (keys[key] != -1) {
                        throw new IllegalArgumentException(where + ": cell key " + key + " of value " + value
                                + " is given twice");
                    }
                    keys[key] = published;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<String> gaps = new ArrayList<>();
        rows.forEach((value, keys) -> {
            for (int key = 0; key < KEYS; key++) {
                if (keys[key] == -1) {
                    gaps.add("value " + value + " has no row for cell key " + key);
                    return;
                }
            }
        });
        if (!gaps.isEmpty() || rows.keySet().stream().noneMatch(v -> v % 2 == 0)
                || rows.keySet().stream().noneMatch(v -> v % 2 == 1)) {
            throw new IllegalArgumentException(file.getFileName() + ": " + (gaps.isEmpty()
                    ? "it must list at least one odd and one even value" : String.join("; ", gaps)));
        }
        return new PerturbationTable(rows);
    }

    private static int[] filled(int value) {
        int[] keys = new int[KEYS];
        Arrays.fill(keys, value);
        return keys;
    }

    private static int number(CSVRecord row, String column, String where) {
        try {
            return Integer.parseInt(row.get(column));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + column + " must be a whole number", e);
        }
    }
}
