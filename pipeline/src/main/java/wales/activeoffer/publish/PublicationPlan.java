package wales.activeoffer.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
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
 * together ({@code total}) or for each route and the total ({@code each}), with some categories combined into one
 * ({@code combine}). Nothing finer than the plan is published: a finer table would undo the protection of a coarser
 * one, and would cut every figure into cells too small to show.
 */
public record PublicationPlan(List<Table> tables) {
    public static final String FILE_NAME = "publication-plan.csv";
    static final List<String> MEASURES = List.of("take_up", "refusal_reasons", "referral_sources", "response_time");
    static final List<String> GEOGRAPHIES = List.of("wales", "region", "authority");
    static final List<String> PERIODS = List.of("financial_year", "quarter");
    static final List<String> ROUTES = List.of("total", "each");
    /** The measures whose categories can be combined, and the template code list of their categories. */
    public static final Map<String, String> CATEGORY_LISTS = Map.of("refusal_reasons", "refusal_reason",
            "referral_sources", "referral_source");
    private static final List<String> HEADER = List.of("table", "measure", "geographies", "period", "routes",
            "combine");

    /**
     * One published table.
     *
     * @param combined each category that is published as part of a combined one, with the combined one's code
     */
    public record Table(String id, String measure, List<String> geographies, String period, boolean eachRoute,
            Map<String, String> combined) {

        /** Whether the table holds this figure's cell. */
        public boolean covers(String measure, CellKey cell) {
            return this.measure.equals(measure) && geographies.contains(cell.geographyLevel())
                    && period.equals(cell.periodType()) && (eachRoute || CellKey.ALL_ROUTES.equals(cell.route()));
        }
    }

    /**
     * The category a record's category is published as: itself, or the combined category the plan puts it in. Every
     * table of a measure combines its categories the same way (the plan is refused otherwise).
     */
    public String publishedCategory(String measure, String category) {
        return tables.stream().filter(t -> t.measure().equals(measure)).findFirst()
                .map(t -> t.combined().getOrDefault(category, category)).orElse(category);
    }

    /** The categories each combined category of the measure holds, in the order the plan lists them. */
    public Map<String, List<String>> combinations(String measure) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        tables.stream().filter(t -> t.measure().equals(measure)).findFirst().ifPresent(t -> t.combined().forEach(
                (part, group) -> groups.computeIfAbsent(group, g -> new ArrayList<>()).add(part)));
        return groups;
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
        return new MeasureTable(rows, sums, table.parts());
    }

    private boolean covers(CountKey key) {
        return covers(key.measure(), key.cell());
    }

    /** Reads and checks a plan file, without checking the categories it combines against the template. */
    public static PublicationPlan load(Path file) {
        return load(file, null, null);
    }

    /**
     * Reads and checks a plan file.
     *
     * @param categoryCodes    the codes of each template code list, which combined categories are made of
     * @param labelledCategory whether the publication labels name a category, as they must a combined one
     * @throws IllegalArgumentException naming the file, line and column of every problem
     */
    public static PublicationPlan load(Path file, Map<String, Set<String>> categoryCodes,
            Predicate<String> labelledCategory) {
        List<Table> tables = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                        .parse(reader)) {
            boolean combines = csv.getHeaderNames().equals(HEADER);
            if (!combines && !csv.getHeaderNames().equals(HEADER.subList(0, HEADER.size() - 1))) {
                throw new IllegalArgumentException(file + ":1: the header must be " + String.join(",", HEADER)
                        + " (combine may be left out)");
            }
            for (CSVRecord row : csv) {
                String where = file + ":" + csv.getCurrentLineNumber() + ": ";
                if (!row.isConsistent()) {
                    problems.add(where + "every line needs a value for each column of the header: "
                            + String.join(",", csv.getHeaderNames()));
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
                String combine = combines ? row.get("combine") : "";
                Map<String, String> combined = combined(problems, where, row.get("measure"), combine, categoryCodes,
                        labelledCategory);
                tables.stream().filter(t -> t.measure().equals(row.get("measure")) && !t.combined().equals(combined))
                        .findFirst().ifPresent(t -> problems.add(where + "combine: '" + row.get("combine")
                                + "' must combine categories as table " + t.id() + " does, since both publish "
                                + row.get("measure")));
                tables.add(new Table(row.get("table"), row.get("measure"), geographies, row.get("period"),
                        "each".equals(row.get("routes")), combined));
            }
        } catch (IOException | UncheckedIOException e) {
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

    /**
     * Reads {@code combine}: groups separated by {@code ;}, each {@code new_code = code + code + ...}, for example
     * {@code other_reasons = prefers_formal + prefers_peer + other}.
     */
    private static Map<String, String> combined(List<String> problems, String where, String measure, String spec,
            Map<String, Set<String>> categoryCodes, Predicate<String> labelledCategory) {
        Map<String, String> combined = new TreeMap<>();
        if (spec.isBlank()) {
            return combined;
        }
        String list = CATEGORY_LISTS.get(measure);
        if (list == null) {
            problems.add(where + "combine: '" + spec + "' only " + String.join(" and ", new TreeMap<>(CATEGORY_LISTS)
                    .keySet()) + " have categories to combine; leave it empty for " + measure);
            return combined;
        }
        for (String group : spec.split(";")) {
            String[] sides = group.split("=", -1);
            List<String> parts = sides.length == 2 ? List.of(sides[1].trim().split("\\s*\\+\\s*")) : List.of();
            String target = sides[0].trim();
            if (sides.length != 2 || target.isEmpty() || parts.size() < 2 || parts.contains("")) {
                problems.add(where + "combine: '" + group.trim() + "' must read new_code = code + code (two or more "
                        + "codes; groups separated by ;)");
                continue;
            }
            if (labelledCategory != null && !labelledCategory.test(target)) {
                problems.add(where + "combine: '" + target + "' needs English and Welsh words: add a line 'category,"
                        + target + ",<English>,<Cymraeg>' to " + PublicationLabels.FILE_NAME);
            }
            for (String part : parts) {
                if (categoryCodes != null && !categoryCodes.get(list).contains(part)) {
                    problems.add(where + "combine: '" + part + "' is not a code of the template's " + list
                            + " list (" + String.join(", ", new TreeSet<>(categoryCodes.get(list))) + ")");
                } else if (combined.putIfAbsent(part, target) != null) {
                    problems.add(where + "combine: '" + part + "' is in two groups; put it in one");
                }
            }
        }
        return combined;
    }

    private static void check(List<String> problems, String where, String column, String value, boolean ok,
            String rule) {
        if (!ok) {
            problems.add(where + column + ": '" + value + "' " + rule);
        }
    }
}
