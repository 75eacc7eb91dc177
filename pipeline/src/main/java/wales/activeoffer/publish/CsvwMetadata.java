package wales.activeoffer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data dictionary of a release's tidy CSVs as W3C CSV on the Web (CSVW) metadata, {@code csv-metadata.json}: for
 * each file, every column with its name, datatype and meaning, which cells are blank and why, and the primary key. Tools
 * that understand CSVW (csvw-check, csvwlib, the ONS tooling) read the CSVs with it; people read it as a dictionary.
 */
final class CsvwMetadata {
    static final String FILE_NAME = "csv-metadata.json";
    /** Sorted, as every map here is, so that two releases of the same data write the same bytes. */
    private static final Map<String, String> NOTE_CODE_DATATYPE = new TreeMap<>(Map.of("base", "string", "format",
            "\\[c\\]|\\[z\\]|\\[x\\]|\\[r\\]"));
    /** Blank cells are CSVW's default null, so value and note_code need no {@code null} property. */
    private static final String NOTE_CODE = "Why value is blank: [c] confidential (a small number, or a figure that "
            + "would let one be worked out; see docs/measures.md), [z] not applicable (a rate over zero), [x] not "
            + "available; beside a value, [r] revised: it differs from the previous release's. Blank otherwise.";

    /** One column: its name, CSVW datatype and meaning. */
    record Column(String name, Object datatype, String description) {
    }

    static final List<Column> AGGREGATES = List.of(
            new Column("measure", "string", "Family of measures: take_up, refusal_reasons, response_time, "
                    + "referral_sources"),
            new Column("statistic", "string", "What is counted or computed, defined in docs/measures.md"),
            new Column("geography_level", "string", "wales, region or authority"),
            new Column("geography_code", "string", "ONS code for Wales (W92000004) and authorities (W06...), or the "
                    + "advocacy region's code"),
            new Column("geography_name", "string", "English name of the geography"),
            new Column("period_type", "string", "financial_year or quarter"),
            new Column("period", "string", "2024-25 (1 April to 31 March) or 2024-25 Q1 (April to June), by offer date"),
            new Column("eligibility_route", "string", "looked_after, child_protection, care_and_support, or all"),
            new Column("stage", "string", "For refusal_reasons: offer or meeting; blank otherwise"),
            new Column("category", "string", "Refusal reason, referral source or response-time interval; all for a "
                    + "stage's total refusals; blank otherwise"),
            new Column("value", "number", "The figure: a count, a rate or share between 0 and 1 (4 decimal places), "
                    + "or working days. Blank when not published, with the reason in note_code"),
            new Column("note_code", NOTE_CODE_DATATYPE, NOTE_CODE));

    static final List<Column> COVERAGE = List.of(
            new Column("authority_code", "string", "ONS code of the local authority"),
            new Column("authority_name", "string", "English name of the local authority"),
            new Column("quarter", "string", "Financial quarter, from the first to the last that any authority sent"),
            new Column("records_received", "boolean", "true when the release holds at least one current record of "
                    + "the authority's offers in the quarter; false means missing"));

    static final List<Column> DATA_QUALITY = List.of(
            new Column("authority_code", "string", "ONS code of the local authority"),
            new Column("authority_name", "string", "English name of the local authority"),
            new Column("indicator", "string", "percent_complete_<field>: percentage of the authority's current records "
                    + "that should have the field and do; rows_breaking_<rule id>: rows of its current submissions, "
                    + "kept or rejected, that broke the rule of the national recording template with that id"),
            new Column("value", "integer", "The percentage or the count. Blank when not published, with the reason in "
                    + "note_code"),
            new Column("note_code", NOTE_CODE_DATATYPE, NOTE_CODE));

    static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }

    private CsvwMetadata() {
    }

    /** How the public figures are protected, and why their totals do not all add up. */
    static String perturbationNote(int maxPerturbation) {
        return "Counts are perturbed by the cell key method. Each authority's count for one "
                + "quarter and one eligibility route is moved by at most " + maxPerturbation + " (a zero stays 0, "
                + "and 1 and 2 are never published); every published count is the sum of those, so an area, year or "
                + "all routes adds up exactly to its parts as published, and differs from the true count by at most "
                + maxPerturbation + " times the number of authority quarters and routes in it. Counts broken down by "
                + "category are perturbed apart from their totals, so referral sources need not add up to offers, "
                + "reasons to a stage's refusals, within and beyond the target to the times measured, or advocacy "
                + "taken up and refusals at the meeting to meetings held. Rates and shares are worked from the "
                + "published counts and are at most 1.";
    }

    static void write(Path file, int maxPerturbation) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("@context", "http://www.w3.org/ns/csvw");
        group.put("dc:title", "The Active Offer of independent professional advocacy: national dataset");
        group.put("dc:license", "See the release notes of the Welsh Government");
        group.put("tables", List.of(
                table("aggregates.csv", "Take-up, refusal reasons, response times and referral sources (one row "
                        + "per figure; stage and category are blank where they do not apply). "
                        + perturbationNote(maxPerturbation), AGGREGATES, List.of()),
                table(QualityCsv.COVERAGE, "Coverage: quarters each authority has sent records for", COVERAGE,
                        List.of("authority_code", "quarter")),
                table(QualityCsv.DATA_QUALITY, "Data quality by authority", DATA_QUALITY,
                        List.of("authority_code", "indicator"))));
        try {
            Files.writeString(file, ReleaseFolder.JSON.writeValueAsString(group) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static Map<String, Object> table(String url, String title, List<Column> columns, List<String> key) {
        List<Map<String, Object>> described = new ArrayList<>();
        for (Column column : columns) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", column.name());
            c.put("titles", column.name());
            c.put("datatype", column.datatype());
            c.put("dc:description", column.description());
            described.add(c);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("columns", described);
        if (!key.isEmpty()) {
            schema.put("primaryKey", key);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("url", url);
        table.put("dc:title", title);
        table.put("dialect", new TreeMap<>(Map.of("encoding", "utf-8", "header", true)));
        table.put("tableSchema", schema);
        return table;
    }
}
