package dev.jmosh.cli.internal;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Color;
import dev.jmosh.vt.Rendition;
import java.util.EnumSet;

/**
 * Translates emulator cells into {@link DisplayCell}s in Lanterna's colour and attribute model,
 * keeping what mosh's display keeps: the cell's own text (so U+00A0 and hidden text are written,
 * not replaced by spaces) and the colour numbering mosh writes back (0–7 as basic colours, 8–255
 * as indexed ones: {@code 38;5;9}, never {@code 91}).
 */
final class CellStyle {
    private static final TextColor.ANSI[] BASIC = {
        TextColor.ANSI.BLACK, TextColor.ANSI.RED, TextColor.ANSI.GREEN, TextColor.ANSI.YELLOW,
        TextColor.ANSI.BLUE, TextColor.ANSI.MAGENTA, TextColor.ANSI.CYAN, TextColor.ANSI.WHITE,
    };
    private static final TextColor[] INDEXED = new TextColor[256];

    static {
        for (int i = 0; i < INDEXED.length; i++) {
            INDEXED[i] = i < BASIC.length ? BASIC[i] : new TextColor.Indexed(i);
        }
    }

    private CellStyle() {
    }

    static TextColor color(Color c) {
        if (c == null || c.isDefault()) {
            return TextColor.ANSI.DEFAULT;
        }
        if (c.isRgb()) {
            int rgb = c.rgb();
            return new TextColor.RGB((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        }
        return INDEXED[c.index() & 0xFF];
    }

    static EnumSet<SGR> attributes(Rendition r) {
        EnumSet<SGR> s = EnumSet.noneOf(SGR.class);
        if (r.bold()) {
            s.add(SGR.BOLD);
        }
        if (r.italic()) {
            s.add(SGR.ITALIC);
        }
        if (r.underlined()) {
            s.add(SGR.UNDERLINE);
        }
        if (r.blink()) {
            s.add(SGR.BLINK);
        }
        if (r.inverse()) {
            s.add(SGR.REVERSE);
        }
        if (r.strikethrough()) {
            s.add(SGR.CROSSED_OUT);
        }
        return s;
    }

    /** The style of a rendition. */
    static Style style(Rendition r) {
        return new Style(color(r.foreground()), color(r.background()), attributes(r), r.faint(), r.invisible());
    }

    /** The display form of an emulator cell. */
    static DisplayCell of(Cell cell) {
        return new DisplayCell(printable(cell), cell.wide() ? 2 : 1, style(cell.rendition()), cell.link());
    }

    /**
     * The cell's text as the emulator holds it ({@code ""} when erased, else the base character
     * and its combining marks, passed to the terminal to combine); a cell starting with a mark is
     * drawn after a no-break space, as mosh does.
     */
    private static String printable(Cell cell) {
        String t = cell.text();
        return cell.fallback() && !t.isEmpty() ? "\u00A0" + t : t;
    }
}
