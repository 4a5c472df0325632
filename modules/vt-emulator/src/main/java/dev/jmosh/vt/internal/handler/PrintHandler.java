package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Row;
import dev.jmosh.vt.internal.screen.Screen;
import dev.jmosh.vt.internal.unicode.Widths;

/**
 * Puts graphic characters on the screen. Mirrors mosh's {@code Terminal::Emulator::print}:
 * <ul>
 *   <li>width 1 or 2: deferred autowrap first (marking the row soft-wrapped); a wide character
 *       that does not fit on the last column wraps early, leaving that cell blank; insert mode
 *       shifts the row; a wide character blanks the cell it covers;</li>
 *   <li>width 0: joins the cell of the last grapheme; if that cell is empty it becomes a
 *       "fallback" cell and the cursor advances; marks past the cell limit are dropped;</li>
 *   <li>width -1 (non-printable): ignored.</li>
 * </ul>
 * Beyond mosh: the character first goes through the invoked character set (DEC Special
 * Graphics, see {@code CharsetState}), and the cell takes the current OSC 8 hyperlink.
 */
final class PrintHandler {
    private PrintHandler() {
    }

    static void print(Screen s, int ch) {
        if (s.ds().charsets().active()) {
            ch = s.ds().charsets().map(ch);
        }
        int width = Widths.of(ch);
        if (width == 1 || width == 2) {
            printSpacing(s, ch, width);
        } else if (width == 0) {
            printCombining(s, ch);
        }
    }

    private static void printSpacing(Screen s, int ch, int width) {
        DrawState ds = s.ds();
        if (ds.autoWrapMode && ds.nextPrintWillWrap) {
            wrap(s);
        } else if (ds.autoWrapMode && width == 2 && ds.cursorCol() == ds.width() - 1) {
            s.resetCell(ds.cursorRow(), ds.cursorCol());
            s.mutableRow(ds.cursorRow()).setWrap(false);
            ds.moveCol(0, false, false);
            s.moveRowsAutoscroll(1);
        }
        if (ds.insertMode) {
            s.insertCells(ds.cursorRow(), ds.cursorCol(), width);
        }
        int row = ds.cursorRow();
        int col = ds.cursorCol();
        Row r = s.mutableRow(row);
        r.put(col, ch, width == 2, ds.rendition(), ds.link());
        if (width == 2 && col + 1 < ds.width()) {
            r.resetCell(col + 1, s.blankRendition());
        }
        ds.moveCol(width, true, true);
    }

    /** Deferred autowrap: marks the row soft-wrapped and goes to the start of the next one. */
    private static void wrap(Screen s) {
        DrawState ds = s.ds();
        s.mutableRow(ds.cursorRow()).setWrap(true);
        ds.moveCol(0, false, false);
        s.moveRowsAutoscroll(1);
    }

    /**
     * Prints printable ASCII characters {@code data[from..to-1]}, with exactly the effect of
     * {@link #print} on each in turn, but a row segment at a time: the common case (autowrap on,
     * no insert mode, no character set mapping, cursor inside its limits) needs no width lookup
     * and no per-character cursor update. Anything else goes through {@link #print}.
     */
    static void printAscii(Screen s, byte[] data, int from, int to) {
        DrawState ds = s.ds();
        int i = from;
        while (i < to) {
            if (ds.charsets().active() || ds.insertMode || !ds.autoWrapMode) {
                print(s, data[i++]);
                continue;
            }
            if (ds.nextPrintWillWrap) {
                wrap(s);
            }
            int row = ds.cursorRow();
            if (row < ds.limitTop() || row > ds.limitBottom()) {
                print(s, data[i++]); // the move after it snaps the cursor to another row
                continue;
            }
            int col = ds.cursorCol();
            int n = Math.min(to - i, ds.width() - col);
            s.mutableRow(row).putAscii(col, data, i, n, ds.rendition(), ds.link());
            ds.advanceAfterPrint(n);
            i += n;
        }
    }

    private static void printCombining(Screen s, int ch) {
        DrawState ds = s.ds();
        int row = ds.combiningRow();
        int col = ds.combiningCol();
        if (row < 0 || col < 0 || row >= ds.height() || col >= ds.width()) {
            return; // the cell went away in a resize
        }
        Row r = s.mutableRow(row);
        if (r.isEmpty(col)) {
            r.setFallback(col);
            ds.moveCol(1, true, true);
        }
        r.appendCombining(col, ch);
    }
}
