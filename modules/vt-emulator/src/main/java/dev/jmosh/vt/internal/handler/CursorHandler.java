package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Screen;

/**
 * Cursor positioning: CUU/CUD/CUF/CUB ({@code CSI A B C D}), CNL/CPL ({@code CSI E F}), CUP
 * ({@code CSI H}, {@code f}), CHA/HPA ({@code CSI G}, {@code `}), VPA ({@code CSI d}), DECSC and
 * DECRC ({@code ESC 7}, {@code ESC 8}) and DECSCUSR ({@code CSI Ps SP q}). Mirrors mosh: moves
 * clamp to the screen (or to the region in origin mode), CUU/CUD ignore the margins otherwise.
 * CNL and CPL are not in mosh 1.4.0; they are implemented as in xterm (down/up, then column 1).
 * Neither is DECSCUSR, kept as tmux does: 0..6 set the style, anything else is ignored.
 */
final class CursorHandler {
    private CursorHandler() {
    }

    /** The relative moves: {@code 'A'} up, {@code 'B'} down, {@code 'C'} right, {@code 'D'} left. */
    static void relative(Screen s, Sequence seq, int finalChar) {
        DrawState ds = s.ds();
        int n = seq.get(0, 1);
        switch (finalChar) {
            case 'A': ds.moveRow(-n, true); break;
            case 'B': ds.moveRow(n, true); break;
            case 'C': ds.moveCol(n, true, false); break;
            case 'D': ds.moveCol(-n, true, false); break;
            default: break;
        }
    }

    /** CNL ({@code down == true}) or CPL: move {@code n} rows, then to column 1. */
    static void nextLine(Screen s, Sequence seq, boolean down) {
        DrawState ds = s.ds();
        int n = seq.get(0, 1);
        ds.moveRow(down ? n : -n, true);
        ds.moveCol(0, false, false);
    }

    /** CUP: row and column, 1-based, relative to the region in origin mode. */
    static void cup(Screen s, Sequence seq) {
        s.ds().moveRow(seq.get(0, 1) - 1, false);
        s.ds().moveCol(seq.get(1, 1) - 1, false, false);
    }

    /** CHA/HPA: column, 1-based. */
    static void column(Screen s, Sequence seq) {
        s.ds().moveCol(seq.get(0, 1) - 1, false, false);
    }

    /** VPA: row, 1-based. */
    static void line(Screen s, Sequence seq) {
        s.ds().moveRow(seq.get(0, 1) - 1, false);
    }

    /** Largest DECSCUSR style: 6, steady bar. */
    static final int MAX_CURSOR_STYLE = 6;

    /** DECSCUSR: 0 default, 1 blinking block, 2 block, 3 blinking underline, 4 underline, 5/6 bar. */
    static void style(Screen s, Sequence seq) {
        int style = seq.raw(0);
        if (style == -1) {
            style = 0;
        }
        if (style <= MAX_CURSOR_STYLE) {
            s.ds().cursorStyle = style;
        }
    }

    /** DECSC. */
    static void save(Screen s) {
        s.ds().saveCursor();
    }

    /** DECRC. */
    static void restore(Screen s) {
        s.ds().restoreCursor();
    }
}
