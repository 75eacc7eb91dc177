package wales.activeoffer.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How one source layout maps onto the template: read from one YAML file in {@code mappings/layouts/}.
 * See {@code mappings/README.md} for the format; {@link MappingCatalogue} checks every key.
 *
 * @param format           {@code csv}, {@code xlsx} or {@code xls}
 * @param layout           {@code table} (a heading row, one row per offer) or {@code form} (a manual recording sheet)
 * @param delimiter        CSV only: the field separator, or {@code auto} (default) to detect {@code , ; tab |}
 * @param encoding         CSV only: the character set, or {@code auto} (default) to detect UTF-8, UTF-16 or
 *                         Windows-1252; a byte-order mark always wins
 * @param sheets           workbook sheets to read, as name patterns ({@code *} and {@code ?} wildcards); default
 *                         every visible sheet. A hidden sheet is read only when a pattern without wildcards names it
 * @param headerSearchRows how many rows from the top of each sheet to search for the heading row (default 20)
 * @param headerRows       1, or 2 for headings split over two rows (merged group cells above, names below)
 * @param endMarkers       extra words that, first in a row, end the data of a sheet (totals, notes); the defaults
 *                         are in {@link #DEFAULT_END_MARKERS}
 * @param pageTitles       patterns ({@code *} wildcards) for the title lines a printed export repeats at the top of
 *                         every page ("Active Offer report*", "Page * of *"): a row whose first text matches one is
 *                         not data, wherever it is. A row repeating the heading row is never data either
 * @param groups           repeated column groups (one row per child, several offers across it): {@code each} lists
 *                         the groups' numbers or names, and {@code columns} the template fields of a group with the
 *                         headings that carry them, {@code {n}} standing for the group's number or name ("Offer {n}
 *                         date"). Each group with something in it is one record, with the row's own {@code columns}
 * @param repeatedHeadings what to do when a mapped heading is in more than one column: {@code refuse} (default: the
 *                         file is refused, saying which heading and columns) or {@code first} (read the first)
 * @param columns          template field to the headings this layout uses for it
 * @param authorityFrom    where the authority comes from: {@code column} (default), {@code fileName} (the
 *                         {@code authority} group of {@code fileNamePattern}, or without a pattern any words of the
 *                         file name that name an authority) or {@code folder} (a sub-folder of the region's inbox
 *                         named after the authority); the other of file name and folder is tried when the first says
 *                         nothing
 * @param authority        {@code {fixed: <ONS code>}}: every record of this layout is for that authority
 * @param fileNamePattern  a regular expression for the file name with named groups {@code authority} and/or
 *                         {@code period}: a hint that breaks ties between layouts and gives the period; required to
 *                         match when the authority comes from the file name
 * @param dateFormats      {@code java.time} patterns tried in order after ISO dates
 * @param excelSerialDates whether a bare number in a date column is an Excel date serial
 * @param values           template field to code to extra spellings this layout uses
 * @param form             for {@code layout: form}: where each field's value is found on the sheet
 * @param language         the language of the layout's headings, {@code en} (default) or {@code cy}; receipts for its
 *                         files are written in it
 */
public record SourceMapping(
        String id,
        String description,
        String format,
        String layout,
        String delimiter,
        String encoding,
        List<String> sheets,
        @JsonProperty("headerSearchRows") Integer headerSearchRows,
        @JsonProperty("headerRows") Integer headerRows,
        @JsonProperty("endMarkers") List<String> endMarkers,
        @JsonProperty("pageTitles") List<String> pageTitles,
        @JsonProperty("repeatedHeadings") String repeatedHeadings,
        GroupSpec groups,
        Map<String, List<String>> columns,
        @JsonProperty("authorityFrom") String authorityFrom,
        @JsonProperty("fileNamePattern") String fileNamePattern,
        @JsonProperty("dateFormats") List<String> dateFormats,
        @JsonProperty("excelSerialDates") Boolean excelSerialDates,
        Map<String, Map<String, List<String>>> values,
        FormSpec form,
        String language,
        AuthoritySpec authority) {

    public static final List<String> DEFAULT_END_MARKERS = List.of("total", "totals", "grand total", "notes", "note",
            "cyfanswm", "nodiadau", "nodyn");

    public SourceMapping {
        layout = layout == null ? "table" : layout;
        delimiter = delimiter == null ? "auto" : delimiter;
        encoding = encoding == null ? "auto" : encoding;
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
        headerSearchRows = headerSearchRows == null ? 20 : headerSearchRows;
        headerRows = headerRows == null ? 1 : headerRows;
        endMarkers = endMarkers == null ? List.of() : List.copyOf(endMarkers);
        pageTitles = pageTitles == null ? List.of() : List.copyOf(pageTitles);
        repeatedHeadings = repeatedHeadings == null ? "refuse" : repeatedHeadings;
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        authorityFrom = authorityFrom == null ? "column" : authorityFrom;
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
        excelSerialDates = Boolean.TRUE.equals(excelSerialDates);
        values = values == null ? Map.of() : Map.copyOf(values);
        language = language == null ? "en" : language;
    }

    /** A mapping with only the keys a table layout needs; the rest take their defaults. */
    public static SourceMapping table(String id, String format, Map<String, List<String>> columns,
            List<String> dateFormats) {
        return new SourceMapping(id, id, format, null, null, null, null, null, null, null, null, null, null, columns,
                null, null,
                dateFormats, null, null, null, null, null);
    }

    /** Template fields this layout takes from outside its rows (the file name or folder), not from a column. */
    public Set<String> fieldsFromFile() {
        return "column".equals(authorityFrom) && fixedAuthority() == null ? Set.of()
                : Set.of("authority");
    }

    /** The authority every record of this layout is for, when the mapping fixes it; otherwise {@code null}. */
    public String fixedAuthority() {
        return authority == null ? null : authority.fixed();
    }

    /**
     * Repeated column groups: {@code each} group's number or name, and each group field's headings with {@code {n}}
     * for it.
     */
    public record GroupSpec(List<String> each, Map<String, List<String>> columns) {
        public static final String PLACEHOLDER = "{n}";

        public GroupSpec {
            each = each == null ? List.of() : List.copyOf(each);
            columns = columns == null ? Map.of() : Map.copyOf(columns);
        }

        /** The headings of one group's field: its headings with {@code {n}} made the group's number or name. */
        public List<String> headings(String field, String group) {
            return columns.getOrDefault(field, List.of()).stream().map(h -> h.replace(PLACEHOLDER, group)).toList();
        }
    }

    /** {@code authority: {fixed: W06000013}}: the ONS code (or name) of the one authority this layout is for. */
    public record AuthoritySpec(String fixed) {
    }

    /**
     * The layout's name for a regional lead: its description up to any details in brackets ("NYAS Cymru referrals log
     * export"), or its id where it has no description.
     */
    public String name() {
        if (description == null || description.isBlank()) {
            return id;
        }
        int details = description.indexOf(" (");
        return (details > 0 ? description.substring(0, details) : description).strip();
    }

    public boolean isForm() {
        return "form".equals(layout);
    }

    /** Whether the layout's files can hold the template field: as a column, a column of its groups, or a form field. */
    public boolean reads(String field) {
        return columns != null && columns.containsKey(field)
                || groups != null && groups.columns() != null && groups.columns().containsKey(field)
                || form != null && form.fields().containsKey(field);
    }

    public Map<String, List<String>> valueSynonyms(String field) {
        return values.getOrDefault(field, Map.of());
    }

    /** Every end marker: the defaults and this layout's own. */
    public List<String> allEndMarkers() {
        return Stream.concat(DEFAULT_END_MARKERS.stream(), endMarkers.stream()).toList();
    }

    /**
     * A manual recording sheet: one child per sheet, or repeated blocks on a sheet.
     *
     * @param blockStart labels that begin each child's block; without it the whole sheet is one block
     * @param maxRows    rows of one sheet held in memory at once (default 500, at most 5,000)
     * @param fields     template field to where its value is
     */
    public record FormSpec(@JsonProperty("blockStart") List<String> blockStart,
            @JsonProperty("maxRows") Integer maxRows, Map<String, FormField> fields) {
        public FormSpec {
            blockStart = blockStart == null ? List.of() : List.copyOf(blockStart);
            maxRows = maxRows == null ? 500 : maxRows;
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /**
     * Where one field is on a form.
     *
     * @param labels    the label texts next to the value
     * @param value     {@code right} (default: the first filled cell to the right of the label, within three cells)
     *                  or {@code below}
     * @param offset    the value is exactly this many cells right of (or below) its label
     * @param column    the value is in this column (a letter, {@code D}) of its label's row
     * @param ticks     for tick-box answers: template code to the labels of its box; the ticked box gives the code
     * @param questions for a code asked as yes/no questions: template code to the labels of the question whose "yes"
     *                  gives it
     * @param several   what several "yes" answers (or ticked boxes) give: {@code none} (default: a value no code list
     *                  knows, so the field's rule reports it) or {@code first} (the first in the mapping's order)
     */
    public record FormField(List<String> labels, String value, Integer offset, String column,
            Map<String, List<String>> ticks, Map<String, List<String>> questions, String several) {
        public FormField {
            labels = labels == null ? List.of() : List.copyOf(labels);
            value = value == null ? "right" : value;
            ticks = ticks == null ? Map.of() : new LinkedHashMap<>(ticks);
            questions = questions == null ? Map.of() : new LinkedHashMap<>(questions);
            several = several == null ? "none" : several;
        }
    }
}
