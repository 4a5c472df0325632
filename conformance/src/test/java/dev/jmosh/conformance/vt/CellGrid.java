package dev.jmosh.conformance.vt;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Color;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;
import java.util.Arrays;

/**
 * A screen reduced to what both terminals can tell: per cell the text (a blank is {@code " "},
 * a cell covered by a wide character is {@code null}), the attributes as {@link #BOLD} ...
 * {@link #STRIKETHROUGH} bits and the two colours as keys ({@code "default"}, {@code "i12"},
 * {@code "#0a141e"}); per row the extent, the columns the source could report (tmux prints no
 * cell past the last one written, so what lies beyond is known only to be blank); the cursor,
 * its column clamped to the screen (tmux reports a pending wrap as column = width).
 */
final class CellGrid {
    static final int BOLD = 1;
    static final int FAINT = 2;
    static final int ITALIC = 4;
    static final int UNDERLINED = 8;
    static final int BLINK = 16;
    static final int INVERSE = 32;
    static final int INVISIBLE = 64;
    static final int STRIKETHROUGH = 128;
    private static final String[] ATTRIBUTE_NAMES =
            {"bold", "faint", "italic", "underlined", "blink", "inverse", "invisible", "strikethrough"};
    static final String DEFAULT_COLOUR = "default";

    /** The attributes compared: all that both jmosh and tmux's capture-pane -e show. */
    static final int COMPARED_ATTRIBUTES = BOLD | FAINT | ITALIC | UNDERLINED | BLINK | INVERSE | INVISIBLE
            | STRIKETHROUGH;

    final int columns;
    final int rows;
    final String[] text;
    final int[] attributes;
    final String[] fg;
    final String[] bg;
    final int[] extent;
    int cursorX;
    int cursorY;
    boolean cursorVisible = true;

    CellGrid(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        int n = columns * rows;
        text = new String[n];
        Arrays.fill(text, " ");
        attributes = new int[n];
        fg = new String[n];
        bg = new String[n];
        Arrays.fill(fg, DEFAULT_COLOUR);
        Arrays.fill(bg, DEFAULT_COLOUR);
        extent = new int[rows];
    }

    int index(int x, int y) {
        return y * columns + x;
    }

    /** The grid of a jmosh framebuffer: every cell is known (the extent is the full width). */
    static CellGrid of(Framebuffer fb) {
        CellGrid g = new CellGrid(fb.columns(), fb.rows());
        for (int y = 0; y < fb.rows(); y++) {
            g.extent[y] = fb.columns();
            for (int x = 0; x < fb.columns(); x++) {
                Cell c = fb.cell(y, x);
                int i = g.index(x, y);
                Rendition r = c.rendition();
                g.text[i] = c.fallback() ? "\u00A0" + c.text() : c.blank() ? " " : c.text();
                g.attributes[i] = (r.bold() ? BOLD : 0) | (r.faint() ? FAINT : 0)
                        | (r.italic() ? ITALIC : 0) | (r.underlined() ? UNDERLINED : 0) | (r.blink() ? BLINK : 0)
                        | (r.inverse() ? INVERSE : 0) | (r.invisible() ? INVISIBLE : 0)
                        | (r.strikethrough() ? STRIKETHROUGH : 0);
                g.fg[i] = key(r.foreground());
                g.bg[i] = key(r.background());
                if (c.wide() && x + 1 < fb.columns()) {
                    x++;
                    int j = g.index(x, y);
                    g.text[j] = null;
                    g.attributes[j] = g.attributes[i];
                    g.fg[j] = g.fg[i];
                    g.bg[j] = g.bg[i];
                }
            }
        }
        g.cursorX = fb.cursorCol();
        g.cursorY = fb.cursorRow();
        g.cursorVisible = fb.cursorVisible();
        return g;
    }

    static String key(Color c) {
        if (c.isDefault()) {
            return DEFAULT_COLOUR;
        }
        return c.isIndexed() ? "i" + c.index() : String.format("#%06x", c.rgb());
    }

    /** Whether cell {@code (x, y)} of this grid (jmosh) agrees with the same cell of {@code tmux}. */
    boolean cellMatches(CellGrid tmux, int x, int y) {
        int i = index(x, y);
        if (x >= tmux.extent[y]) {
            return text[i] == null ? tmux.text[i] == null : text[i].equals(" ");
        }
        return java.util.Objects.equals(text[i], tmux.text[i])
                && (attributes[i] & COMPARED_ATTRIBUTES) == (tmux.attributes[i] & COMPARED_ATTRIBUTES)
                && fg[i].equals(tmux.fg[i]) && bg[i].equals(tmux.bg[i]);
    }

    boolean cursorMatches(CellGrid tmux) {
        return cursorX == tmux.cursorX && cursorY == tmux.cursorY && cursorVisible == tmux.cursorVisible;
    }

    /** One cell for a report: its text and what differs from the default rendition. */
    String describe(int x, int y) {
        int i = index(x, y);
        StringBuilder b = new StringBuilder(text[i] == null ? "(covered)" : "'" + text[i] + "'");
        int a = attributes[i] & COMPARED_ATTRIBUTES;
        for (int k = 0; k < ATTRIBUTE_NAMES.length; k++) {
            if ((a & (1 << k)) != 0) {
                b.append(' ').append(ATTRIBUTE_NAMES[k]);
            }
        }
        if (!fg[i].equals(DEFAULT_COLOUR)) {
            b.append(" fg=").append(fg[i]);
        }
        if (!bg[i].equals(DEFAULT_COLOUR)) {
            b.append(" bg=").append(bg[i]);
        }
        return b.toString();
    }

    /** Row {@code y} as text, blanks as spaces, up to its extent, trailing blanks removed. */
    String rowText(int y) {
        StringBuilder b = new StringBuilder();
        for (int x = 0; x < extent[y]; x++) {
            String t = text[index(x, y)];
            if (t != null) {
                b.append(t);
            }
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        return b.substring(0, end);
    }

    String cursor() {
        return cursorX + "," + cursorY + (cursorVisible ? "" : " hidden");
    }
}
