package dev.jmosh.vt.internal.display;

import dev.jmosh.vt.internal.screen.Renditions;
import dev.jmosh.vt.internal.screen.Row;
import dev.jmosh.vt.internal.unicode.ByteSink;

/**
 * The output of one frame diff plus what the receiver's cursor, rendition and cursor visibility
 * are believed to be after it. Mirrors mosh's {@code Terminal::FrameState}: cursor moves use CR
 * and LF (up to {@value #MAX_SHORT_MOVE} rows down to column 1), BS (up to
 * {@value #MAX_SHORT_MOVE} columns left) or CUP; the cursor is hidden before a move made only to
 * draw; renditions are always sent as complete {@code ESC[0;...m} strings.
 *
 * <p>A cursor column at or beyond the width means "on the last column with deferred wrap
 * pending". Unlike mosh, no BS is sent from there: BS would land one column short.
 */
final class FrameWriter {
    /** Longest CR/LF or BS run preferred to an absolute move. */
    static final int MAX_SHORT_MOVE = 4;
    /** Cursor coordinate meaning "unknown". */
    static final int UNKNOWN = -1;

    final ByteSink out;
    final int width;
    int cursorX;
    int cursorY;
    long rendition;
    boolean cursorVisible;
    /** The hyperlink the receiver attaches to what it prints; every diff starts and ends with none. */
    String link;

    FrameWriter(ByteSink out, int width, boolean cursorVisible) {
        this.out = out;
        this.width = width;
        this.cursorVisible = cursorVisible;
    }

    void forgetCursor() {
        cursorX = UNKNOWN;
        cursorY = UNKNOWN;
    }

    /** Moves to draw: hides the cursor first if it is shown and a move is needed. */
    void silentMove(int y, int x) {
        if (cursorX == x && cursorY == y) {
            return;
        }
        if (cursorVisible) {
            out.appendAscii("\033[?25l");
            cursorVisible = false;
        }
        move(y, x);
    }

    /** Moves the cursor to row {@code y}, column {@code x} (0-based). */
    void move(int y, int x) {
        int lastX = cursorX;
        int lastY = cursorY;
        cursorX = x;
        cursorY = y;
        if (lastX != UNKNOWN && lastY != UNKNOWN) {
            int down = y - lastY;
            if (x == 0 && down >= 0 && down <= MAX_SHORT_MOVE) {
                if (lastX != 0) {
                    out.append('\r');
                }
                out.appendRepeated('\n', down);
                return;
            }
            int left = lastX - x;
            if (y == lastY && left > 0 && left <= MAX_SHORT_MOVE && lastX < width) {
                out.appendRepeated('\b', left);
                return;
            }
        }
        out.appendAscii("\033[");
        out.appendDecimal(y + 1);
        out.append(';');
        out.appendDecimal(x + 1);
        out.append('H');
    }

    /** Sends the rendition if it differs from the receiver's (or always, when forced). */
    void updateRendition(long r, boolean force) {
        if (force || r != rendition) {
            Renditions.appendSgr(r, out);
            rendition = r;
        }
    }

    /**
     * Sends an OSC 8 if the receiver's current hyperlink differs from {@code l} (a link string
     * {@code "id=ID;URI"} or {@code ";URI"}, which is exactly OSC 8's "params;URI"; null for none).
     * Beyond mosh 1.4.0, whose client ignores OSC 8.
     */
    void updateLink(String l) {
        if (l == link || (l != null && l.equals(link))) {
            return;
        }
        out.appendAscii("\033]8;");
        if (l == null) {
            out.append(';');
        } else {
            out.appendString(l);
        }
        out.append(0x07);
        link = l;
    }

    /**
     * Prints one cell as mosh does (space when empty, U+00A0 before fallback marks), under its
     * hyperlink.
     */
    void printCell(Row row, int col) {
        if (row.mayHaveLinks() || link != null) {
            updateLink(row.link(col));
        }
        row.appendGrapheme(col, out);
    }
}
