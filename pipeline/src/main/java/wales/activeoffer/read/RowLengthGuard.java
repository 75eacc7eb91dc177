package wales.activeoffer.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a row of megabytes from being read into memory, whether it is one long line or a cell that opens a quote
 * mark and never closes it, so that the rest of the file would be read as one cell. It follows the quoting of a
 * delimited file as Commons CSV reads it (a quote opens a cell only at its start; two quotes inside a quoted cell are
 * one quote character) and counts the characters of the current row. No real export has a row this long.
 */
final class RowLengthGuard extends FilterReader {
    /** The most characters one row may have. */
    static final int MAX_ROW_CHARS = 1_000_000;

    private enum State { CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final char delimiter;
    private final int maxRowChars;
    private State state = State.CELL_START;
    private int rowChars;
    private int row = 1;
    private int quotedSinceRow = 1;

    RowLengthGuard(Reader in, char delimiter) {
        this(in, delimiter, MAX_ROW_CHARS);
    }

    RowLengthGuard(Reader in, char delimiter, int maxRowChars) {
        super(in);
        this.delimiter = delimiter;
        this.maxRowChars = maxRowChars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            step((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            step(buffer[offset + i]);
        }
        return n;
    }

    private void step(char c) throws IOException {
        switch (state) {
            case CELL_START, UNQUOTED -> {
                if (c == '"' && state == State.CELL_START) {
                    state = State.QUOTED;
                    quotedSinceRow = row;
                } else if (c == '\n') {
                    endRow();
                } else if (c == delimiter) {
                    state = State.CELL_START;
                } else if (c != '\r') {
                    state = State.UNQUOTED;
                }
            }
            case QUOTED -> state = c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
            case QUOTE_IN_QUOTED -> {
                if (c == '"') {
                    state = State.QUOTED;
                } else if (c == '\n') {
                    endRow();
                } else {
                    state = c == delimiter ? State.CELL_START : State.UNQUOTED;
                }
            }
        }
        if (++rowChars > maxRowChars) {
            throw new OverlongRowException(state == State.QUOTED ? quotedSinceRow : row, state == State.QUOTED,
                    maxRowChars);
        }
    }

    private void endRow() {
        state = State.CELL_START;
        rowChars = 0;
        row++;
    }

    /** A row longer than the limit; {@link #getMessage()} is written for the lead who sent the file. */
    static final class OverlongRowException extends IOException {
        OverlongRowException(int row, boolean unclosedQuote, int limit) {
            super(unclosedQuote
                    ? "row " + row + " has a quote mark (\") that opens a cell and is never closed, so the rest of "
                            + "the file would be read as one cell. Close the quote, or remove it, and send the file again"
                    : String.format("row %d is longer than %,d characters, far longer than any real row; check that "
                            + "the file was saved as CSV", row, limit));
        }
    }
}
