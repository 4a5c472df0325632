package dev.jmosh.cli.internal;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;

/**
 * One cell as it should look on the user's terminal: text (one grapheme, or "" for the right
 * half of a wide character), colours and Lanterna attributes, plus what Lanterna has no
 * attribute for: faint (SGR 2) and the OSC 8 hyperlink ({@code "params;URI"}, or null).
 */
record DisplayCell(String text, int width, TextColor foreground, TextColor background, EnumSet<SGR> attributes,
        boolean faint, String link) {
    static final EnumSet<SGR> NONE = EnumSet.noneOf(SGR.class);
    static final DisplayCell BLANK = new DisplayCell(" ", 1, TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, NONE);

    /** A cell without faint or hyperlink. */
    DisplayCell(String text, int width, TextColor foreground, TextColor background, EnumSet<SGR> attributes) {
        this(text, width, foreground, background, attributes, false, null);
    }

    /** The right half of a wide character: nothing is drawn there. */
    static DisplayCell continuation(DisplayCell wide) {
        return new DisplayCell("", 0, wide.foreground, wide.background, wide.attributes, wide.faint, wide.link);
    }

    /** Whether EL or ECH can produce this cell: a blank without attributes or link. */
    boolean erasable() {
        return text.equals(" ") && attributes.isEmpty() && !faint && link == null;
    }

    boolean isContinuation() {
        return width == 0;
    }
}
