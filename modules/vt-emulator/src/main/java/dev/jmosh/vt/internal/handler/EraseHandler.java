package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Renditions;
import dev.jmosh.vt.internal.screen.Row;
import dev.jmosh.vt.internal.screen.Screen;

/**
 * Erasing and editing within rows: ED ({@code CSI J}), EL ({@code CSI K}), ECH ({@code CSI X}),
 * ICH ({@code CSI @}), DCH ({@code CSI P}) and DECALN ({@code ESC # 8}). Mirrors mosh: erased
 * cells take the current background (BCE); ED 3 and other unknown selectors do nothing; the
 * cursor never moves.
 */
final class EraseHandler {
    private EraseHandler() {
    }

    /** ED: 0 cursor to end, 1 start to cursor, 2 whole screen (all inclusive). */
    static void eraseInDisplay(Screen s, Sequence seq) {
        DrawState ds = s.ds();
        switch (seq.get(0, 0)) {
            case 0:
                s.clearCells(ds.cursorRow(), ds.cursorCol(), ds.width() - 1);
                for (int y = ds.cursorRow() + 1; y < ds.height(); y++) {
                    s.resetRow(y);
                }
                break;
            case 1:
                for (int y = 0; y < ds.cursorRow(); y++) {
                    s.resetRow(y);
                }
                s.clearCells(ds.cursorRow(), 0, ds.cursorCol());
                break;
            case 2:
                for (int y = 0; y < ds.height(); y++) {
                    s.resetRow(y);
                }
                break;
            default:
                break;
        }
    }

    /** EL: 0 cursor to end of line, 1 start of line to cursor, 2 whole line. */
    static void eraseInLine(Screen s, Sequence seq) {
        DrawState ds = s.ds();
        switch (seq.get(0, 0)) {
            case 0:
                s.clearCells(ds.cursorRow(), ds.cursorCol(), ds.width() - 1);
                break;
            case 1:
                s.clearCells(ds.cursorRow(), 0, ds.cursorCol());
                break;
            case 2:
                s.resetRow(ds.cursorRow());
                break;
            default:
                break;
        }
    }

    /** ECH: erase {@code n} cells from the cursor, stopping at the end of the line. */
    static void eraseCharacters(Screen s, Sequence seq) {
        DrawState ds = s.ds();
        long last = (long) ds.cursorCol() + seq.get(0, 1) - 1;
        s.clearCells(ds.cursorRow(), ds.cursorCol(), (int) Math.min(last, ds.width() - 1));
    }

    /** ICH: insert {@code n} blank cells at the cursor. */
    static void insertCharacters(Screen s, Sequence seq) {
        s.insertCells(s.ds().cursorRow(), s.ds().cursorCol(), seq.get(0, 1));
    }

    /** DCH: delete {@code n} cells at the cursor. */
    static void deleteCharacters(Screen s, Sequence seq) {
        s.deleteCells(s.ds().cursorRow(), s.ds().cursorCol(), seq.get(0, 1));
    }

    /** DECALN: fill the screen with 'E' in the current background; nothing else changes. */
    static void screenAlignment(Screen s) {
        long blank = Renditions.blank(s.ds().background());
        for (int y = 0; y < s.height(); y++) {
            Row r = s.mutableRow(y);
            for (int x = 0; x < r.width(); x++) {
                r.put(x, 'E', false, blank);
            }
        }
    }
}
