package dev.jmosh.cli.internal;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/**
 * How a cell's text looks, in Lanterna's colour and attribute model, plus what Lanterna has no
 * attribute for: faint (SGR 2) and invisible (SGR 8). {@link #sgr} writes it as mosh's
 * {@code Renditions::sgr} does, in one sequence that starts from a reset.
 */
record Style(TextColor foreground, TextColor background, EnumSet<SGR> attributes, boolean faint,
        boolean invisible) {
    static final EnumSet<SGR> NONE = EnumSet.noneOf(SGR.class);
    static final Style DEFAULT = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, NONE, false, false);

    /** A style without faint or invisible. */
    Style(TextColor foreground, TextColor background, EnumSet<SGR> attributes) {
        this(foreground, background, attributes, false, false);
    }

    /** Whether only colours are set: what an erase (EL, ECH) gives a cell under this style. */
    boolean colorsOnly() {
        return attributes.isEmpty() && !faint && !invisible;
    }

    /**
     * The SGR sequence that sets exactly this style, as mosh writes it: {@code ESC [ 0}, then
     * bold 1, (faint 2), italic 3, underline 4, blink 5, inverse 7, invisible 8, (crossed out
     * 9), then the colours: 30–37/40–47 for 0–7, {@code 38;5;N}/{@code 48;5;N} for 8–255,
     * {@code 38;2;R;G;B} for true colour; the two in brackets are beyond mosh 1.4.0, which drops
     * them.
     */
    String sgr() {
        StringBuilder s = new StringBuilder("\033[0");
        attribute(s, attributes.contains(SGR.BOLD), 1);
        attribute(s, faint, 2);
        attribute(s, attributes.contains(SGR.ITALIC), 3);
        attribute(s, attributes.contains(SGR.UNDERLINE), 4);
        attribute(s, attributes.contains(SGR.BLINK), 5);
        attribute(s, attributes.contains(SGR.REVERSE), 7);
        attribute(s, invisible, 8);
        attribute(s, attributes.contains(SGR.CROSSED_OUT), 9);
        if (foreground != TextColor.ANSI.DEFAULT) {
            s.append(';').append(new String(foreground.getForegroundSGRSequence(), StandardCharsets.US_ASCII));
        }
        if (background != TextColor.ANSI.DEFAULT) {
            s.append(';').append(new String(background.getBackgroundSGRSequence(), StandardCharsets.US_ASCII));
        }
        return s.append('m').toString();
    }

    private static void attribute(StringBuilder s, boolean on, int code) {
        if (on) {
            s.append(';').append(code);
        }
    }
}
