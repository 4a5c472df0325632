package dev.jmosh.cli.internal;

/**
 * Where the user's terminal has its cursor, as far as the renderer knows, and the bytes of the
 * cheapest move to another cell: mosh's {@code FrameState::append_move}, which uses CR and LF to
 * reach the start of a row up to four rows down, backspaces to go up to four columns left, and
 * CUP otherwise. After a cell is written in the last column the cursor is left at the virtual
 * column {@code columns} (the terminal holds it in the last column with a wrap pending), from
 * which only CR or CUP are safe.
 */
final class CursorTracker {
    private static final int UNKNOWN = -1;
    /** mosh moves by LF or BS over fewer than this many rows or columns. */
    private static final int SHORT_MOVE = 5;
    private int row = UNKNOWN;
    private int col = UNKNOWN;
    private int columns = Integer.MAX_VALUE;

    /** The terminal's width, for the wrap-pending rule. */
    void columns(int width) {
        columns = width;
    }

    /** The position is no longer known (a repaint, a resize, another program's output). */
    void forget() {
        row = UNKNOWN;
        col = UNKNOWN;
    }

    /** The cursor is now at ({@code row}, {@code col}), e.g. after {@code ESC [ H}. */
    void at(int row, int col) {
        this.row = row;
        this.col = col;
    }

    /** The terminal printed {@code width} columns at the cursor. */
    void advance(int width) {
        if (col != UNKNOWN) {
            col = Math.min(col + width, columns);
        }
    }

    int row() {
        return row;
    }

    /** The column, {@code -1} when unknown, or the width when a wrap is pending. */
    int col() {
        return col;
    }

    /** Whether the cursor is known to be at ({@code row}, {@code col}). */
    boolean isAt(int row, int col) {
        return this.row == row && this.col == col;
    }

    /** The bytes that move the cursor to ({@code row}, {@code col}) from where it is; "" if it is there. */
    String move(int row, int col) {
        if (isAt(row, col)) {
            return "";
        }
        if (this.row != UNKNOWN && this.col != UNKNOWN) {
            int down = row - this.row;
            if (col == 0 && down >= 0 && down < SHORT_MOVE) {
                return (this.col != 0 ? "\r" : "") + "\n".repeat(down);
            }
            int left = this.col - col;
            if (down == 0 && left > 0 && left < SHORT_MOVE && this.col < columns) {
                return "\b".repeat(left);
            }
        }
        return "\033[" + (row + 1) + ';' + (col + 1) + 'H';
    }

    /** Returns {@link #move} and takes the cursor there. */
    String moveTo(int row, int col) {
        String bytes = move(row, col);
        at(row, col);
        return bytes;
    }
}
