package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Screen;

/**
 * Tabulation: HT, CHT ({@code CSI I}), CBT ({@code CSI Z}) and TBC ({@code CSI g}). Mirrors
 * mosh: none of them clears deferred wrap, and a tab with no stop ahead goes to the last column.
 */
final class TabHandler {
    private TabHandler() {
    }

    /** HT: to the next tab stop. */
    static void ht(Screen s) {
        tab(s.ds(), 1);
    }

    /** CHT (forward) or CBT (backward, {@code backward == true}) by {@code CSI n}. */
    static void cxt(Screen s, Sequence seq, boolean backward) {
        int n = seq.get(0, 1);
        tab(s.ds(), backward ? -n : n);
    }

    private static void tab(DrawState ds, int count) {
        int col = ds.nextTab(count);
        if (col == -1) {
            col = ds.width() - 1;
        }
        boolean pendingWrap = ds.nextPrintWillWrap; // a tab keeps, but never sets, deferred wrap
        ds.moveCol(col, false, false);
        ds.nextPrintWillWrap = pendingWrap;
    }

    /** TBC: 0 clears the stop at the cursor, 3 clears all stops. */
    static void tbc(Screen s, Sequence seq) {
        switch (seq.get(0, 0)) {
            case 0:
                s.ds().clearTab(s.ds().cursorCol());
                break;
            case 3:
                s.ds().clearAllTabs();
                break;
            default:
                break;
        }
    }
}
