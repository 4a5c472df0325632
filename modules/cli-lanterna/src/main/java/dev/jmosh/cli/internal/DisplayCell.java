package dev.jmosh.cli.internal;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;

/**
 * One cell as it should look on the user's terminal: text (one grapheme, or "" for the right
 * half of a wide character), colours and Lanterna attributes.
 */
record DisplayCell(String text, int width, TextColor foreground, TextColor background, EnumSet<SGR> attributes) {
    static final EnumSet<SGR> NONE = EnumSet.noneOf(SGR.class);
    static final DisplayCell BLANK = new DisplayCell(" ", 1, TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, NONE);

    /** The right half of a wide character: nothing is drawn there. */
    static DisplayCell continuation(DisplayCell wide) {
        return new DisplayCell("", 0, wide.foreground, wide.background, wide.attributes);
    }

    boolean isContinuation() {
        return width == 0;
    }
}
