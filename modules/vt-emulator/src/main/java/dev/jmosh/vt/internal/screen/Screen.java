package dev.jmosh.vt.internal.screen;

/**
 * The emulator's model: rows of cells, the draw state, window title, icon name, clipboard and
 * bell count. Mirrors mosh's {@code Terminal::Framebuffer}, including its sharing of unchanged
 * rows between copies: {@link #copy()} costs one array copy, and a row is copied only when a
 * screen that shares it first writes to it.
 *
 * <p>Beyond mosh 1.4.0: the alternate screen (the rows are the visible screen; the primary
 * screen's rows wait in an {@link AlternateScreen} while the alternate one is shown) and the
 * hyperlink table ({@link LinkTable}).
 *
 * <p>Sharing works through tokens: each screen has a private token object and may change only
 * rows it created with that token. Copying gives both screens new tokens, so every row becomes
 * read-only to both. A copy that is never written to stays valid however much the original
 * changes afterwards.
 */
public final class Screen {
    private Row[] rows;
    private Row[] spare = new Row[0]; // rows leaving in a scroll, reused by the next one
    private Object token = new Object();
    private DrawState ds;
    private AlternateScreen alternate = new AlternateScreen();
    private LinkTable links;
    private String iconName = "";
    private String windowTitle = "";
    private String clipboard = "";
    private boolean titleInitialized;
    private int bellCount;

    /** Creates a blank screen (mosh: all cells blank, default rendition). */
    public Screen(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("screen size must be positive: " + width + "x" + height);
        }
        ds = new DrawState(width, height);
        rows = new Row[height];
        Row blank = new Row(width, Renditions.DEFAULT, null);
        java.util.Arrays.fill(rows, blank);
    }

    private Screen(Screen src) {
        rows = src.rows.clone();
        ds = src.ds.copy();
        alternate = src.alternate.copy();
        iconName = src.iconName;
        windowTitle = src.windowTitle;
        clipboard = src.clipboard;
        titleInitialized = src.titleInitialized;
        bellCount = src.bellCount;
    }

    /** Returns an independent copy sharing all rows (copy-on-write on both sides). */
    public Screen copy() {
        token = new Object();
        return new Screen(this);
    }

    /**
     * Returns a copy as a peer that was sent this screen through diffs holds it: same visible
     * state, hidden state at its defaults (see {@link DrawState#resetHiddenState()}), no
     * alternate screen (what shows is its only screen) and the bottom row not soft-wrapped.
     */
    public Screen receiverCopy() {
        Screen c = copy();
        c.ds.resetHiddenState();
        c.alternate = new AlternateScreen();
        int bottom = c.height() - 1;
        if (c.rows[bottom].wrap()) {
            c.mutableRow(bottom).setWrap(false);
        }
        return c;
    }

    public DrawState ds() {
        return ds;
    }

    public int width() {
        return ds.width();
    }

    public int height() {
        return ds.height();
    }

    /** Returns whether the alternate screen is shown (?47, ?1047, ?1049). */
    public boolean alternateActive() {
        return alternate.active();
    }

    /**
     * Shows a blank alternate screen (default background, as tmux), keeping the primary rows;
     * first, if {@code saveCursor}, saves the cursor as DECSC does into a slot of its own. Does
     * nothing if the alternate screen is already shown (tmux). The cursor does not move.
     */
    public void enterAlternate(boolean saveCursor) {
        if (alternate.active()) {
            return;
        }
        if (saveCursor) {
            alternate.saveCursor(ds);
        }
        alternate.primary = rows;
        rows = new Row[rows.length];
        java.util.Arrays.fill(rows, new Row(ds.width(), Renditions.DEFAULT, null));
    }

    /**
     * Shows the primary screen again, as it was, if the alternate one is shown; then, if
     * {@code restoreCursor}, restores the cursor that {@link #enterAlternate} saved, if any
     * (even when the primary screen was already shown, as tmux and xterm).
     */
    public void leaveAlternate(boolean restoreCursor) {
        if (alternate.active()) {
            rows = alternate.primary;
            alternate.primary = null;
        }
        if (restoreCursor) {
            alternate.restoreCursor(ds);
        }
    }

    /**
     * Returns the canonical string for a hyperlink ({@code "id=ID;URI"} or {@code ";URI"}), or
     * null when the screen already holds too many distinct links (see {@link LinkTable}).
     */
    public String internLink(String link) {
        if (links == null) {
            links = new LinkTable();
        }
        return links.intern(link, this::linksInUse);
    }

    /** Passes every hyperlink the screen uses (cells of both screens, cursors) to {@code action}. */
    private void linksInUse(java.util.function.Consumer<String> action) {
        for (Row r : rows) {
            r.forEachLink(action);
        }
        if (alternate.primary != null) {
            for (Row r : alternate.primary) {
                r.forEachLink(action);
            }
        }
        ds.forEachLink(action);
        alternate.forEachLink(action);
    }

    /** Returns a row for reading; it must not be changed. */
    public Row row(int index) {
        return rows[index];
    }

    /** Returns a row this screen may change, copying it first if it is shared. */
    public Row mutableRow(int index) {
        Row r = rows[index];
        if (r.owner() != token) {
            r = r.copy(token);
            rows[index] = r;
        }
        return r;
    }

    /** Returns the rendition erased cells get now: the current background only (BCE). */
    public long blankRendition() {
        return Renditions.blank(ds.background());
    }

    private Row newBlankRow() {
        return new Row(ds.width(), blankRendition(), null);
    }

    /** Erases one cell with the current background. */
    public void resetCell(int row, int col) {
        mutableRow(row).resetCell(col, blankRendition());
    }

    /** Erases a whole row with the current background, giving it a new generation. */
    public void resetRow(int row) {
        mutableRow(row).reset(blankRendition());
    }

    /** Erases cells {@code from..to} (inclusive) of a row. */
    public void clearCells(int row, int from, int to) {
        Row r = mutableRow(row);
        long blank = blankRendition();
        for (int col = from; col <= to; col++) {
            r.resetCell(col, blank);
        }
    }

    /** Scrolls the scrolling region up by {@code n} lines ({@code n < 0}: down). */
    public void scroll(int n) {
        if (n >= 0) {
            deleteLines(ds.scrollTop(), n);
        } else {
            insertLines(ds.scrollTop(), -n);
        }
    }

    /**
     * Moves the cursor {@code n} rows, scrolling the region when the cursor would leave it
     * (index / reverse index). A cursor outside the region just moves.
     */
    public void moveRowsAutoscroll(int n) {
        int row = ds.cursorRow();
        if (row < ds.scrollTop() || row > ds.scrollBottom()) {
            ds.moveRow(n, true);
            return;
        }
        if (row + n > ds.scrollBottom()) {
            int excess = row + n - ds.scrollBottom();
            scroll(excess);
            ds.moveRow(-excess, true);
        } else if (row + n < ds.scrollTop()) {
            int excess = row + n - ds.scrollTop();
            scroll(excess);
            ds.moveRow(-excess, true);
        }
        ds.moveRow(n, true);
    }

    /** Inserts blank lines at {@code before}, pushing lines off the region bottom (IL). */
    public void insertLines(int before, int count) {
        int bottom = ds.scrollBottom();
        if (before < ds.scrollTop() || before > bottom + 1) {
            return;
        }
        int n = Math.min(count, bottom + 1 - before);
        if (n <= 0) {
            return;
        }
        Row[] out = takeRows(bottom + 1 - n, n);
        System.arraycopy(rows, before, rows, before + n, bottom + 1 - before - n);
        blankRows(out, before, n);
    }

    /** Deletes lines at {@code row}, pulling blank lines in at the region bottom (DL). */
    public void deleteLines(int row, int count) {
        int bottom = ds.scrollBottom();
        if (row < ds.scrollTop() || row > bottom) {
            return;
        }
        int n = Math.min(count, bottom + 1 - row);
        if (n <= 0) {
            return;
        }
        Row[] out = takeRows(row, n);
        System.arraycopy(rows, row + n, rows, row, bottom + 1 - row - n);
        blankRows(out, bottom + 1 - n, n);
    }

    /** Copies the {@code n} rows from {@code from} that are about to leave the screen into {@link #spare}. */
    private Row[] takeRows(int from, int n) {
        if (spare.length < n) {
            spare = new Row[rows.length];
        }
        System.arraycopy(rows, from, spare, 0, n);
        return spare;
    }

    /**
     * Fills rows {@code at..at+n-1} with blank rows of one new generation, as one shared blank
     * row would be (mosh inserts copies of one new row). A row that left the screen and that this
     * screen owns is not shared with any copy, so it is reset and reused instead of allocating;
     * others are replaced by a shared blank row.
     */
    private void blankRows(Row[] out, int at, int n) {
        long blank = blankRendition();
        long gen = Row.newGeneration();
        Row shared = null;
        for (int i = 0; i < n; i++) {
            Row r = out[i];
            out[i] = null;
            if (r.owner() == token && r.width() == ds.width()) {
                r.reset(blank, gen);
            } else {
                if (shared == null) {
                    shared = new Row(ds.width(), blank, null, gen);
                }
                r = shared;
            }
            rows[at + i] = r;
        }
    }

    /** Inserts {@code n} blank cells at a position (ICH). */
    public void insertCells(int row, int col, int n) {
        mutableRow(row).insertCells(col, n, blankRendition());
    }

    /** Deletes {@code n} cells at a position (DCH). */
    public void deleteCells(int row, int col, int n) {
        mutableRow(row).deleteCells(col, n, blankRendition());
    }

    /**
     * RIS: the power-on draw state and blank rows; window title and clipboard are cleared, the
     * icon name and bell count survive (as in mosh). Beyond mosh: the alternate screen, if shown,
     * stays shown, and the primary screen and the cursor saved by ?1049 are kept (as tmux).
     */
    public void reset() {
        ds = new DrawState(ds.width(), ds.height());
        Row blank = newBlankRow();
        java.util.Arrays.fill(rows, blank);
        windowTitle = "";
        clipboard = "";
    }

    /**
     * DECSTR: insert and origin mode off, cursor shown, DECCKM off, margins, SGR and DECSC reset;
     * beyond mosh, character sets back to ASCII (xterm).
     */
    public void softReset() {
        ds.charsets().reset();
        ds.insertMode = false;
        ds.originMode = false;
        ds.cursorVisible = true;
        ds.applicationCursorKeys = false;
        ds.setScrollingRegion(0, ds.height() - 1);
        ds.setRendition(Renditions.DEFAULT);
        ds.clearSavedCursor();
    }

    /**
     * Resizes like mosh: rows are cut or blank rows added at the bottom, each row is cut or
     * extended on the right and loses its soft-wrap flag when the width changes.
     */
    public void resize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("screen size must be positive: " + width + "x" + height);
        }
        int oldWidth = ds.width();
        int oldHeight = ds.height();
        ds.resize(width, height);
        long blank = blankRendition();
        rows = resizeRows(rows, width, height, oldWidth, oldHeight, blank);
        if (alternate.primary != null) {
            alternate.primary = resizeRows(alternate.primary, width, height, oldWidth, oldHeight, blank);
        }
    }

    private Row[] resizeRows(Row[] old, int width, int height, int oldWidth, int oldHeight, long blank) {
        Row[] resized = new Row[height];
        Row blankRow = null;
        for (int i = 0; i < height; i++) {
            if (i < oldHeight) {
                resized[i] = width == oldWidth ? old[i] : old[i].resized(width, blank, token);
            } else {
                if (blankRow == null) {
                    blankRow = new Row(width, blank, null);
                }
                resized[i] = blankRow;
            }
        }
        return resized;
    }

    public String iconName() {
        return iconName;
    }

    public String windowTitle() {
        return windowTitle;
    }

    public String clipboard() {
        return clipboard;
    }

    public boolean titleInitialized() {
        return titleInitialized;
    }

    public int bellCount() {
        return bellCount;
    }

    public void setIconName(String iconName) {
        this.iconName = iconName;
        titleInitialized = true;
    }

    public void setWindowTitle(String windowTitle) {
        this.windowTitle = windowTitle;
        titleInitialized = true;
    }

    public void setClipboard(String clipboard) {
        this.clipboard = clipboard;
    }

    /** Counts one BEL. */
    public void ringBell() {
        bellCount++;
    }
}
