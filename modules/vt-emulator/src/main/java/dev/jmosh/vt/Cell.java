package dev.jmosh.vt;

/**
 * A snapshot of one screen cell. Mirrors mosh's {@code Terminal::Cell}.
 *
 * <p>{@link #text()} is the text exactly as stored: {@code ""} for a cell that was never written
 * or was erased, {@code " "} for a printed space (both are {@link #blank()}). A fallback cell
 * (one whose text starts with a combining mark, because the mark arrived on an empty cell)
 * holds only the marks; peers draw it as U+00A0 followed by them.
 *
 * <p>A wide character is stored in its left cell ({@link #wide()} is true, the text is the
 * character and its marks). The cell to its right is covered: it is normally empty, is never
 * drawn, and is ignored by {@link Framebuffer#equals}; renderers should skip it.
 */
public final class Cell {
    private final String text;
    private final boolean wide;
    private final boolean fallback;
    private final Rendition rendition;
    private final String link;

    Cell(String text, boolean wide, boolean fallback, Rendition rendition, String link) {
        this.text = text;
        this.wide = wide;
        this.fallback = fallback;
        this.rendition = rendition;
        this.link = link;
    }

    /**
     * Returns a narrow cell holding {@code text} (one character, optionally followed by marks,
     * or "" for an erased cell) drawn with {@code rendition}, without a hyperlink: what an
     * overlay writes with {@link Framebuffer#setCell}.
     */
    public static Cell of(String text, Rendition rendition) {
        return new Cell(java.util.Objects.requireNonNull(text, "text"), false, false,
                java.util.Objects.requireNonNull(rendition, "rendition"), null);
    }

    /**
     * Returns a wide cell holding {@code text} (one character of width 2, see {@link CharWidth},
     * optionally followed by marks) drawn with {@code rendition}, without a hyperlink: what an
     * overlay writes with {@link Framebuffer#setCell} to show a wide character, which then also
     * erases the cell it covers, as the emulator does when it prints one. Beyond mosh 1.4.0,
     * whose local echo never predicts wide characters.
     *
     * @throws IllegalArgumentException if {@code text} is empty
     */
    public static Cell ofWide(String text, Rendition rendition) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a wide cell needs a character");
        }
        return new Cell(text, true, false, java.util.Objects.requireNonNull(rendition, "rendition"), null);
    }

    /** Returns this cell drawn with another rendition. */
    public Cell withRendition(Rendition newRendition) {
        return new Cell(text, wide, fallback, java.util.Objects.requireNonNull(newRendition, "rendition"), link);
    }

    /** Returns the stored text: {@code ""} when erased, else a base character and its marks. */
    public String text() {
        return text;
    }

    /** Returns whether the character takes two columns (this cell and the covered next one). */
    public boolean wide() {
        return wide;
    }

    /** Returns whether the cell shows nothing: empty, a space, or a lone no-break space (mosh). */
    public boolean blank() {
        return text.isEmpty() || text.equals(" ") || text.equals("\u00A0");
    }

    /** Returns whether the text starts with a combining mark (drawn after U+00A0). */
    public boolean fallback() {
        return fallback;
    }

    public Rendition rendition() {
        return rendition;
    }

    /**
     * Returns the cell's OSC 8 hyperlink as {@code "id=ID;URI"} or {@code ";URI"}, or null;
     * beyond mosh 1.4.0.
     */
    public String link() {
        return link;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Cell)) {
            return false;
        }
        Cell c = (Cell) o;
        return c.text.equals(text) && c.wide == wide && c.fallback == fallback
                && c.rendition.equals(rendition) && java.util.Objects.equals(c.link, link);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + rendition.hashCode() + (wide ? 1 : 0) + (fallback ? 2 : 0);
    }

    @Override
    public String toString() {
        return "Cell['" + text + "'" + (wide ? ", wide" : "") + (fallback ? ", fallback" : "")
                + ", " + rendition + (link == null ? "" : ", link=" + link) + "]";
    }
}
