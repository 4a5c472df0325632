package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Screen;

/**
 * Line insertion, deletion and scrolling: IL ({@code CSI L}), DL ({@code CSI M}), SU
 * ({@code CSI S}), SD ({@code CSI T}) and DECSTBM ({@code CSI r}). Mirrors mosh: IL and DL act
 * only inside the scrolling region and then move to column 1; SU/SD scroll the region without
 * moving the cursor; DECSTBM ignores regions of fewer than two lines and homes the cursor.
 */
final class ScrollHandler {
    private ScrollHandler() {
    }

    /** IL. */
    static void insertLines(Screen s, Sequence seq) {
        s.insertLines(s.ds().cursorRow(), seq.get(0, 1));
        s.ds().moveCol(0, false, false);
    }

    /** DL. */
    static void deleteLines(Screen s, Sequence seq) {
        s.deleteLines(s.ds().cursorRow(), seq.get(0, 1));
        s.ds().moveCol(0, false, false);
    }

    /** SU ({@code up == true}) or SD. */
    static void scroll(Screen s, Sequence seq, boolean up) {
        int n = seq.get(0, 1);
        s.scroll(up ? n : -n);
    }

    /** DECSTBM: top and bottom margins, 1-based; invalid regions are ignored (xterm, mosh). */
    static void setMargins(Screen s, Sequence seq) {
        DrawState ds = s.ds();
        int top = seq.get(0, 1);
        int bottom = seq.get(1, ds.height());
        if (bottom <= top || top > ds.height() || (top == 0 && bottom == 1)) {
            return;
        }
        ds.setScrollingRegion(top - 1, bottom - 1);
        ds.moveRow(0, false);
        ds.moveCol(0, false, false);
    }
}
