package wales.activeoffer.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The top of a workbook, read once and replayed to every mapping that tries to recognise it: each sheet's first rows,
 * in workbook order, read only as far as some mapping has asked. Opening a workbook (its shared strings, its styles)
 * costs more than reading its first rows, and a dozen mappings may try each file.
 *
 * <p>The first {@link #DEEP_SHEETS} sheets are kept to {@code deepRows} rows (what a recording form's first child
 * may need), later sheets to {@code shallowRows} (a heading search). A view that needs more of a sheet than was kept,
 * or more rows than the preview may hold, gets {@link Exhausted}, and the file is opened for that mapping alone.
 */
final class SheetPreview implements Closeable {
    static final int DEEP_SHEETS = 5;
    private final TabularSource source;
    private final int deepRows;
    private final int shallowRows;
    private final int maxRows;
    private final Map<String, SheetInfo> byName = new HashMap<>();
    private final List<Kept> kept = new ArrayList<>();
    private int rowsKept;
    private RawRow lookahead;
    private boolean ended;
    private UnreadableFileException broken;

    /** Thrown to a view that needs rows the preview did not keep. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super(null, null, false, false);
        }
    }

    /**
     * One sheet's first rows.
     *
     * @param cut     whether rows were left unread at the depth kept
     * @param failure what stopped the reading of the sheet after its rows, if anything did
     */
    private record Kept(SheetInfo sheet, List<RawRow> rows, boolean cut, UnreadableFileException failure) {
    }

    /** @param everySheet the workbook opened to read every sheet, hidden or not; closed with the preview */
    SheetPreview(TabularSource everySheet, int deepRows, int shallowRows, int maxRows) {
        this.source = everySheet;
        this.deepRows = deepRows;
        this.shallowRows = shallowRows;
        this.maxRows = maxRows;
        for (SheetInfo info : everySheet.sheets()) {
            byName.put(info.name(), info);
        }
    }

    /**
     * The chosen sheets' rows, as if the file had been opened with them.
     *
     * @param rowsPerSheet how many rows of a sheet the reader may take before it skips the rest
     * @param maxSheets    how many chosen sheets it is shown; after them, the view ends
     */
    TabularSource view(Predicate<SheetInfo> include, int rowsPerSheet, int maxSheets) {
        return new View(include, rowsPerSheet, maxSheets);
    }

    /** The n-th sheet that has rows, read to its depth when first asked for; {@code null} after the last. */
    private Kept sheet(int n) {
        while (n >= kept.size()) {
            if (broken != null) {
                throw broken;
            }
            if (ended) {
                return null;
            }
            if (rowsKept >= maxRows) {
                throw new Exhausted();
            }
            readSheet();
        }
        return kept.get(n);
    }

    private void readSheet() {
        RawRow first = lookahead != null ? lookahead : read();
        lookahead = null;
        if (first == null) {
            return;
        }
        int depth = kept.size() < DEEP_SHEETS ? deepRows : shallowRows;
        List<RawRow> rows = new ArrayList<>();
        rows.add(first);
        boolean cut = false;
        UnreadableFileException failure = null;
        while (true) {
            if (rows.size() >= depth) {
                cut = true;
                source.skipSheet();
                break;
            }
            RawRow next;
            try {
                next = source.next();
            } catch (UnreadableFileException e) {
                failure = e;
                source.skipSheet();
                break;
            }
            if (next == null) {
                ended = true;
                break;
            }
            if (!next.sheet().equals(first.sheet())) {
                lookahead = next;
                break;
            }
            rows.add(next);
        }
        rowsKept += rows.size();
        kept.add(new Kept(byName.get(first.sheet()), List.copyOf(rows), cut, failure));
    }

    /** The next row from the workbook; a failure there that is not within a sheet's rows ends the preview. */
    private RawRow read() {
        if (ended) {
            return null;
        }
        try {
            RawRow row = source.next();
            ended = row == null;
            return row;
        } catch (UnreadableFileException e) {
            broken = e;
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private final class View implements TabularSource {
        private final Predicate<SheetInfo> include;
        private final int rowsPerSheet;
        private final int maxSheets;
        private int sheet = -1;
        private Kept current;
        private int row;
        private int sheetsShown;
        private boolean done;

        View(Predicate<SheetInfo> include, int rowsPerSheet, int maxSheets) {
            this.include = include;
            this.rowsPerSheet = rowsPerSheet;
            this.maxSheets = maxSheets;
        }

        @Override
        public List<SheetInfo> sheets() {
            return source.sheets();
        }

        @Override
        public RawRow next() {
            while (!done) {
                if (current != null && row < current.rows().size()) {
                    return current.rows().get(row++);
                }
                if (current != null) {
                    leave();
                }
                current = sheet(++sheet);
                row = 0;
                if (current == null) {
                    done = true;
                } else if (!include.test(current.sheet())) {
                    current = null;
                } else if (++sheetsShown > maxSheets) {
                    done = true;
                }
            }
            return null;
        }

        /** At the end of a sheet's kept rows: what stopped its reading stops this reader too. */
        private void leave() {
            if (current.failure() != null) {
                throw current.failure();
            }
            if (current.cut() && row < rowsPerSheet) {
                throw new Exhausted();
            }
        }

        @Override
        public void skipSheet() {
            if (current != null) {
                row = current.rows().size();
                current = null;
            }
        }

        @Override
        public String describe() {
            return source.describe();
        }

        @Override
        public void close() {
            // the preview holds the file open for the next mapping
        }
    }
}
