package dev.jmosh.vt.tools;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Color;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Prints a framebuffer the way {@code tmux capture-pane -p} does: one line per row, wide
 * characters once, trailing blanks removed; with attributes ({@link #sgr}) in the style of
 * {@code capture-pane -p -e}: SGR only where the rendition changes, carried across rows, up to
 * the last cell of each row that is not a blank of the default rendition, trailing blanks
 * trimmed; the
 * attributes first (after a {@code 0} when any was removed), then the foreground, then the
 * background, each in its own sequence; after a {@code 0} both colours are restated.
 * Fallback cells (a combining mark on an empty cell, which mosh draws after U+00A0) print as
 * U+00A0 and the marks.
 */
final class ScreenPrinter {
    /** The attributes, in tmux's order, with their SGR codes. */
    private enum Attribute {
        BOLD(1, Rendition::bold),
        FAINT(2, Rendition::faint),
        ITALIC(3, Rendition::italic),
        UNDERLINED(4, Rendition::underlined),
        BLINK(5, Rendition::blink),
        INVERSE(7, Rendition::inverse),
        INVISIBLE(8, Rendition::invisible),
        STRIKETHROUGH(9, Rendition::strikethrough);

        final int code;
        final Predicate<Rendition> test;

        Attribute(int code, Predicate<Rendition> test) {
            this.code = code;
            this.test = test;
        }
    }

    private ScreenPrinter() {
    }

    /** The rows as text, each followed by a newline. */
    static String text(Framebuffer fb) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < fb.rows(); y++) {
            int start = out.length();
            for (int x = 0; x < fb.columns(); x++) {
                Cell c = fb.cell(y, x);
                appendCell(out, c);
                if (c.wide()) {
                    x++;
                }
            }
            trimSpaces(out, start);
            out.append('\n');
        }
        return out.toString();
    }

    /** The rows with SGR sequences, as {@code capture-pane -p -e} prints them. */
    static String sgr(Framebuffer fb) {
        StringBuilder out = new StringBuilder();
        Rendition last = Rendition.DEFAULT;
        for (int y = 0; y < fb.rows(); y++) {
            int start = out.length();
            int end = extent(fb, y);
            for (int x = 0; x < end; x++) {
                Cell c = fb.cell(y, x);
                appendChange(out, last, c.rendition());
                last = c.rendition();
                appendCell(out, c);
                if (c.wide()) {
                    x++;
                }
            }
            trimSpaces(out, start);
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The columns of row {@code y} worth printing: up to the last cell that is not a blank of
     * the default rendition (trailing blanks are then trimmed, whatever their colour, as tmux
     * does).
     */
    private static int extent(Framebuffer fb, int y) {
        int end = fb.columns();
        while (end > 0) {
            Cell c = fb.cell(y, end - 1);
            boolean blank = c.text().isEmpty() || c.text().equals(" ");
            if (!(blank && c.rendition().equals(Rendition.DEFAULT)) || fb.covered(y, end - 1)) {
                break;
            }
            end--;
        }
        return end;
    }

    private static void appendCell(StringBuilder out, Cell c) {
        if (c.fallback()) {
            out.append('\u00A0').append(c.text());
        } else if (c.blank()) {
            out.append(' ');
        } else {
            out.append(c.text());
        }
    }

    private static void trimSpaces(StringBuilder out, int start) {
        int end = out.length();
        while (end > start && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }

    /** Appends the SGR sequences that turn rendition {@code from} into {@code to}. */
    static void appendChange(StringBuilder out, Rendition from, Rendition to) {
        List<Integer> codes = new ArrayList<>();
        boolean reset = false;
        for (Attribute a : Attribute.values()) {
            if (a.test.test(from) && !a.test.test(to)) {
                reset = true;
                codes.add(0);
                break;
            }
        }
        for (Attribute a : Attribute.values()) {
            if (a.test.test(to) && (reset || !a.test.test(from))) {
                codes.add(a.code);
            }
        }
        if (!codes.isEmpty()) {
            out.append("\033[");
            for (int i = 0; i < codes.size(); i++) {
                out.append(i == 0 ? "" : ";").append(codes.get(i));
            }
            out.append('m');
        }
        if (reset || !from.foreground().equals(to.foreground())) {
            out.append("\033[").append(colour(to.foreground(), 30)).append('m');
        }
        if (reset || !from.background().equals(to.background())) {
            out.append("\033[").append(colour(to.background(), 40)).append('m');
        }
    }

    /** The SGR parameters of a colour: {@code base} is 30 for the foreground, 40 for the background. */
    private static String colour(Color c, int base) {
        if (c.isDefault()) {
            return Integer.toString(base + 9);
        }
        if (c.isIndexed()) {
            int i = c.index();
            if (i < 8) {
                return Integer.toString(base + i);
            }
            if (i < 16) {
                return Integer.toString(base + 60 + i - 8);
            }
            return (base + 8) + ";5;" + i;
        }
        int rgb = c.rgb();
        return (base + 8) + ";2;" + (rgb >> 16) + ";" + ((rgb >> 8) & 0xFF) + ";" + (rgb & 0xFF);
    }
}
