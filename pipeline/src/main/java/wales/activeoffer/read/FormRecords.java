package wales.activeoffer.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.mapping.SourceMapping.FormField;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.template.Text;

/**
 * Offers on manual recording sheets: form-like sheets where each value sits beside (or below) its label and answers
 * are tick boxes, ticked by a mark (☒ ☑ ✓ ✔ X) in the box's own cell or in the cell just before its label. One child per sheet, or several children in repeated blocks that each begin with a block-start
 * label. A one-child sheet is held in memory while it is read, up to the mapping's {@code form.maxRows}; a sheet of
 * blocks is read block by block, so that only one block (up to {@code form.maxRows} rows) is held at a time, however
 * many children the sheet has.
 */
final class FormRecords implements SourceRecords {
    /** Marks that tick a box, in the box's own cell ("☒ Declined") or in the cell beside its label. */
    static final Set<String> TICKED = Set.of("☒", "☑", "✓", "✔", "x");
    private static final String BOX_MARKS = "☐☒☑✓✔";
    private static final int MAX_ROWS_LIMIT = 5_000;
    private static final int VALUE_REACH = 3;

    private final TabularSource source;
    private final SourceMapping mapping;
    private final Map<String, String> fileValues;
    private final Set<String> everyLabel;
    private final List<String> notes = new ArrayList<>();
    private final List<SourceRow> pending = new ArrayList<>();
    private RawRow lookahead;
    private boolean exhausted;
    private String currentSheet;
    private int offersInSheet;

    FormRecords(TabularSource source, SourceMapping mapping, Map<String, String> fileValues) {
        this.source = source;
        this.mapping = mapping;
        this.fileValues = Map.copyOf(fileValues);
        this.everyLabel = mapping.form().fields().values().stream()
                .flatMap(f -> java.util.stream.Stream.concat(f.labels().stream(),
                        f.ticks().values().stream().flatMap(List::stream)))
                .map(Text::fold).collect(Collectors.toSet());
    }

    @Override
    public SourceRow next() {
        while (pending.isEmpty() && !exhausted) {
            if (mapping.form().blockStart().isEmpty()) {
                List<RawRow> sheet = nextSheet();
                if (sheet.isEmpty()) {
                    exhausted = true;
                } else {
                    pending.addAll(readSheet(sheet));
                }
            } else {
                List<RawRow> block = nextBlock();
                if (block == null) {
                    exhausted = true;
                    sheetEnded();
                } else {
                    List<SourceRow> offers = read(List.of(block));
                    offersInSheet += offers.size();
                    pending.addAll(offers);
                }
            }
        }
        return pending.isEmpty() ? null : pending.remove(0);
    }

    /** The next block of rows that begins with a block-start label, or {@code null} at the end of the file. */
    private List<RawRow> nextBlock() {
        List<String> starts = mapping.form().blockStart().stream().map(Text::fold).toList();
        int limit = Math.min(mapping.form().maxRows(), MAX_ROWS_LIMIT);
        RawRow row = lookahead != null ? lookahead : source.next();
        lookahead = null;
        List<RawRow> block = null;
        while (row != null) {
            if (!row.sheet().equals(currentSheet)) {
                if (block != null) {
                    lookahead = row;
                    return block;
                }
                sheetEnded();
                currentSheet = row.sheet();
            }
            if (row.cells().stream().map(FormRecords::label).anyMatch(starts::contains)) {
                if (block != null) {
                    lookahead = row;
                    return block;
                }
                block = new ArrayList<>();
            }
            if (block != null) {
                if (block.size() >= limit) {
                    throw new UnreadableFileException("AO-F03", "a child's block on sheet '" + row.sheet()
                            + "' (from row " + block.get(0).rowNumber() + ") is longer than the " + limit
                            + " rows a recording form's block may have");
                }
                block.add(row);
            }
            row = source.next();
        }
        return block;
    }

    private void sheetEnded() {
        if (currentSheet != null && offersInSheet == 0) {
            notes.add(notRead(currentSheet));
        }
        offersInSheet = 0;
    }

    private static String notRead(String sheet) {
        return "Sheet '" + sheet + "': none of the form's labels were found, so it was not read.";
    }

    private List<RawRow> nextSheet() {
        List<RawRow> rows = new ArrayList<>();
        RawRow row = lookahead != null ? lookahead : source.next();
        lookahead = null;
        int limit = Math.min(mapping.form().maxRows(), MAX_ROWS_LIMIT);
        while (row != null) {
            if (!rows.isEmpty() && !row.sheet().equals(rows.get(0).sheet())) {
                lookahead = row;
                break;
            }
            if (rows.size() >= limit) {
                throw new UnreadableFileException("AO-F03", "sheet '" + row.sheet() + "' is longer than the "
                        + limit + " rows a recording form may have");
            }
            rows.add(row);
            row = source.next();
        }
        return rows;
    }

    private List<SourceRow> readSheet(List<RawRow> rows) {
        List<SourceRow> offers = read(List.of(rows));
        if (offers.isEmpty()) {
            notes.add(notRead(rows.get(0).sheet()));
        }
        return offers;
    }

    private List<SourceRow> read(List<List<RawRow>> blocks) {
        List<SourceRow> offers = new ArrayList<>();
        for (List<RawRow> block : blocks) {
            Map<String, String> values = new HashMap<>(fileValues);
            List<List<String>> labels = block.stream().map(row -> row.cells().stream().map(FormRecords::label)
                    .toList()).toList();
            mapping.form().fields().forEach((field, spec) -> valueOf(block, labels, spec)
                    .ifPresent(v -> values.put(field, v)));
            boolean anyFormValue = mapping.form().fields().keySet().stream()
                    .anyMatch(field -> values.get(field) != null && !values.get(field).isBlank());
            if (anyFormValue) {
                offers.add(new SourceRow(block.get(0).sheet(), block.get(0).rowNumber(), values));
            }
        }
        return offers;
    }

    /** @param labels each cell of the block as a label ({@link #label}), worked out once per block */
    private Optional<String> valueOf(List<RawRow> block, List<List<String>> labels, FormField spec) {
        if (!spec.ticks().isEmpty()) {
            Set<String> everyOption = spec.ticks().values().stream().flatMap(List::stream).map(Text::fold)
                    .collect(Collectors.toSet());
            List<String> ticked = spec.ticks().entrySet().stream()
                    .filter(option -> isTicked(block, labels, option.getValue(), everyOption))
                    .map(Map.Entry::getKey).sorted().toList();
            return Optional.of(String.join(" + ", ticked));
        }
        List<String> wanted = spec.labels().stream().map(Text::fold).toList();
        for (int r = 0; r < block.size(); r++) {
            RawRow row = block.get(r);
            for (int c = 0; c < row.cells().size(); c++) {
                if (wanted.contains(labels.get(r).get(c))) {
                    return Optional.of("below".equals(spec.value()) ? below(block, r, c) : rightOf(row, c));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first filled cell to the right of a label, within {@link #VALUE_REACH} cells (labels often span merged
     * cells); another label on the way means the value was left blank.
     */
    private String rightOf(RawRow row, int column) {
        for (int c = column + 1; c <= column + VALUE_REACH && c < row.cells().size(); c++) {
            String cell = row.cell(c);
            if (everyLabel.contains(label(cell))) {
                return "";
            }
            if (!cell.isBlank()) {
                return cell;
            }
        }
        return "";
    }

    /** The cell directly below a label (an empty row is not in the block at all), unless it is itself a label. */
    private String below(List<RawRow> block, int rowIndex, int column) {
        if (rowIndex + 1 >= block.size()
                || block.get(rowIndex + 1).rowNumber() != block.get(rowIndex).rowNumber() + 1) {
            return "";
        }
        String cell = block.get(rowIndex + 1).cell(column);
        return everyLabel.contains(label(cell)) ? "" : cell;
    }

    /** A box is ticked by a mark in its own cell ("☒ Declined"), or by a mark in the cell just before its label. */
    private static boolean isTicked(List<RawRow> block, List<List<String>> labels, List<String> optionLabels,
            Set<String> everyOption) {
        Set<String> wanted = optionLabels.stream().map(Text::fold).collect(Collectors.toSet());
        for (int r = 0; r < block.size(); r++) {
            RawRow row = block.get(r);
            for (int c = 0; c < row.cells().size(); c++) {
                String cell = row.cell(c).trim();
                if (!wanted.contains(labels.get(r).get(c))) {
                    continue;
                }
                if (!cell.isEmpty() && BOX_MARKS.indexOf(cell.charAt(0)) >= 0) {
                    return cell.charAt(0) != '☐';
                }
                if (c > 0 && isTickMark(row.cell(c - 1), everyOption)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTickMark(String cell, Set<String> everyOption) {
        return TICKED.contains(cell.trim().toLowerCase(java.util.Locale.ROOT)) && !everyOption.contains(label(cell));
    }

    /** A cell's text as a label: without a leading tick box and a trailing colon, folded. */
    static String label(String cell) {
        String text = cell.trim();
        while (!text.isEmpty() && BOX_MARKS.indexOf(text.charAt(0)) >= 0) {
            text = text.substring(1).trim();
        }
        return Text.fold(text);
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
