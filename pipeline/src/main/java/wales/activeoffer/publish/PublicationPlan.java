package wales.activeoffer.publish;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import wales.activeoffer.aggregate.AggregateRow;
import wales.activeoffer.aggregate.CellKey;
import wales.activeoffer.aggregate.CountKey;
import wales.activeoffer.aggregate.MeasureTable;
import wales.activeoffer.aggregate.SumRelation;

/**
 * Which figures a release publishes, as data an official can change ({@code mappings/reference/publication-plan.csv}):
 * each line is a table, one measure at some geography levels for one kind of period, for all eligibility routes
 * together ({@code total}) or for each route and the total ({@code each}). Nothing finer than the plan is published:
 * a finer table would undo the protection of a coarser one, and would cut every figure into cells too small to show.
 */
public record PublicationPlan(List<Table> tables) {
    public static final String FILE_NAME = "publication-plan.csv";
    static final List<String> MEASURES = List.of("take_up", "refusal_reasons", "referral_sources", "response_time");
    static final List<String> GEOGRAPHIES = List.of("wales", "region", "authority");
    static final List<String> PERIODS = List.of("financial_year", "quarter");
    static final List<String> ROUTES = List.of("total", "each");
    private static final List<String> HEADER = List.of("table", "measure", "geographies", "period", "routes");

    /** One published table. */
    public record Table(String id, String measure, List<String> geographies, String period, boolean eachRoute) {

        boolean covers(String measure, CellKey cell) {
            return this.measure.equals(measure) && geographies.contains(cell.geographyLevel())
                    && period.equals(cell.periodType()) && (eachRoute || CellKey.ALL_ROUTES.equals(cell.route()));
        }
    }

    /** Whether the plan publishes this figure's cell. */
    public boolean covers(String measure, CellKey cell) {
        return tables.stream().anyMatch(t -> t.covers(measure, cell));
    }

    /**
     * The part of the table the plan publishes: its rows, and the sums among them. A sum whose total or any part is
     * left out ties nothing published together, and is left out with it.
     */
    public MeasureTable filter(MeasureTable table) {
        List<AggregateRow> rows = table.rows().stream().filter(r -> covers(r.measure(), r.cell())).toList();
        List<SumRelation> sums = table.sums().stream()
                .filter(sum -> covers(sum.total()) && sum.parts().stream().allMatch(this::covers)).toList();
        return new MeasureTable(rows, sums);
    }

    private boolean covers(CountKey key) {
        return covers(key.measure(), key.cell());
    }

    /**
     * Reads and checks a plan file.
     *
     * @throws IllegalArgumentException naming the file, line and column of every problem
     */
    public static PublicationPlan load(Path file) {
        List<Table> tables = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                        .parse(reader)) {
            if (!csv.getHeaderNames().equals(HEADER)) {
                throw new IllegalArgumentException(file + ":1: the header must be " + String.join(",", HEADER));
            }
            for (CSVRecord row : csv) {
                String where = file + ":" + csv.getCurrentLineNumber() + ": ";
                if (!row.isConsistent()) {
                    problems.add(where + "every line needs " + HEADER.size() + " values: " + String.join(",", HEADER));
                    continue;
                }
                List<String> geographies = List.of(row.get("geographies").split("\\s+"));
                check(problems, where, "table", row.get("table"), !row.get("table").isEmpty() && ids.add(row.get("table")),
                        "must be a name no other line uses");
                check(problems, where, "measure", row.get("measure"), MEASURES.contains(row.get("measure")),
                        "must be one of " + String.join(", ", MEASURES));
                check(problems, where, "geographies", row.get("geographies"), GEOGRAPHIES.containsAll(geographies),
                        "must be some of " + String.join(", ", GEOGRAPHIES) + ", separated by spaces");
                check(problems, where, "period", row.get("period"), PERIODS.contains(row.get("period")),
                        "must be one of " + String.join(", ", PERIODS));
                check(problems, where, "routes", row.get("routes"), ROUTES.contains(row.get("routes")),
                        "must be one of " + String.join(", ", ROUTES));
                tables.add(new Table(row.get("table"), row.get("measure"), geographies, row.get("period"),
                        "each".equals(row.get("routes"))));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (tables.isEmpty() && problems.isEmpty()) {
            problems.add(file + ":2: the plan publishes no table; add at least one line");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new PublicationPlan(List.copyOf(tables));
    }

    private static void check(List<String> problems, String where, String column, String value, boolean ok,
            String rule) {
        if (!ok) {
            problems.add(where + column + ": '" + value + "' " + rule);
        }
    }
}
