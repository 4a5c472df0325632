package dev.jmosh.vt.internal.screen;

import dev.jmosh.vt.internal.unicode.ByteSink;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One row of cells, stored as parallel arrays so that printing allocates nothing. Mirrors mosh's
 * {@code Terminal::Row} and {@code Terminal::Cell}: a cell holds a text (a base code point plus
 * combining marks, at most {@value #MAX_CELL_BYTES} bytes of UTF-8), a wide flag, a fallback
 * flag (the text starts with a combining mark) and a rendition. The soft-wrap flag belongs, as
 * in mosh, to the last cell: whatever resets or shifts the last cell clears it.
 *
 * <p>Beyond mosh, a cell may carry an OSC 8 hyperlink: a reference to a canonical string of the
 * screen's {@link LinkTable} ({@code "id=ID;URI"} or {@code ";URI"}), in an array allocated only
 * for rows that ever held a link. Erasing a cell removes its link.
 *
 * <p>Rows are shared between framebuffer copies. A row may only be changed by the screen whose
 * token is its {@link #owner()}; others copy it first (see {@link Screen#mutableRow}). The
 * generation number ({@code gen}) survives copies and is renewed by {@link #reset}; two rows of
 * equal content and generation are "the same row" for scroll detection, as in mosh.
 */
public final class Row {
    /** Cell text limit in UTF-8 bytes: marks are dropped once a cell holds this many. */
    public static final int MAX_CELL_BYTES = 32;
    /** UTF-8 length of U+00A0, which a fallback cell is drawn with. */
    private static final int NBSP_BYTES = 2;
    private static final byte WIDE = 1;
    private static final byte FALLBACK = 2;
    private static final AtomicLong GENERATIONS = new AtomicLong();

    private final int[] base;   // first code point of each cell, 0 = empty
    private int[][] marks;      // null, or per cell null / the code points after base
    private final long[] rend;  // packed Renditions
    private String[] links;     // null, or per cell null / a LinkTable string
    private final byte[] flags; // WIDE | FALLBACK
    private boolean wrap;
    private long gen;
    private final Object owner;

    /**
     * Creates a blank row with a fresh generation.
     *
     * @param width number of cells (at least 1)
     * @param blankRendition rendition of every cell (see {@link Renditions#blank})
     * @param owner token of the screen allowed to change it, or null for a shared row
     */
    public Row(int width, long blankRendition, Object owner) {
        this(width, blankRendition, owner, newGeneration());
    }

    /** Creates a blank row with the given generation (see {@link #newGeneration()}). */
    Row(int width, long blankRendition, Object owner, long gen) {
        base = new int[width];
        rend = new long[width];
        flags = new byte[width];
        Arrays.fill(rend, blankRendition);
        this.gen = gen;
        this.owner = owner;
    }

    /** Returns a generation number no row has had yet. */
    static long newGeneration() {
        return GENERATIONS.incrementAndGet();
    }

    private Row(Row src, int width, long blankRendition, Object owner) {
        int keep = Math.min(width, src.width());
        base = Arrays.copyOf(src.base, width);
        rend = Arrays.copyOf(src.rend, width);
        flags = Arrays.copyOf(src.flags, width);
        if (width > keep) {
            Arrays.fill(rend, keep, width, blankRendition);
        }
        marks = src.marks == null ? null : Arrays.copyOf(src.marks, width);
        links = src.links == null ? null : Arrays.copyOf(src.links, width);
        wrap = src.wrap && width == src.width();
        gen = src.gen;
        this.owner = owner;
    }

    /** Returns a copy (same generation) that {@code newOwner} may change. */
    public Row copy(Object newOwner) {
        return new Row(this, width(), 0, newOwner);
    }

    /**
     * Returns a copy truncated or extended to {@code width} cells, new cells blank, soft-wrap
     * cleared (mosh's framebuffer resize).
     */
    public Row resized(int width, long blankRendition, Object newOwner) {
        Row r = new Row(this, width, blankRendition, newOwner);
        r.wrap = false;
        return r;
    }

    /** Returns a copy (same generation) with another soft-wrap flag. */
    public Row withWrap(boolean newWrap) {
        Row r = new Row(this, width(), 0, null);
        r.wrap = newWrap;
        return r;
    }

    public int width() {
        return base.length;
    }

    public Object owner() {
        return owner;
    }

    public long gen() {
        return gen;
    }

    /** Returns whether the row is soft-wrapped (its text continues on the next row). */
    public boolean wrap() {
        return wrap;
    }

    public void setWrap(boolean wrap) {
        this.wrap = wrap;
    }

    /** Returns whether the cell has no text (never written, or erased). */
    public boolean isEmpty(int col) {
        return base[col] == 0;
    }

    /** Returns the first code point of the cell's text, 0 if empty. */
    public int base(int col) {
        return base[col];
    }

    /** Returns the code points after the first one, or null; the array must not be changed. */
    public int[] marks(int col) {
        return marks == null ? null : marks[col];
    }

    public long rendition(int col) {
        return rend[col];
    }

    /** Returns the cell's hyperlink (a {@link LinkTable} string), or null. */
    public String link(int col) {
        return links == null ? null : links[col];
    }

    /** Returns whether any cell of the row may carry a hyperlink. */
    public boolean mayHaveLinks() {
        return links != null;
    }

    public boolean isWide(int col) {
        return (flags[col] & WIDE) != 0;
    }

    public boolean isFallback(int col) {
        return (flags[col] & FALLBACK) != 0;
    }

    /** Returns 2 for a wide cell, else 1. */
    public int cellWidth(int col) {
        return isWide(col) ? 2 : 1;
    }

    /** Resets one cell to blank (mosh {@code Cell::reset}). */
    public void resetCell(int col, long blankRendition) {
        base[col] = 0;
        if (marks != null) {
            marks[col] = null;
        }
        if (links != null) {
            links[col] = null;
        }
        rend[col] = blankRendition;
        flags[col] = 0;
        if (col == base.length - 1) {
            wrap = false;
        }
    }

    /** Resets every cell and takes a new generation (mosh {@code Row::reset}). */
    public void reset(long blankRendition) {
        reset(blankRendition, newGeneration());
    }

    /**
     * Resets every cell and takes generation {@code newGen}: what a screen does to a row it owns
     * instead of allocating a blank one, so the row must look exactly like
     * {@code new Row(width, blankRendition, owner, newGen)}.
     */
    void reset(long blankRendition, long newGen) {
        Arrays.fill(base, 0);
        Arrays.fill(rend, blankRendition);
        Arrays.fill(flags, (byte) 0);
        marks = null;
        links = null;
        wrap = false;
        gen = newGen;
    }

    /** Replaces a cell by one character (a reset followed by an append, as mosh prints). */
    public void put(int col, int codePoint, boolean wide, long rendition) {
        put(col, codePoint, wide, rendition, null);
    }

    /** Replaces a cell by one character carrying a hyperlink (a {@link LinkTable} string or null). */
    public void put(int col, int codePoint, boolean wide, long rendition, String link) {
        if (links != null) {
            links[col] = link;
        } else if (link != null) {
            links = new String[base.length];
            links[col] = link;
        }
        base[col] = codePoint;
        if (marks != null) {
            marks[col] = null;
        }
        rend[col] = rendition;
        flags[col] = wide ? WIDE : 0;
        if (col == base.length - 1) {
            wrap = false;
        }
    }

    /**
     * Replaces cells {@code col..col+n-1} by the printable ASCII characters
     * {@code data[off..off+n-1]}, narrow, all with one rendition and link: exactly what
     * {@code n} calls of {@link #put} do.
     */
    public void putAscii(int col, byte[] data, int off, int n, long rendition, String link) {
        int end = col + n;
        if (links != null || link != null) {
            if (links == null) {
                links = new String[base.length];
            }
            Arrays.fill(links, col, end, link);
        }
        if (marks != null) {
            Arrays.fill(marks, col, end, null);
        }
        int[] b = base;
        for (int i = 0; i < n; i++) {
            b[col + i] = data[off + i];
        }
        Arrays.fill(rend, col, end, rendition);
        Arrays.fill(flags, col, end, (byte) 0);
        if (n > 0 && end == b.length) {
            wrap = false;
        }
    }

    /** Marks an (empty) cell as starting with a combining character. */
    public void setFallback(int col) {
        flags[col] |= FALLBACK;
    }

    /**
     * Appends a combining character to a cell unless the cell is full. A fallback cell counts
     * the no-break space it is drawn with, so that a peer that receives it drawn keeps the same
     * marks.
     */
    public void appendCombining(int col, int codePoint) {
        if (base[col] == 0) {
            base[col] = codePoint;
            return;
        }
        int bytes = ByteSink.utf8Length(base[col]) + (isFallback(col) ? NBSP_BYTES : 0);
        int[] old = marks(col);
        if (old != null) {
            for (int cp : old) {
                bytes += ByteSink.utf8Length(cp);
            }
        }
        if (bytes >= MAX_CELL_BYTES) {
            return;
        }
        if (marks == null) {
            marks = new int[base.length][];
        }
        int[] grown = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
        grown[grown.length - 1] = codePoint;
        marks[col] = grown;
    }

    /** Inserts {@code n} blank cells at {@code col}, pushing cells off the right edge. */
    public void insertCells(int col, int n, long blankRendition) {
        int count = Math.min(n, base.length - col);
        int move = base.length - col - count;
        System.arraycopy(base, col, base, col + count, move);
        System.arraycopy(rend, col, rend, col + count, move);
        System.arraycopy(flags, col, flags, col + count, move);
        if (marks != null) {
            System.arraycopy(marks, col, marks, col + count, move);
        }
        if (links != null) {
            System.arraycopy(links, col, links, col + count, move);
        }
        for (int i = col; i < col + count; i++) {
            resetCell(i, blankRendition);
        }
        wrap = false;
    }

    /** Deletes {@code n} cells at {@code col}, pulling blank cells in at the right edge. */
    public void deleteCells(int col, int n, long blankRendition) {
        int count = Math.min(n, base.length - col);
        int move = base.length - col - count;
        System.arraycopy(base, col + count, base, col, move);
        System.arraycopy(rend, col + count, rend, col, move);
        System.arraycopy(flags, col + count, flags, col, move);
        if (marks != null) {
            System.arraycopy(marks, col + count, marks, col, move);
        }
        if (links != null) {
            System.arraycopy(links, col + count, links, col, move);
        }
        for (int i = base.length - count; i < base.length; i++) {
            resetCell(i, blankRendition);
        }
        wrap = false;
    }

    /** Returns whether cell {@code col} is identical in both rows (text, flags, rendition, link). */
    public boolean sameCell(int col, Row other) {
        return base[col] == other.base[col]
                && rend[col] == other.rend[col]
                && flags[col] == other.flags[col]
                && Arrays.equals(marks(col), other.marks(col))
                && sameLink(col, other);
    }

    /** Returns whether cell {@code col} has the same hyperlink in both rows. */
    public boolean sameLink(int col, Row other) {
        String a = link(col);
        String b = other.link(col);
        return a == b || (a != null && a.equals(b));
    }

    /** Passes every hyperlink the row holds to {@code action} (for rebuilding the link table). */
    void forEachLink(java.util.function.Consumer<String> action) {
        if (links == null) {
            return;
        }
        for (String l : links) {
            if (l != null) {
                action.accept(l);
            }
        }
    }

    /** Returns whether both rows hold identical cells and the same soft-wrap flag. */
    public boolean sameContent(Row other) {
        if (other.width() != width() || other.wrap != wrap) {
            return false;
        }
        for (int col = 0; col < base.length; col++) {
            if (!sameCell(col, other)) {
                return false;
            }
        }
        return true;
    }

    /** Appends the cell's stored text (no no-break space for fallback cells) as UTF-16. */
    public void appendText(int col, StringBuilder out) {
        if (base[col] == 0) {
            return;
        }
        out.appendCodePoint(base[col]);
        int[] m = marks(col);
        if (m != null) {
            for (int cp : m) {
                out.appendCodePoint(cp);
            }
        }
    }

    /**
     * Appends what drawing the cell prints, as mosh's {@code Cell::print_grapheme}: a space for
     * an empty cell, U+00A0 before the marks of a fallback cell, else the text.
     */
    public void appendGrapheme(int col, ByteSink out) {
        if (base[col] == 0) {
            out.append(' ');
            return;
        }
        if (isFallback(col)) {
            out.appendCodePoint(0xA0);
        }
        out.appendCodePoint(base[col]);
        int[] m = marks(col);
        if (m != null) {
            for (int cp : m) {
                out.appendCodePoint(cp);
            }
        }
    }
}
