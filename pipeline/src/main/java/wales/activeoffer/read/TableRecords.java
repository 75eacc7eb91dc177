package wales.activeoffer.read;

import wales.activeoffer.wording.Wording;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import wales.activeoffer.mapping.HeaderMatch;
import wales.activeoffer.mapping.HeaderMatcher;
import wales.activeoffer.mapping.SourceMapping;
import org.apache.poi.ss.util.CellReference;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.normalise.SourceRow.Origin;
import wales.activeoffer.template.Text;

/**
 * Offers laid out as a table: on each sheet, the heading row is searched for in the first rows (title rows above it
 * are passed over; with {@code headerRows: 2} the heading may be split over two rows, the upper one merged across
 * groups of columns); below it every non-blank row is an offer, until a row that starts with an end marker ("Total",
 * "Notes", "Cyfanswm"...). A sheet with no heading row is not read, and the notes say so. Below the heading, a row
 * that repeats it (a printed export repeats it on every page), or whose first text matches one of the mapping's
 * {@code pageTitles}, is not data: it is passed over, and the notes give its row number.
 */
final class TableRecords implements SourceRecords {
    private enum State { SEARCHING, READING, DONE }

    private final TabularSource source;
    private final SourceMapping mapping;
    private final HeaderMatcher matcher;
    private final Map<String, String> fileValues;
    private final List<String> notes = new ArrayList<>();
    private final Wording words;
    private String sheet;
    private State state;
    private int rowsSearched;
    private RawRow previous;
    private Map<Integer, String> fieldByColumn;
    private Map<Integer, String> headings;
    private Map<String, Map<Integer, String>> groups = Map.of();
    private final Deque<SourceRow> pending = new ArrayDeque<>();

    TableRecords(TabularSource source, SourceMapping mapping, HeaderMatcher matcher, Map<String, String> fileValues) {
        this.words = Wording.in(mapping.language());
        this.source = source;
        this.mapping = mapping;
        this.matcher = matcher;
        this.fileValues = Map.copyOf(fileValues);
    }

    @Override
    public SourceRow next() {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        for (RawRow row = source.next(); row != null; row = source.next()) {
            if (!row.sheet().equals(sheet) || state == null) {
                finishSheet();
                startSheet(row.sheet());
            }
            switch (state) {
                case SEARCHING -> search(row);
                case READING -> {
                    if (isEndMarker(row)) {
                        note(words.text("note.stopped", row.rowNumber(), firstText(row)));
                        state = State.DONE;
                    } else if (repeatsTheHeading(row)) {
                        note(words.text("note.repeatsHeading", row.rowNumber()));
                    } else if (isPageTitle(row)) {
                        note(words.text("note.pageTitle", row.rowNumber(), firstText(row)));
                    } else if (!isEmptyInMappedColumns(row)) {
                        pending.addAll(toSourceRows(row));
                        if (!pending.isEmpty()) {
                            return pending.poll();
                        }
                        note(words.text("note.emptyGroups", row.rowNumber(),
                                String.join(", ", mapping.groups().each())));
                    }
                }
                case DONE -> { }
            }
        }
        finishSheet();
        return null;
    }

    private void startSheet(String name) {
        sheet = name;
        state = State.SEARCHING;
        rowsSearched = 0;
        previous = null;
        fieldByColumn = null;
        groups = Map.of();
    }

    private void finishSheet() {
        if (state == State.SEARCHING && sheet != null) {
            note(words.text("note.noHeading", mapping.headerSearchRows()));
            state = State.DONE;
        }
    }

    private void search(RawRow row) {
        rowsSearched++;
        Optional<HeaderMatch> match = headingOf(mapping, matcher, previous, row);
        if (match.isPresent()) {
            refuseRepeatedHeadings(match.get(), row);
            fieldByColumn = match.get().fieldByColumn();
            headings = match.get().headings();
            groups = match.get().groups();
            state = State.READING;
        } else if (rowsSearched >= mapping.headerSearchRows()) {
            finishSheet();
        }
        previous = row;
    }

    /**
     * A mapped heading in two columns would be read from the first alone, and the others' values lost without a word:
     * unless the mapping says to read the first, the file is refused, naming the heading and its columns.
     */
    private void refuseRepeatedHeadings(HeaderMatch match, RawRow row) {
        if (match.repeated().isEmpty() || "first".equals(mapping.repeatedHeadings())) {
            return;
        }
        Map.Entry<String, List<Integer>> first = match.repeated().entrySet().stream()
                .min(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.get(0), b.get(0)))).orElseThrow();
        List<String> letters = first.getValue().stream().map(CellReference::convertNumToColString).toList();
        String heading = match.headings().get(first.getValue().get(0));
        String detail = words.text("refusal.repeatedHeading", heading,
                String.join(", ", letters.subList(0, letters.size() - 1)), letters.get(letters.size() - 1),
                row.rowNumber(), heading + " 1", heading + " 2");
        throw new UnreadableFileException("AO-F02", sheet.isEmpty() ? detail
                : words.text("note.inSheet", sheet, detail));
    }

    /** The heading a row gives, alone or (for two-row headings) under the row above it. */
    static Optional<HeaderMatch> headingOf(SourceMapping mapping, HeaderMatcher matcher, RawRow above, RawRow row) {
        Optional<HeaderMatch> single = matcher.match(mapping, row.cells());
        if (single.isPresent() || mapping.headerRows() < 2 || above == null) {
            return single;
        }
        return matcher.match(mapping, combined(above, row));
    }

    /** Upper cells carried right across merged (blank) cells, joined to the cell below: "Dates" + "Offer". */
    static List<String> combined(RawRow upper, RawRow lower) {
        List<String> cells = new ArrayList<>();
        String group = "";
        for (int column = 0; column < Math.max(upper.cells().size(), lower.cells().size()); column++) {
            String above = upper.cell(column).trim();
            group = above.isEmpty() ? group : above;
            String below = lower.cell(column).trim();
            cells.add(below.isEmpty() ? group : (group + " " + below).trim());
        }
        return cells;
    }

    private boolean isEndMarker(RawRow row) {
        String first = Text.fold(firstText(row));
        return !first.isEmpty() && mapping.allEndMarkers().stream().map(Text::fold)
                .anyMatch(marker -> first.equals(marker) || first.startsWith(marker + " "));
    }

    /** Whether the row holds, in every mapped column, that column's own heading. */
    private boolean repeatsTheHeading(RawRow row) {
        return fieldByColumn.keySet().stream().allMatch(column -> !row.cell(column).isBlank()
                && Text.fold(row.cell(column)).equals(Text.fold(headings.get(column))));
    }

    private boolean isPageTitle(RawRow row) {
        String first = firstText(row);
        return !first.isEmpty() && mapping.pageTitles().stream().anyMatch(pattern -> SheetSelection.matches(pattern,
                first));
    }

    private static String firstText(RawRow row) {
        return row.cells().stream().filter(c -> c != null && !c.isBlank()).findFirst().orElse("").trim();
    }

    private boolean isEmptyInMappedColumns(RawRow row) {
        return fieldByColumn.keySet().stream().allMatch(column -> row.cell(column).isBlank());
    }

    /**
     * The records of a row: the row itself, or, for a layout with repeated column groups, one per group with something
     * in it, each with the row's own fields. An empty group is not a record.
     */
    private List<SourceRow> toSourceRows(RawRow row) {
        Map<String, String> values = new HashMap<>(fileValues);
        Map<String, Origin> origins = new HashMap<>();
        fieldByColumn.forEach((column, field) -> {
            if (groups.values().stream().noneMatch(group -> group.containsKey(column))) {
                put(row, column, field, values, origins);
            }
        });
        if (groups.isEmpty()) {
            return List.of(new SourceRow(row.sheet(), row.rowNumber(), values, origins));
        }
        List<SourceRow> records = new ArrayList<>();
        for (Map<Integer, String> group : groups.values()) {
            if (group.keySet().stream().allMatch(column -> row.cell(column).isBlank())) {
                continue;
            }
            Map<String, String> groupValues = new HashMap<>(values);
            Map<String, Origin> groupOrigins = new HashMap<>(origins);
            group.forEach((column, field) -> put(row, column, field, groupValues, groupOrigins));
            records.add(new SourceRow(row.sheet(), row.rowNumber(), groupValues, groupOrigins));
        }
        return records;
    }

    private void put(RawRow row, int column, String field, Map<String, String> values, Map<String, Origin> origins) {
        values.put(field, row.cell(column));
        origins.put(field, new Origin(headings.get(column), CellReference.convertNumToColString(column)
                + row.rowNumber()));
    }

    /** A note for the receipt, in the layout's language, naming the sheet when there is one. */
    private void note(String text) {
        notes.add(sheet.isEmpty() ? text : words.text("note.inSheet", sheet, text));
    }

    private String where() {
        return sheet.isEmpty() ? "" : "Sheet '" + sheet + "': ";
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
