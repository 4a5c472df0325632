package dev.jmosh.cli.internal;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Color;
import dev.jmosh.vt.Rendition;
import java.util.EnumSet;

/** Translates emulator cells into {@link DisplayCell}s in Lanterna's colour and attribute model. */
final class CellStyle {
    private static final TextColor.ANSI[] BASIC = {
        TextColor.ANSI.BLACK, TextColor.ANSI.RED, TextColor.ANSI.GREEN, TextColor.ANSI.YELLOW,
        TextColor.ANSI.BLUE, TextColor.ANSI.MAGENTA, TextColor.ANSI.CYAN, TextColor.ANSI.WHITE,
        TextColor.ANSI.BLACK_BRIGHT, TextColor.ANSI.RED_BRIGHT, TextColor.ANSI.GREEN_BRIGHT,
        TextColor.ANSI.YELLOW_BRIGHT, TextColor.ANSI.BLUE_BRIGHT, TextColor.ANSI.MAGENTA_BRIGHT,
        TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.WHITE_BRIGHT,
    };

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
        int i = c.index();
        return i < 16 ? BASIC[i] : new TextColor.Indexed(i);
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

    /** The display form of an emulator cell. */
    static DisplayCell of(Cell cell) {
        Rendition r = cell.rendition();
        String text = cell.blank() || r.invisible() ? " " : printable(cell);
        return new DisplayCell(text, cell.wide() ? 2 : 1, color(r.foreground()), color(r.background()), attributes(r),
                r.faint(), cell.link());
    }

    /**
     * The cell's text as the emulator holds it (base character and combining marks, passed to
     * the terminal to combine); a cell starting with a mark is drawn after a no-break space, as
     * mosh does.
     */
    private static String printable(Cell cell) {
        String t = cell.text();
        if (t.isEmpty()) {
            return " ";
        }
        return cell.fallback() ? "\u00A0" + t : t;
    }
}
