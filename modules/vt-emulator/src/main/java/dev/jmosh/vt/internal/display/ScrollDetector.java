package dev.jmosh.vt.internal.display;

import dev.jmosh.vt.internal.screen.Renditions;
import dev.jmosh.vt.internal.screen.Row;
import dev.jmosh.vt.internal.screen.Screen;

/**
 * Mosh's scroll shortcut in {@code Display::new_frame}: if the new top row is some old row
 * {@code k > 0}, and rows after it follow on, the receiver is told to scroll the block up by
 * {@code k} lines (CR and k LFs on the bottom line, or a temporary scrolling region), and the
 * old rows are shifted the same way before the row-by-row comparison.
 *
 * <p>Two rows match if they are the same object or have the same generation and identical
 * content, as mosh's {@code Row::operator==}.
 */
final class ScrollDetector {
    private ScrollDetector() {
    }

    static boolean sameRow(Row a, Row b) {
        return a == b || (a.gen() == b.gen() && a.sameContent(b));
    }

    /**
     * Detects and performs a scroll.
     *
     * @param old the receiver's rows, shifted in place if a scroll is sent
     * @return the number of leading rows already correct after the scroll (0 if none)
     */
    static int apply(FrameWriter w, Screen to, Row[] old) {
        int height = to.height();
        Row top = to.row(0);
        int linesScrolled = 0;
        int scrollHeight = 0;
        for (int row = 0; row < height; row++) {
            if (!sameRow(top, old[row])) {
                continue;
            }
            if (row == 0) {
                break; // the top row did not move: no scroll
            }
            linesScrolled = row;
            scrollHeight = 1;
            for (int h = 1; linesScrolled + h < height; h++) {
                if (!sameRow(to.row(h), old[linesScrolled + h])) {
                    break;
                }
                scrollHeight = h + 1;
            }
            break;
        }
        if (linesScrolled == 0) {
            return 0;
        }
        w.updateRendition(Renditions.DEFAULT, true); // new lines take the default background
        int bottom = linesScrolled + scrollHeight - 1;
        if (scrollHeight + linesScrolled == height && w.cursorY + 1 == height) {
            w.out.append('\r');
            w.out.appendRepeated('\n', linesScrolled);
            w.cursorX = 0;
        } else {
            w.out.appendAscii("\033[1;");
            w.out.appendDecimal(bottom + 1);
            w.out.append('r');
            w.forgetCursor(); // DECSTBM homes the cursor
            w.silentMove(bottom, 0);
            w.out.appendRepeated('\n', linesScrolled);
            w.out.appendAscii("\033[r");
            w.forgetCursor();
        }
        Row blank = new Row(to.width(), Renditions.DEFAULT, null);
        for (int i = 0; i <= bottom; i++) {
            old[i] = i + linesScrolled <= bottom ? old[i + linesScrolled] : blank;
        }
        return scrollHeight;
    }
}
