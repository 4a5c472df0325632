package dev.jmosh.vt;

import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Row;
import dev.jmosh.vt.internal.screen.Screen;
import dev.jmosh.vt.internal.screen.ScreenEquality;

/**
 * A terminal screen: cells, cursor, modes, window title, icon name, clipboard and bell count.
 * Mirrors mosh's {@code Terminal::Framebuffer}; it is the state mosh synchronises from server
 * to client.
 *
 * <p>{@link #copy()} is cheap (one array of row references; rows are copied only when one side
 * writes to them), so keeping a copy for every state sent is fine. The framebuffer of a live
 * {@link Emulator} changes as the emulator is fed; a copy changes only through the overlay
 * methods {@link #setCell} and {@link #moveCursor}, which client-side overlays (local echo) use
 * on a copy about to be shown. Not thread-safe; a copy may be handed to another thread through
 * any safe publication (a queue, a lock).
 *
 * <p>{@link #equals} compares what a peer can be told by {@link FrameDiff}: see
 * {@link #equals(Object)} for the exact list.
 */
public final class Framebuffer {
    private final Screen screen;

    Framebuffer(Screen screen) {
        this.screen = screen;
    }

    /** Returns a blank framebuffer, as a freshly started terminal of that size has. */
    public static Framebuffer blank(int columns, int rows) {
        return new Framebuffer(new Screen(columns, rows));
    }

    Screen screen() {
        return screen;
    }

    /** Returns a deep, independent copy (cheap: rows are shared copy-on-write). */
    public Framebuffer copy() {
        return new Framebuffer(screen.copy());
    }

    public int columns() {
        return screen.width();
    }

    public int rows() {
        return screen.height();
    }

    /**
     * Returns a snapshot of one cell.
     *
     * @throws IndexOutOfBoundsException outside the screen
     */
    public Cell cell(int row, int col) {
        Row r = screen.row(checkRow(row));
        if (col < 0 || col >= r.width()) {
            throw new IndexOutOfBoundsException("column " + col);
        }
        StringBuilder text = new StringBuilder(2);
        r.appendText(col, text);
        return new Cell(text.toString(), r.isWide(col), r.isFallback(col), Rendition.of(r.rendition(col)),
                r.link(col));
    }

    /** Returns whether a cell is covered by the wide character to its left (and so not drawn). */
    public boolean covered(int row, int col) {
        Row r = screen.row(checkRow(row));
        for (int x = 0; x < col; x += r.cellWidth(x)) {
            if (x + r.cellWidth(x) > col) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether row {@code row} looks the same here and in {@code other}: same width, and
     * every cell's text, wide flag, rendition and hyperlink as {@link #equals} compares them
     * (soft-wrap flags are not compared). Answers at once, without looking at cells, while the
     * two frames still share the row, as copies do until one of them writes to it; so a display
     * can tell cheaply which rows changed since the frame it last drew.
     *
     * @throws IndexOutOfBoundsException if either frame has no such row
     */
    public boolean sameRow(int row, Framebuffer other) {
        return ScreenEquality.rowsEqual(screen.row(checkRow(row)), other.screen.row(other.checkRow(row)), false);
    }

    /**
     * Returns whether row {@code row} here is row {@code otherRow} of {@code other}, moved by a
     * scroll: the same row, or a copy of it with the same content and generation, as mosh's
     * {@code Row::operator==} tells a scrolled row in {@code Display::new_frame}. Unlike
     * {@link #sameRow}, two blank rows match only if one is a copy of the other, so a display can
     * tell a scroll from rows that merely look alike.
     *
     * @throws IndexOutOfBoundsException if either frame has no such row
     */
    public boolean scrolledFrom(int row, Framebuffer other, int otherRow) {
        Row a = screen.row(checkRow(row));
        Row b = other.screen.row(other.checkRow(otherRow));
        return a == b || (a.gen() == b.gen() && a.sameContent(b));
    }

    /** Returns whether the row is soft-wrapped: its text continues on the next row. */
    public boolean rowWrapped(int row) {
        return screen.row(checkRow(row)).wrap();
    }

    /**
     * Returns the row as drawn: blanks as spaces, fallback cells with U+00A0 first, covered
     * cells skipped (so a wide character counts once). Handy for tests and logs.
     */
    public String rowText(int row) {
        Row r = screen.row(checkRow(row));
        StringBuilder b = new StringBuilder(r.width());
        for (int col = 0; col < r.width(); col += r.cellWidth(col)) {
            if (r.isEmpty(col)) {
                b.append(' ');
                continue;
            }
            if (r.isFallback(col)) {
                b.append('\u00A0');
            }
            r.appendText(col, b);
        }
        return b.toString();
    }

    /**
     * Replaces one cell by {@code cell}: its text (a base character and marks, or "" to erase),
     * wide and fallback flags, rendition and hyperlink. For overlays on a copy (mosh's
     * {@code *fb.get_mutable_cell(row, col) = replacement}); a live emulator's framebuffer must
     * not be changed this way.
     *
     * <p>A wide cell (see {@link Cell#ofWide}) also erases the cell to its right, if there is one,
     * with the frame's current background, as the emulator does when it prints a wide character:
     * that cell is then covered. Nothing else is touched, again as in the emulator: a narrow cell
     * written over the left half of a wide character uncovers the right half, one written over
     * the right half stays covered.
     *
     * @throws IndexOutOfBoundsException outside the screen
     */
    public void setCell(int row, int col, Cell cell) {
        checkRow(row);
        if (col < 0 || col >= screen.width()) {
            throw new IndexOutOfBoundsException("column " + col);
        }
        Row r = screen.mutableRow(row);
        long rendition = cell.rendition().packed();
        String text = cell.text();
        if (text.isEmpty()) {
            r.resetCell(col, rendition);
        } else {
            String link = cell.link() == null ? null : screen.internLink(cell.link());
            int base = text.codePointAt(0);
            r.put(col, base, cell.wide(), rendition, link);
            for (int i = Character.charCount(base); i < text.length(); ) {
                int mark = text.codePointAt(i);
                r.appendCombining(col, mark);
                i += Character.charCount(mark);
            }
            if (cell.wide() && col + 1 < screen.width()) { // erase the covered cell (PrintHandler)
                r.resetCell(col + 1, screen.blankRendition());
            }
        }
        if (cell.fallback()) {
            r.setFallback(col);
        }
    }

    /**
     * Moves the cursor to row {@code row}, column {@code col} of the screen (clamped to it), as
     * an overlay does on a copy (mosh's cursor prediction). Counts from the screen's top even in
     * origin mode, which a client's frame never has.
     */
    public void moveCursor(int row, int col) {
        DrawState ds = ds();
        ds.moveRow(row - ds.limitTop(), false);
        ds.moveCol(col, false, false);
    }

    private int checkRow(int row) {
        if (row < 0 || row >= screen.height()) {
            throw new IndexOutOfBoundsException("row " + row);
        }
        return row;
    }

    private DrawState ds() {
        return screen.ds();
    }

    public int cursorRow() {
        return ds().cursorRow();
    }

    public int cursorCol() {
        return ds().cursorCol();
    }

    public boolean cursorVisible() {
        return ds().cursorVisible;
    }

    /** Returns the rendition that printed characters get now (the current SGR state). */
    public Rendition currentRendition() {
        return Rendition.of(ds().rendition());
    }

    /** Returns the window title (OSC 0/2), at most 255 code points; "" if never set. */
    public String windowTitle() {
        return screen.windowTitle();
    }

    /** Returns the icon name (OSC 0/1), at most 255 code points; "" if never set. */
    public String iconName() {
        return screen.iconName();
    }

    /** Returns the last OSC 52 {@code c} payload, verbatim (normally base64); "" if none. */
    public String clipboard() {
        return screen.clipboard();
    }

    /** Returns how many times BEL was received (wraps around like an unsigned int). */
    public int bellCount() {
        return screen.bellCount();
    }

    public boolean reverseVideo() {
        return ds().reverseVideo;
    }

    public boolean bracketedPaste() {
        return ds().bracketedPaste;
    }

    /** Returns DECCKM (?1); used by the server to translate arrow keys, never sent to the client. */
    public boolean applicationCursorKeys() {
        return ds().applicationCursorKeys;
    }

    /** Returns 0 or the mouse reporting mode: 9, 1000, 1001, 1002 or 1003. */
    public int mouseReportingMode() {
        return ds().mouseReportingMode;
    }

    /** Returns whether focus in/out reports are on (?1004). */
    public boolean focusEvents() {
        return ds().mouseFocusEvent;
    }

    /** Returns 0 or the mouse encoding mode: 1005, 1006 or 1015. */
    public int mouseEncodingMode() {
        return ds().mouseEncodingMode;
    }

    /**
     * Returns the cursor shape set by DECSCUSR ({@code CSI Ps SP q}): 0 for the terminal's
     * default, 1 blinking block, 2 steady block, 3 blinking underline, 4 steady underline,
     * 5 blinking bar, 6 steady bar. Beyond mosh 1.4.0.
     */
    public int cursorStyle() {
        return ds().cursorStyle;
    }

    /**
     * Returns whether the alternate screen (?47, ?1047, ?1049) is shown. Server-side state: a
     * peer fed frame diffs sees only what is shown, so this is not compared by {@link #equals}.
     */
    public boolean alternateScreen() {
        return screen.alternateActive();
    }

    /** Returns whether alternate scroll is on (?1007). */
    public boolean alternateScroll() {
        return ds().mouseAlternateScroll;
    }

    /**
     * Compares what {@link FrameDiff} transmits: size; each visible cell's text, wide flag,
     * rendition and hyperlink (an empty cell equals a space, a fallback cell equals U+00A0 plus
     * its marks, cells covered by a wide character are skipped); soft-wrap flags of all rows but
     * the bottom one; cursor position, visibility and style; current rendition; reverse video,
     * bracketed paste, mouse reporting, focus, mouse encoding and alternate-scroll modes; title,
     * icon name, clipboard and bell count. Hidden state (origin, autowrap, insert and cursor-key
     * modes, margins, tab stops, saved cursor; beyond mosh, character sets, the screen behind
     * the alternate one) is not compared, as in mosh.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Framebuffer && ScreenEquality.equal(screen, ((Framebuffer) o).screen);
    }

    @Override
    public int hashCode() {
        return ScreenEquality.hash(screen);
    }

    /** Returns a multi-line dump: size, cursor, title and every row as drawn. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("Framebuffer ").append(columns()).append('x').append(rows())
                .append(" cursor=").append(cursorRow()).append(',').append(cursorCol())
                .append(cursorVisible() ? "" : " hidden")
                .append(" title='").append(windowTitle()).append("'\n");
        for (int i = 0; i < rows(); i++) {
            b.append('|').append(rowText(i)).append(rowWrapped(i) ? "\\\n" : "|\n");
        }
        return b.toString();
    }
}
