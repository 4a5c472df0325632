package dev.jmosh.cli.internal;

/**
 * One cell as it should look on the user's terminal: its text, width, {@link Style} and OSC 8
 * hyperlink ({@code "params;URI"}, or null).
 *
 * <p>The text is the emulator's, as mosh's display compares and prints it: {@code ""} for an
 * erased cell, which is drawn as a space or erased with EL/ECH, and otherwise the grapheme to
 * print, so a printed space, a no-break space (U+00A0) or hidden text are written as they are.
 * The right half of a wide character has width 0 and is never drawn.
 */
record DisplayCell(String text, int width, Style style, String link) {
    /** An erased cell of the default style: what a freshly cleared screen shows. */
    static final DisplayCell BLANK = new DisplayCell("", 1, Style.DEFAULT, null);

    /** A cell without hyperlink. */
    DisplayCell(String text, int width, Style style) {
        this(text, width, style, null);
    }

    /** The right half of a wide character: nothing is drawn there. */
    static DisplayCell continuation(DisplayCell wide) {
        return new DisplayCell("", 0, wide.style, wide.link);
    }

    /** Whether the cell was erased (mosh's {@code Cell::empty}): nothing printed, drawn as a space. */
    boolean erased() {
        return width == 1 && text.isEmpty();
    }

    /** Whether EL or ECH can produce this cell: an erased cell with colours only and no link. */
    boolean erasable() {
        return erased() && style.colorsOnly() && link == null;
    }

    /** The bytes (as text) that draw the cell: its text, or a space where it was erased. */
    String drawn() {
        return erased() ? " " : text;
    }

    /** The same cell as it looks on a terminal, where an erased cell and a printed space are alike. */
    DisplayCell looks() {
        return erased() ? new DisplayCell(" ", 1, style, link) : this;
    }

    boolean isContinuation() {
        return width == 0;
    }
}
