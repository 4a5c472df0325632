package dev.jmosh.conformance.trace;

import dev.jmosh.vt.Framebuffer;
import java.util.Arrays;

/**
 * What a terminal shows at one moment, as text only: each cell's characters (every blank cell,
 * erased or a space, reads {@code " "}; a cell covered by a wide character reads {@code ""}) and
 * the cursor. Renditions are left out on purpose: a prediction underlined while the link is
 * doubtful shows the same text as the echo that confirms it.
 */
public final class Screen {
    public final int columns;
    public final int rows;
    private final String[] cells;
    public final int cursorRow;
    public final int cursorCol;

    /** A screen of {@code rows} strings of cells; for tests. */
    Screen(int columns, int rows, String[] cells, int cursorRow, int cursorCol) {
        if (cells.length != columns * rows) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns + "x" + rows);
        }
        this.columns = columns;
        this.rows = rows;
        this.cells = cells;
        this.cursorRow = cursorRow;
        this.cursorCol = cursorCol;
    }

    /** The text of {@code fb} and its cursor. */
    public static Screen of(Framebuffer fb) {
        String[] cells = new String[fb.columns() * fb.rows()];
        for (int r = 0; r < fb.rows(); r++) {
            for (int c = 0; c < fb.columns(); c++) {
                String text;
                if (fb.covered(r, c)) {
                    text = "";
                } else {
                    var cell = fb.cell(r, c);
                    text = cell.blank() ? " " : cell.text();
                }
                cells[r * fb.columns() + c] = text;
            }
        }
        return new Screen(fb.columns(), fb.rows(), cells, fb.cursorRow(), fb.cursorCol());
    }

    /** A screen from rows of narrow text (padded with blanks), the cursor at {@code row, col}; for tests. */
    public static Screen ofRows(int columns, int cursorRow, int cursorCol, String... rows) {
        String[] cells = new String[columns * rows.length];
        Arrays.fill(cells, " ");
        for (int r = 0; r < rows.length; r++) {
            int c = 0;
            for (int i = 0; i < rows[r].length() && c < columns; ) {
                int cp = rows[r].codePointAt(i);
                cells[r * columns + c++] = new String(Character.toChars(cp));
                i += Character.charCount(cp);
            }
        }
        return new Screen(columns, rows.length, cells, cursorRow, cursorCol);
    }

    /** Whether every cell is blank. */
    public boolean blank() {
        return Arrays.stream(cells).allMatch(String::isBlank);
    }

    /** The number of cells. */
    public int size() {
        return cells.length;
    }

    /** The text of cell {@code index} (row-major). */
    public String cell(int index) {
        return cells[index];
    }

    /** Whether the cursor is at the same place as in {@code other}. */
    public boolean sameCursor(Screen other) {
        return cursorRow == other.cursorRow && cursorCol == other.cursorCol;
    }

    /** Row {@code r} as text (covered cells skipped, trailing blanks kept). */
    public String row(int r) {
        StringBuilder b = new StringBuilder(columns);
        for (int c = 0; c < columns; c++) {
            b.append(cells[r * columns + c]);
        }
        return b.toString();
    }

    /** The screen as lines without trailing blanks, and the cursor: for reports. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            b.append(row(r).stripTrailing()).append('\n');
        }
        return b.append("cursor ").append(cursorRow).append(',').append(cursorCol).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Screen s && columns == s.columns && cursorRow == s.cursorRow && cursorCol == s.cursorCol
                && Arrays.equals(cells, s.cells);
    }

    /** Whether the text is the same as {@code other}'s, wherever the cursors are. */
    public boolean sameText(Screen other) {
        return columns == other.columns && Arrays.equals(cells, other.cells);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cells) * 31 + cursorRow * 1000 + cursorCol;
    }

    @Override
    public String toString() {
        return text();
    }
}
