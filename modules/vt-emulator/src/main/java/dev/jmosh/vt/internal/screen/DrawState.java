package dev.jmosh.vt.internal.screen;

/**
 * Cursor, margins, tab stops, current rendition and modes of a screen. Mirrors mosh's
 * {@code Terminal::DrawState}, including its cursor rules: moves snap to the screen (or, in
 * origin mode, to the scrolling region), and printing past the last column only sets
 * {@link #nextPrintWillWrap} (deferred autowrap).
 *
 * <p>The simple mode flags are public fields, as mosh's are public members.
 */
public final class DrawState {
    /** Tab stops fall on every {@value}th column by default. */
    public static final int DEFAULT_TAB_INTERVAL = TabStops.DEFAULT_INTERVAL;

    private int width;
    private int height;
    private int cursorCol;
    private int cursorRow;
    private int combiningCol;
    private int combiningRow;
    private TabStops tabs;
    private int scrollTop;
    private int scrollBottom;
    private long rendition = Renditions.DEFAULT;
    private String link;
    private final SavedCursor saved = new SavedCursor();
    private final CharsetState charsets = new CharsetState();

    /** Deferred autowrap: the cursor sits on the last column and the next print wraps first. */
    public boolean nextPrintWillWrap;
    /** DECOM (?6). */
    public boolean originMode;
    /** DECAWM (?7). */
    public boolean autoWrapMode = true;
    /** IRM (4). */
    public boolean insertMode;
    /** DECTCEM (?25). */
    public boolean cursorVisible = true;
    /** DECSCNM (?5). */
    public boolean reverseVideo;
    /** Bracketed paste (?2004). */
    public boolean bracketedPaste;
    /** 0, or the active mouse reporting mode: 9, 1000, 1001, 1002 or 1003. */
    public int mouseReportingMode;
    /** Focus in/out reports (?1004). */
    public boolean mouseFocusEvent;
    /** Alternate scroll (?1007). */
    public boolean mouseAlternateScroll;
    /** 0, or the mouse encoding: 1005 (UTF-8), 1006 (SGR) or 1015 (urxvt). */
    public int mouseEncodingMode;
    /** DECCKM (?1). */
    public boolean applicationCursorKeys;
    /** DECSCUSR ({@code CSI Ps SP q}): 0 (the terminal's default) .. 6; beyond mosh 1.4.0. */
    public int cursorStyle;

    /** Creates the power-on state for a screen of the given size. */
    public DrawState(int width, int height) {
        this.width = width;
        this.height = height;
        this.scrollBottom = height - 1;
        this.tabs = new TabStops(width);
    }

    /** Returns an independent copy. */
    public DrawState copy() {
        DrawState c = new DrawState(1, 1);
        c.width = width;
        c.height = height;
        c.cursorCol = cursorCol;
        c.cursorRow = cursorRow;
        c.combiningCol = combiningCol;
        c.combiningRow = combiningRow;
        c.tabs = tabs.copy();
        c.scrollTop = scrollTop;
        c.scrollBottom = scrollBottom;
        c.rendition = rendition;
        c.link = link;
        c.saved.copyFrom(saved);
        c.charsets.copyFrom(charsets);
        c.nextPrintWillWrap = nextPrintWillWrap;
        c.originMode = originMode;
        c.autoWrapMode = autoWrapMode;
        c.insertMode = insertMode;
        c.cursorVisible = cursorVisible;
        c.reverseVideo = reverseVideo;
        c.bracketedPaste = bracketedPaste;
        c.mouseReportingMode = mouseReportingMode;
        c.mouseFocusEvent = mouseFocusEvent;
        c.mouseAlternateScroll = mouseAlternateScroll;
        c.mouseEncodingMode = mouseEncodingMode;
        c.applicationCursorKeys = applicationCursorKeys;
        c.cursorStyle = cursorStyle;
        return c;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int cursorCol() {
        return cursorCol;
    }

    public int cursorRow() {
        return cursorRow;
    }

    /** Column of the cell a combining character would join, -1 after a resize cut it off. */
    public int combiningCol() {
        return combiningCol;
    }

    /** Row of the cell a combining character would join, -1 after a resize cut it off. */
    public int combiningRow() {
        return combiningRow;
    }

    public int scrollTop() {
        return scrollTop;
    }

    public int scrollBottom() {
        return scrollBottom;
    }

    public long rendition() {
        return rendition;
    }

    public void setRendition(long rendition) {
        this.rendition = rendition;
    }

    /**
     * Returns the hyperlink printed characters get (OSC 8), null for none: a canonical string
     * from the screen's {@link LinkTable}. Beyond mosh 1.4.0.
     */
    public String link() {
        return link;
    }

    /** Sets the hyperlink printed characters get (a {@link LinkTable} string, or null). */
    public void setLink(String link) {
        this.link = link;
    }

    /** Passes the hyperlinks of the cursor and of the saved cursor, if any, to {@code action}. */
    void forEachLink(java.util.function.Consumer<String> action) {
        if (link != null) {
            action.accept(link);
        }
        if (saved.link != null) {
            action.accept(saved.link);
        }
    }

    /** Returns the character-set state (SCS, SI/SO and single shifts). */
    public CharsetState charsets() {
        return charsets;
    }

    /** Returns the background colour value that erased cells take (BCE). */
    public int background() {
        return Renditions.background(rendition);
    }

    private void newGrapheme() {
        combiningCol = cursorCol;
        combiningRow = cursorRow;
    }

    /** Returns the first row the cursor may reach (the region top in origin mode). */
    public int limitTop() {
        return originMode ? scrollTop : 0;
    }

    /** Returns the last row the cursor may reach (the region bottom in origin mode). */
    public int limitBottom() {
        return originMode ? scrollBottom : height - 1;
    }

    private void snapCursorToBorder() {
        cursorRow = Math.max(limitTop(), Math.min(limitBottom(), cursorRow));
        cursorCol = Math.max(0, Math.min(width - 1, cursorCol));
    }

    /**
     * Moves the cursor to a row: {@code n} rows down from here when relative, else row
     * {@code n} counted from {@link #limitTop()}. Cancels deferred wrap.
     */
    public void moveRow(int n, boolean relative) {
        cursorRow = relative ? cursorRow + n : n + limitTop();
        snapCursorToBorder();
        newGrapheme();
        nextPrintWillWrap = false;
    }

    /**
     * Moves the cursor to a column. An implicit move (after printing) starts a new grapheme at
     * the old position and sets deferred wrap when it runs past the last column; an explicit move
     * cancels deferred wrap.
     */
    public void moveCol(int n, boolean relative, boolean implicit) {
        if (implicit) {
            newGrapheme();
        }
        cursorCol = relative ? cursorCol + n : n;
        if (implicit) {
            nextPrintWillWrap = cursorCol >= width;
        }
        snapCursorToBorder();
        if (!implicit) {
            newGrapheme();
            nextPrintWillWrap = false;
        }
    }

    /**
     * The cursor update after printing {@code n} narrow characters from the cursor on, all on
     * this row: the same as {@code n} calls of {@code moveCol(1, true, true)}, given that they
     * fit ({@code cursorCol() + n <= width()}) and that the cursor is inside its limits (so no
     * call but the last can snap or set deferred wrap).
     */
    public void advanceAfterPrint(int n) {
        cursorCol += n - 1;
        moveCol(1, true, true);
    }

    /** Sets a tab stop at the cursor column (HTS). */
    public void setTab() {
        tabs.set(cursorCol);
    }

    /** Clears the tab stop at a column. */
    public void clearTab(int col) {
        tabs.clear(col);
    }

    /** Clears every tab stop; default stops do not come back on a later widening. */
    public void clearAllTabs() {
        tabs.clearAll();
    }

    /**
     * Returns the column of the {@code count}th tab stop right of the cursor (count &gt; 0), or
     * -1 if there is none; for count &lt; 0, the {@code -count}th stop to the left, or 0.
     */
    public int nextTab(int count) {
        return tabs.next(cursorCol, count);
    }

    /** Sets the scrolling region (0-based, inclusive), clamped to the screen. */
    public void setScrollingRegion(int top, int bottom) {
        scrollTop = Math.max(0, top);
        scrollBottom = Math.min(height - 1, bottom);
        if (scrollBottom < scrollTop) {
            scrollBottom = scrollTop;
        }
        if (originMode) {
            snapCursorToBorder();
            newGrapheme();
        }
    }

    /** DECSC: saves cursor position, rendition, autowrap, origin mode, charsets and hyperlink. */
    public void saveCursor() {
        saveCursor(saved);
    }

    /** DECRC: restores what {@link #saveCursor()} saved, snapped to the current screen. */
    public void restoreCursor() {
        restoreCursor(saved);
    }

    /** Saves what DECSC saves into {@code into}. */
    public void saveCursor(SavedCursor into) {
        into.col = cursorCol;
        into.row = cursorRow;
        into.rendition = rendition;
        into.autoWrap = autoWrapMode;
        into.origin = originMode;
        into.charsets.copyLockedFrom(charsets);
        into.link = link;
    }

    /** Restores a saved cursor, snapped to the current screen; cancels deferred wrap. */
    public void restoreCursor(SavedCursor from) {
        cursorCol = from.col;
        cursorRow = from.row;
        rendition = from.rendition;
        autoWrapMode = from.autoWrap;
        originMode = from.origin;
        charsets.copyLockedFrom(from.charsets);
        link = from.link;
        nextPrintWillWrap = false;
        snapCursorToBorder();
        newGrapheme();
    }

    /** Forgets the saved cursor (back to home, default rendition, autowrap on, origin off). */
    public void clearSavedCursor() {
        saved.clear();
    }

    /**
     * Resets what a peer fed only frame diffs never changes: margins, origin, autowrap, insert
     * and cursor-key modes, tab stops, the saved cursor, deferred wrap, character sets and the
     * hyperlink being written. Visible state (cursor, rendition, cursor style, the modes a diff
     * sends) is kept.
     */
    public void resetHiddenState() {
        scrollTop = 0;
        scrollBottom = height - 1;
        originMode = false;
        autoWrapMode = true;
        insertMode = false;
        applicationCursorKeys = false;
        nextPrintWillWrap = false;
        charsets.reset();
        link = null;
        tabs.reset();
        clearSavedCursor();
        newGrapheme();
    }

    /**
     * Adapts to a new screen size: the scrolling region resets to the whole screen, default
     * tab stops extend, the cursor snaps inside, and a combining target that fell off is dropped.
     */
    public void resize(int newWidth, int newHeight) {
        if (newWidth != width || newHeight != height) {
            scrollTop = 0;
            scrollBottom = newHeight - 1;
        }
        tabs.resize(newWidth);
        width = newWidth;
        height = newHeight;
        snapCursorToBorder();
        if (combiningCol >= width || combiningRow >= height) {
            combiningCol = -1;
            combiningRow = -1;
        }
    }
}
