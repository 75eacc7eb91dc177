package wales.activeoffer.read;

import wales.activeoffer.wording.Wording;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.util.CellReference;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.mapping.SourceMapping.FormField;
import wales.activeoffer.normalise.SourceRow;
import wales.activeoffer.normalise.SourceRow.Origin;
import wales.activeoffer.template.CodeList;
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
    private static final Pattern BOX = Pattern.compile("([☐☒☑✓✔])\\s*([^☐☒☑✓✔]*)");

    private final TabularSource source;
    private final SourceMapping mapping;
    private final Map<String, String> fileValues;
    private final Set<String> everyLabel;
    private final CodeList yesNo;
    private final List<String> notes = new ArrayList<>();
    private final Wording words;
    private final List<SourceRow> pending = new ArrayList<>();
    private final Map<List<String>, List<String>> foldedLabels = new IdentityHashMap<>();
    private final Map<FormField, Set<String>> everyOption = new IdentityHashMap<>();
    private RawRow lookahead;
    private boolean exhausted;
    private String currentSheet;
    private int offersInSheet;

    /** The most rows of one sheet (or one block) a mapping's form may have. */
    static int rowLimit(SourceMapping mapping) {
        return Math.min(mapping.form().maxRows(), MAX_ROWS_LIMIT);
    }

    FormRecords(TabularSource source, SourceMapping mapping, Map<String, String> fileValues, CodeList yesNo) {
        this.words = Wording.in(mapping.language());
        this.source = source;
        this.yesNo = yesNo;
        this.mapping = mapping;
        this.fileValues = Map.copyOf(fileValues);
        this.everyLabel = mapping.form().fields().values().stream()
                .flatMap(f -> Stream.of(f.labels().stream(), f.ticks().values().stream().flatMap(List::stream),
                        f.questions().values().stream().flatMap(List::stream)).flatMap(labels -> labels))
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
                    throw new UnreadableFileException("AO-F03", words.text("refusal.formBlockTooLong", row.sheet(),
                            block.get(0).rowNumber(), limit));
                }
                block.add(row);
            }
            row = source.next();
        }
        return block;
    }

    private void sheetEnded() {
        if (currentSheet != null && offersInSheet == 0) {
            notes.add(words.text("note.formNotRead", currentSheet));
        }
        offersInSheet = 0;
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
                throw new UnreadableFileException("AO-F03", words.text("refusal.formSheetTooLong", row.sheet(),
                        limit));
            }
            rows.add(row);
            row = source.next();
        }
        return rows;
    }

    private List<SourceRow> readSheet(List<RawRow> rows) {
        List<SourceRow> offers = read(List.of(rows));
        if (offers.isEmpty()) {
            notes.add(words.text("note.formNotRead", rows.get(0).sheet()));
        }
        return offers;
    }

    private List<SourceRow> read(List<List<RawRow>> blocks) {
        List<SourceRow> offers = new ArrayList<>();
        for (List<RawRow> rows : blocks) {
            Block block = new Block(rows);
            Map<String, String> values = new HashMap<>(fileValues);
            Map<String, Origin> origins = new HashMap<>();
            mapping.form().fields().forEach((field, spec) -> valueOf(block, spec).ifPresent(found -> {
                values.put(field, found.value());
                origins.put(field, found.origin());
            }));
            boolean anyFormValue = mapping.form().fields().keySet().stream()
                    .anyMatch(field -> values.get(field) != null && !values.get(field).isBlank());
            if (anyFormValue) {
                offers.add(new SourceRow(rows.get(0).sheet(), rows.get(0).rowNumber(), values, origins));
            }
        }
        return offers;
    }

    /** A mapping's labels, folded ({@link Text#fold}) once for the whole file. */
    private List<String> folded(List<String> labels) {
        return foldedLabels.computeIfAbsent(labels, l -> l.stream().map(Text::fold).toList());
    }

    /** Every option label of a field's tick boxes, folded once for the whole file. */
    private Set<String> everyOption(FormField spec) {
        return everyOption.computeIfAbsent(spec, s -> s.ticks().values().stream().flatMap(List::stream)
                .map(Text::fold).collect(Collectors.toSet()));
    }

    /**
     * One block of a form (or a whole one-child sheet) with its cells' labels worked out once, and indexed: where each
     * label is, and where each tick box inside a cell of boxes ("☒ Yes ☐ No") is, in reading order (row by row, left
     * to right). Finding a field's label is then a look-up rather than a walk over every cell.
     */
    private static final class Block {
        final List<RawRow> rows;
        final List<List<String>> labels;
        final Map<String, List<At>> cellsByLabel = new HashMap<>();
        final Map<String, List<BoxAt>> boxesByLabel = new HashMap<>();

        Block(List<RawRow> rows) {
            this.rows = rows;
            this.labels = rows.stream().map(row -> row.cells().stream().map(FormRecords::label).toList()).toList();
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r).cells();
                for (int c = 0; c < cells.size(); c++) {
                    cellsByLabel.computeIfAbsent(labels.get(r).get(c), l -> new ArrayList<>()).add(new At(r, c));
                    String cell = cells.get(c).trim();
                    if (!cell.isEmpty() && BOX_MARKS.indexOf(cell.charAt(0)) >= 0) {
                        Matcher box = BOX.matcher(cell);
                        for (int k = 0; box.find(); k++) {
                            boxesByLabel.computeIfAbsent(Text.fold(box.group(2)), l -> new ArrayList<>())
                                    .add(new BoxAt(r, c, k, !"☐".equals(box.group(1))));
                        }
                    }
                }
            }
        }

        List<At> cellsLabelled(String label) {
            return cellsByLabel.getOrDefault(label, List.of());
        }

        List<BoxAt> boxesLabelled(String label) {
            return boxesByLabel.getOrDefault(label, List.of());
        }
    }

    /** A tick box inside a cell of boxes: the cell, the box's place in it, and whether it is ticked. */
    private record BoxAt(int row, int column, int box, boolean ticked) {
        boolean before(int r, int c, int k) {
            return row != r ? row < r : column != c ? column < c : box < k;
        }
    }

    /** A value found on a form, and where: the label the form gives it and the cell it is in. */
    private record Found(String value, Origin origin) {
    }

    private Optional<Found> valueOf(Block block, FormField spec) {
        if (!spec.questions().isEmpty()) {
            return answerOfQuestions(block, spec);
        }
        if (!spec.ticks().isEmpty()) {
            Set<String> everyOption = everyOption(spec);
            List<Map.Entry<String, List<String>>> ticked = spec.ticks().entrySet().stream()
                    .filter(option -> isTicked(block, folded(option.getValue()), everyOption)).toList();
            Origin origin = spec.ticks().values().stream().map(option -> find(block, folded(option)))
                    .flatMap(Optional::stream).findFirst().map(at -> optionsOrigin(block, at, everyOption))
                    .orElse(Origin.NONE);
            return Optional.of(new Found(several(spec, ticked), origin));
        }
        return find(block, folded(spec.labels())).map(at -> valueBeside(block.rows, at, spec));
    }

    /**
     * A code asked as yes/no questions ("Looked after? ☒ Yes ☐ No"): each question answered yes gives its code. None
     * answered yes leaves the field blank; several give what {@code several} says.
     */
    private Optional<Found> answerOfQuestions(Block block, FormField spec) {
        List<Map.Entry<String, List<String>>> yes = new ArrayList<>();
        Origin first = null;
        Origin firstYes = null;
        for (Map.Entry<String, List<String>> question : spec.questions().entrySet()) {
            Optional<Found> answer = find(block, folded(question.getValue()))
                    .map(at -> valueBeside(block.rows, at, spec));
            if (answer.isEmpty()) {
                continue;
            }
            first = first == null ? answer.get().origin() : first;
            if (yesNo.lookup(answer.get().value()).filter("yes"::equals).isPresent()) {
                yes.add(question);
                firstYes = firstYes == null ? answer.get().origin() : firstYes;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(new Found(several(spec, yes), firstYes == null ? first : firstYes));
    }

    /**
     * The code of the one answer given; with several, the first (when the mapping says {@code several: first}) or the
     * form's own labels of them all ("Looked after? + On the child protection register?"), which no code list knows,
     * so that the field's rule reports them in the lead's words.
     */
    private static String several(FormField spec, List<Map.Entry<String, List<String>>> answers) {
        if (answers.size() == 1 || answers.size() > 1 && "first".equals(spec.several())) {
            return answers.get(0).getKey();
        }
        return answers.stream().map(answer -> answer.getValue().get(0)).collect(Collectors.joining(" + "));
    }

    /** Where a label is: row index in the block, column index. */
    private record At(int row, int column) {
        boolean before(At other) {
            return row != other.row ? row < other.row : column < other.column;
        }
    }

    /** Where the first of the wanted (folded) labels is, in reading order. */
    private static Optional<At> find(Block block, List<String> wanted) {
        At first = null;
        for (String label : wanted) {
            List<At> places = block.cellsLabelled(label);
            if (!places.isEmpty() && (first == null || places.get(0).before(first))) {
                first = places.get(0);
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * The value of the label at {@code at}: in the mapping's column of its row, at its offset right of (or below) it,
     * the cell below it, or the first filled cell to its right. Tick boxes in the value's cell (or, to the right, in
     * the cells after it) give the ticked answer: "☒ Yes ☐ No" gives "Yes".
     */
    private Found valueBeside(List<RawRow> block, At at, FormField spec) {
        RawRow row = block.get(at.row());
        String heading = headingOf(row.cell(at.column()));
        if (spec.column() != null) {
            int column = CellReference.convertColStringToIndex(spec.column().toUpperCase(Locale.ROOT));
            return found(row, column, ticked(row, column), heading);
        }
        if ("below".equals(spec.value())) {
            int distance = spec.offset() == null ? 1 : spec.offset();
            RawRow target = rowAt(block, row.rowNumber() + distance);
            if (target == null) {
                return new Found("", new Origin(heading, reference(at.column(), row.rowNumber() + distance)));
            }
            String cell = target.cell(at.column());
            return found(target, at.column(), everyLabel.contains(label(cell)) ? "" : ticked(target, at.column()),
                    heading);
        }
        if (spec.offset() != null) {
            int column = at.column() + spec.offset();
            return found(row, column, ticked(row, column), heading);
        }
        for (int c = at.column() + 1; c <= at.column() + VALUE_REACH && c < row.cells().size(); c++) {
            String cell = row.cell(c);
            if (everyLabel.contains(label(cell))) {
                break;
            }
            if (!cell.isBlank()) {
                return found(row, c, ticked(row, c), heading);
            }
        }
        return new Found("", new Origin(heading, reference(at.column() + 1, row.rowNumber())));
    }

    private static Found found(RawRow row, int column, String value, String heading) {
        return new Found(value, new Origin(heading, reference(column, row.rowNumber())));
    }

    private static RawRow rowAt(List<RawRow> block, int rowNumber) {
        return block.stream().filter(r -> r.rowNumber() == rowNumber).findFirst().orElse(null);
    }

    /**
     * A value cell as an answer: its own text, or, when it holds tick boxes, the labels of the ticked ones, reading on
     * through the tick-box cells right after it ("☐ Yes" | "☒ No" gives "No"). No box ticked gives "".
     */
    private static String ticked(RawRow row, int column) {
        String cell = row.cell(column).trim();
        if (cell.isEmpty() || BOX_MARKS.indexOf(cell.charAt(0)) < 0) {
            return cell;
        }
        StringBuilder boxes = new StringBuilder(cell);
        for (int c = column + 1; c < row.cells().size(); c++) {
            String next = row.cell(c).trim();
            if (next.isEmpty() || BOX_MARKS.indexOf(next.charAt(0)) < 0) {
                break;
            }
            boxes.append(' ').append(next);
        }
        List<String> ticked = new ArrayList<>();
        Matcher box = BOX.matcher(boxes);
        while (box.find()) {
            if (!"☐".equals(box.group(1)) && !box.group(2).isBlank()) {
                ticked.add(box.group(2).strip());
            }
        }
        return String.join(" + ", ticked);
    }

    /** The form's own words for a set of tick boxes: the label before the first box, or the box's label. */
    private Origin optionsOrigin(Block block, At at, Set<String> everyOption) {
        RawRow row = block.rows.get(at.row());
        String before = at.column() > 0 ? row.cell(at.column() - 1) : "";
        boolean labelBefore = !before.isBlank()
                && !everyOption.contains(block.labels.get(at.row()).get(at.column() - 1))
                && !TICKED.contains(before.trim().toLowerCase(Locale.ROOT));
        String heading = headingOf(labelBefore ? before : row.cell(at.column()));
        return new Origin(heading, reference(at.column(), row.rowNumber()));
    }

    private static String headingOf(String labelCell) {
        String text = labelCell.strip();
        while (!text.isEmpty() && BOX_MARKS.indexOf(text.charAt(0)) >= 0) {
            text = text.substring(1).strip();
        }
        return text.endsWith(":") ? text.substring(0, text.length() - 1).strip() : text;
    }

    private static String reference(int column, int rowNumber) {
        return CellReference.convertNumToColString(column) + rowNumber;
    }

    /**
     * A box is ticked by a mark in its own cell ("☒ Declined"), by a mark in the cell just before its label, or by its
     * mark inside a cell of several boxes ("☒ Yes ☐ No"). The first cell, in reading order, that says either way
     * decides.
     *
     * @param wanted the option's labels, folded
     */
    private static boolean isTicked(Block block, List<String> wanted, Set<String> everyOption) {
        int row = Integer.MAX_VALUE;
        int column = Integer.MAX_VALUE;
        int box = Integer.MAX_VALUE;
        boolean ticked = false;
        for (String label : wanted) {
            for (At at : block.cellsLabelled(label)) {
                if (at.row() > row || at.row() == row && at.column() >= column) {
                    break;
                }
                RawRow cells = block.rows.get(at.row());
                String cell = cells.cell(at.column()).trim();
                Boolean says = null;
                if (!cell.isEmpty() && BOX_MARKS.indexOf(cell.charAt(0)) >= 0) {
                    says = cell.charAt(0) != '☐';
                } else if (at.column() > 0 && isTickMark(cells.cell(at.column() - 1), everyOption)) {
                    says = true;
                }
                if (says != null) {
                    row = at.row();
                    column = at.column();
                    box = -1;
                    ticked = says;
                    break;
                }
            }
            for (BoxAt inside : block.boxesLabelled(label)) {
                if (!inside.before(row, column, box)) {
                    break;
                }
                // a box inside a cell counts only when the cell itself is not one of the option's labels
                if (!wanted.contains(block.labels.get(inside.row()).get(inside.column()))) {
                    row = inside.row();
                    column = inside.column();
                    box = inside.box();
                    ticked = inside.ticked();
                    break;
                }
            }
        }
        return ticked;
    }

    private static boolean isTickMark(String cell, Set<String> everyOption) {
        return TICKED.contains(cell.trim().toLowerCase(Locale.ROOT)) && !everyOption.contains(label(cell));
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
