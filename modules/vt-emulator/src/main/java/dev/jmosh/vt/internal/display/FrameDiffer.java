package dev.jmosh.vt.internal.display;

import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Renditions;
import dev.jmosh.vt.internal.screen.Row;
import dev.jmosh.vt.internal.screen.Screen;
import dev.jmosh.vt.internal.unicode.ByteSink;

/**
 * Computes the bytes that turn a receiver showing one screen into the next. Mirrors mosh's
 * {@code Display::new_frame(true, last, f)} as {@code mosh-server} runs it (no terminfo: ECH,
 * BCE and titles assumed), in the same order: bell, titles, clipboard, reverse video, size
 * change (reset and full repaint), scroll shortcut, rows, cursor position, cursor visibility,
 * rendition, bracketed paste, mouse reporting, focus, mouse encoding.
 *
 * <p>Beyond mosh 1.4.0 (whose client ignores all three): cells carry their OSC 8 hyperlinks
 * (the diff ends with none open), SGR strings include faint and strikethrough, and a change of
 * cursor style (DECSCUSR) is sent after the modes.
 *
 * <p>It assumes the receiver is an emulator that has only ever been fed such diffs (hence
 * autowrap on, insert and origin mode off, full-screen margins, no deferred wrap pending, no
 * soft-wrap flag on the bottom row), and that it was already resized to the new size. It never
 * emits a sequence that makes the receiver reply.
 */
public final class FrameDiffer {
    private static final int BEL = 0x07;
    private static final int CAPACITY_PER_CELL = 4;

    private FrameDiffer() {
    }

    /** Returns the diff from {@code from} to {@code to}. */
    public static byte[] diff(Screen from, Screen to) {
        DrawState f = from.ds();
        DrawState t = to.ds();
        ByteSink out = new ByteSink(64 + (from == to ? 0 : CAPACITY_PER_CELL * t.width()));
        FrameWriter w = new FrameWriter(out, t.width(), f.cursorVisible);

        ringBells(from.bellCount(), to.bellCount(), out);
        ModeWriter.titles(from, to, out);
        ModeWriter.clipboard(from, to, out);
        if (f.reverseVideo != t.reverseVideo) {
            out.appendAscii(t.reverseVideo ? "\033[?5h" : "\033[?5l");
        }

        boolean resized = f.width() != t.width() || f.height() != t.height();
        if (resized) {
            out.appendAscii("\033[r\033[0m\033[H\033[2J");
            w.cursorX = 0;
            w.cursorY = 0;
            w.rendition = Renditions.DEFAULT;
            w.cursorVisible = false;
            out.appendAscii("\033[?25l");
        } else {
            w.cursorX = f.cursorCol();
            w.cursorY = f.cursorRow();
            w.rendition = f.rendition();
        }

        int height = t.height();
        Row[] old = resized ? null : receiverRows(from);
        int firstRow = resized ? 0 : ScrollDetector.apply(w, to, old);
        RowPainter painter = new RowPainter(w, height);
        boolean continued = false;
        for (int y = firstRow; y < height; y++) {
            continued = painter.paint(resized, y, to.row(y), resized ? null : old[y], continued);
        }

        if (resized || t.cursorRow() != w.cursorY || t.cursorCol() != w.cursorX) {
            w.move(t.cursorRow(), t.cursorCol());
        }
        if (resized || t.cursorVisible != w.cursorVisible) {
            out.appendAscii(t.cursorVisible ? "\033[?25h" : "\033[?25l");
        }
        w.updateLink(null);
        w.updateRendition(t.rendition(), resized);
        ModeWriter.modes(f, t, resized, out);
        return out.toByteArray();
    }

    /**
     * Returns the rows the receiver holds: those of {@code from}, except that its bottom row
     * cannot be soft-wrapped (no diff can make it so without scrolling).
     */
    private static Row[] receiverRows(Screen from) {
        int height = from.height();
        Row[] rows = new Row[height];
        for (int i = 0; i < height; i++) {
            rows[i] = from.row(i);
        }
        if (rows[height - 1].wrap()) {
            rows[height - 1] = rows[height - 1].withWrap(false);
        }
        return rows;
    }

    /**
     * Mosh sends one BEL when the count changed; this sends one per bell (up to
     * {@value ModeWriter#MAX_BELLS}) so that the receiver's count follows.
     */
    private static void ringBells(int fromCount, int toCount, ByteSink out) {
        if (fromCount == toCount) {
            return;
        }
        int rung = toCount - fromCount;
        out.appendRepeated(BEL, rung > 0 && rung <= ModeWriter.MAX_BELLS ? rung : 1);
    }
}
