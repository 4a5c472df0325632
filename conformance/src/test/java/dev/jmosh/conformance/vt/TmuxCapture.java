package dev.jmosh.conformance.vt;

import dev.jmosh.vt.CharWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code tmux capture-pane -p -e -N} output into a {@link CellGrid}. tmux 3.3 prints each
 * row's cells up to the last one written, with SGR sequences where the rendition changes (state
 * carried across rows: {@code 0}, the attribute codes 1..9, colours as 30..37/39, 90..97,
 * {@code 38;5;n}, {@code 38;2;r;g;b} and the background forms), SO/SI around characters of the
 * DEC special graphics set (read here as the Unicode line-drawing characters they show), and the
 * characters; a wide character takes two columns, a zero-width one joins the cell before it.
 * Widths are jmosh's {@link CharWidth}, which matches glibc's {@code wcwidth} that tmux uses.
 */
final class TmuxCapture {
    /** DEC special graphics for 0x5F..0x7E (VT100 line drawing), as xterm and tmux show them. */
    private static final String DEC_GRAPHICS =
            "\u00A0\u25C6\u2592\u2409\u240C\u240D\u240A\u00B0\u00B1\u2424\u240B\u2518\u2510\u250C\u2514\u253C"
            + "\u23BA\u23BB\u2500\u23BC\u23BD\u251C\u2524\u2534\u252C\u2502\u2264\u2265\u03C0\u2260\u00A3\u00B7";

    private int attributes;
    private String fg = CellGrid.DEFAULT_COLOUR;
    private String bg = CellGrid.DEFAULT_COLOUR;
    private boolean graphics;

    private TmuxCapture() {
    }

    /**
     * Parses a capture of a {@code columns} x {@code rows} pane (its lines, in order) and the
     * cursor as {@code display -p '#{cursor_x},#{cursor_y},#{cursor_flag}'} prints it.
     */
    static CellGrid parse(int columns, int rows, List<String> lines, String cursor) {
        CellGrid g = new CellGrid(columns, rows);
        TmuxCapture p = new TmuxCapture();
        for (int y = 0; y < rows && y < lines.size(); y++) {
            p.row(g, y, lines.get(y));
        }
        String[] c = cursor.strip().split(",");
        g.cursorX = Math.min(Integer.parseInt(c[0]), columns - 1);
        g.cursorY = Integer.parseInt(c[1]);
        g.cursorVisible = c[2].equals("1");
        return g;
    }

    private void row(CellGrid g, int y, String line) {
        int x = 0;
        int last = -1; // the column of the last character cell, for zero-width characters
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (cp == 0x1B && i + 1 < line.length() && line.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < line.length() && (line.charAt(end) < 0x40 || line.charAt(end) > 0x7E)) {
                    end++;
                }
                if (end < line.length() && line.charAt(end) == 'm') {
                    sgr(line.substring(i + 2, end));
                }
                i = end + 1;
                continue;
            }
            if (cp == 0x1B && i + 1 < line.length() && line.charAt(i + 1) == ']') {
                int st = line.indexOf("\033\\", i); // an OSC 8 hyperlink (tmux 3.4+): skipped
                i = st < 0 ? line.length() : st + 2;
                continue;
            }
            i += Character.charCount(cp);
            if (cp == 0x0E || cp == 0x0F) {
                graphics = cp == 0x0E;
                continue;
            }
            if (graphics && cp >= 0x5F && cp <= 0x7E) {
                cp = DEC_GRAPHICS.charAt(cp - 0x5F);
            }
            int width = CharWidth.of(cp);
            if (width == 0 && last >= 0) {
                g.text[g.index(last, y)] += new String(Character.toChars(cp));
                continue;
            }
            if (x >= g.columns) {
                continue; // cannot happen with a pane of the right size
            }
            int at = g.index(x, y);
            g.text[at] = new String(Character.toChars(cp));
            set(g, at);
            last = x;
            x++;
            if (width == 2 && x < g.columns) {
                g.text[g.index(x, y)] = null;
                set(g, g.index(x, y));
                x++;
            }
        }
        g.extent[y] = x;
    }

    private void set(CellGrid g, int i) {
        g.attributes[i] = attributes;
        g.fg[i] = fg;
        g.bg[i] = bg;
    }

    private void sgr(String params) {
        List<int[]> groups = new ArrayList<>();
        for (String group : params.isEmpty() ? new String[] {"0"} : params.split(";", -1)) {
            String[] sub = group.split(":", -1);
            int[] values = new int[sub.length];
            for (int k = 0; k < sub.length; k++) {
                values[k] = sub[k].isEmpty() ? 0 : Integer.parseInt(sub[k]);
            }
            groups.add(values);
        }
        for (int k = 0; k < groups.size(); k++) {
            int[] v = groups.get(k);
            int n = v[0];
            if (v.length > 1) {
                if (n == 4) { // underline styles; tmux 3.3 also prints overline (53) as 5:3, ignored
                    attributes = v[1] > 0 ? attributes | CellGrid.UNDERLINED : attributes & ~CellGrid.UNDERLINED;
                }
                continue;
            }
            if ((n == 38 || n == 48) && k + 2 < groups.size() && groups.get(k + 1)[0] == 5) {
                colour(n == 38, "i" + groups.get(k + 2)[0]);
                k += 2;
            } else if ((n == 38 || n == 48) && k + 4 < groups.size() && groups.get(k + 1)[0] == 2) {
                colour(n == 38, String.format("#%02x%02x%02x",
                        groups.get(k + 2)[0], groups.get(k + 3)[0], groups.get(k + 4)[0]));
                k += 4;
            } else {
                simple(n);
            }
        }
    }

    private void simple(int n) {
        switch (n) {
            case 0: attributes = 0; fg = CellGrid.DEFAULT_COLOUR; bg = CellGrid.DEFAULT_COLOUR; break;
            case 1: attributes |= CellGrid.BOLD; break;
            case 2: attributes |= CellGrid.FAINT; break;
            case 3: attributes |= CellGrid.ITALIC; break;
            case 4: attributes |= CellGrid.UNDERLINED; break;
            case 5: attributes |= CellGrid.BLINK; break;
            case 7: attributes |= CellGrid.INVERSE; break;
            case 8: attributes |= CellGrid.INVISIBLE; break;
            case 9: attributes |= CellGrid.STRIKETHROUGH; break;
            case 39: fg = CellGrid.DEFAULT_COLOUR; break;
            case 49: bg = CellGrid.DEFAULT_COLOUR; break;
            default:
                if (n >= 30 && n <= 37) {
                    fg = "i" + (n - 30);
                } else if (n >= 40 && n <= 47) {
                    bg = "i" + (n - 40);
                } else if (n >= 90 && n <= 97) {
                    fg = "i" + (n - 90 + 8);
                } else if (n >= 100 && n <= 107) {
                    bg = "i" + (n - 100 + 8);
                }
                break;
        }
    }

    private void colour(boolean foreground, String key) {
        if (foreground) {
            fg = key;
        } else {
            bg = key;
        }
    }
}
