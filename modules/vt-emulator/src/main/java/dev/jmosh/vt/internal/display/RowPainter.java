package dev.jmosh.vt.internal.display;

import dev.jmosh.vt.internal.screen.Renditions;
import dev.jmosh.vt.internal.screen.Row;

/**
 * Brings one row of the receiver up to date. Mirrors mosh's {@code Display::put_row}:
 * unchanged cells are skipped; runs of blank cells of one rendition are erased with ECH when
 * longer than {@value #MAX_SPACES} (else spaces), or with EL when they reach the end of the
 * line; a soft-wrapped row is written to its last cell so that the receiver's own autowrap
 * carries on into the next row (whose first cell is then written without a move).
 *
 * <p>Three additions keep the receiver exact where mosh's version drifts:
 * <ul>
 *   <li>a cell that the old frame hid under a wide character is redrawn once it shows;</li>
 *   <li>the soft-wrap flag counts as part of the cell reaching the last column (mosh misses a
 *       change there when that cell is covered by a wide character);</li>
 *   <li>a wide character on the last column (left there by a narrowing resize, or printed with
 *       autowrap off) is drawn inside {@code ESC[?7l ... ESC[?7h}, because with autowrap on the
 *       receiver would wrap it to the next line.</li>
 * </ul>
 */
final class RowPainter {
    /** Longest run of blank cells written as spaces rather than ECH. */
    static final int MAX_SPACES = 4;

    private final FrameWriter w;
    private final int height;
    private boolean[] hidden = new boolean[0];

    RowPainter(FrameWriter w, int height) {
        this.w = w;
        this.height = height;
    }

    /**
     * Paints row {@code y}.
     *
     * @param full draw every cell (after a clear) instead of comparing with {@code old}
     * @param continued the previous row was left with deferred wrap pending: write cell 0 first
     * @return whether this row leaves deferred wrap pending for the next one
     */
    boolean paint(boolean full, int y, Row row, Row old, boolean continued) {
        int width = row.width();
        int x = 0;
        boolean wroteLast = false;
        if (continued) {
            w.updateRendition(row.rendition(0), false);
            w.printCell(row, 0);
            x += row.cellWidth(0);
            w.cursorX += row.cellWidth(0);
            wroteLast = x >= width; // the cell also ended this row (mosh misses this)
        }
        if (!full && row == old && !wroteLast) {
            return false;
        }
        if (!full) {
            markHidden(old);
        }
        boolean lastRow = y == height - 1;
        boolean wrapThis = row.wrap();
        int clearCount = 0;
        long blankRendition = Renditions.DEFAULT;
        while (x < width) {
            if (!full && clearCount == 0 && unchanged(row, old, x, lastRow)) {
                x += row.cellWidth(x);
                continue;
            }
            if (row.isEmpty(x)) {
                if (clearCount == 0) {
                    blankRendition = row.rendition(x);
                }
                if (row.rendition(x) == blankRendition) {
                    clearCount++;
                    x++;
                    continue;
                }
            }
            if (clearCount > 0) {
                w.silentMove(y, x - clearCount);
                w.updateRendition(blankRendition, false);
                if (clearCount > MAX_SPACES) {
                    w.out.appendAscii("\033[");
                    w.out.appendDecimal(clearCount);
                    w.out.append('X');
                } else {
                    w.updateLink(null);
                    w.out.appendRepeated(' ', clearCount);
                    w.cursorX = x;
                }
                clearCount = 0;
                if (row.isEmpty(x)) { // another blank run, in another rendition
                    blankRendition = row.rendition(x);
                    clearCount = 1;
                    x++;
                    continue;
                }
            }
            int cellWidth = row.cellWidth(x);
            if (wrapThis && x + cellWidth >= width) {
                w.forgetCursor(); // force an explicit move onto the wrapping cell
            }
            w.silentMove(y, x);
            w.updateRendition(row.rendition(x), false);
            drawCell(row, x, width);
            x += cellWidth;
            w.cursorX += cellWidth;
            if (x >= width) {
                wroteLast = true;
            }
        }
        if (clearCount > 0) {
            w.silentMove(y, x - clearCount);
            w.updateRendition(blankRendition, false);
            if (!wrapThis) {
                w.out.appendAscii("\033[K");
            } else {
                w.updateLink(null);
                w.out.appendRepeated(' ', clearCount);
                w.cursorX = x;
                wroteLast = true;
            }
        }
        if (!wroteLast || lastRow) {
            return false;
        }
        w.cursorX = 0;
        w.cursorY++;
        if (wrapThis) {
            return true;
        }
        w.out.appendAscii("\r\n");
        return false;
    }

    private void drawCell(Row row, int x, int width) {
        boolean straddles = row.isWide(x) && x == width - 1;
        if (straddles) {
            w.out.appendAscii("\033[?7l");
        }
        w.printCell(row, x);
        if (straddles) {
            w.out.appendAscii("\033[?7h");
        }
    }

    /** Notes which cells of the old row were covered by a wide character. */
    private void markHidden(Row old) {
        int width = old.width();
        if (hidden.length < width) {
            hidden = new boolean[width];
        }
        java.util.Arrays.fill(hidden, 0, width, false);
        for (int x = 0; x < width; x += old.cellWidth(x)) {
            if (old.isWide(x) && x + 1 < width) {
                hidden[x + 1] = true;
            }
        }
    }

    private boolean unchanged(Row row, Row old, int x, boolean lastRow) {
        if (hidden[x] || !row.sameCell(x, old)) {
            return false;
        }
        boolean reachesEnd = x + row.cellWidth(x) >= row.width();
        return !reachesEnd || lastRow || row.wrap() == old.wrap();
    }
}
