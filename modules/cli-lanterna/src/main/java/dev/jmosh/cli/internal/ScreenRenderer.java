package dev.jmosh.cli.internal;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import dev.jmosh.vt.Cell;
import dev.jmosh.vt.CharWidth;
import dev.jmosh.vt.Framebuffer;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Draws the remote screen on the user's terminal (mosh's client-side {@code Display::new_frame}
 * role): it keeps the grid it last drew and sends only changed cells, using the emulator's own
 * character widths, then the cursor, the window title (with mosh's {@code [mosh] } prefix), the
 * bell and the modes (bracketed paste, mouse reporting, focus events, reverse video). Lanterna
 * knows the window size and buffers the output; the bytes are written as mosh writes them.
 *
 * <p>Cells are written as mosh's {@code Display::put_row} writes them: a cell whose text
 * changed is printed with its own text (a printed space, U+00A0 and hidden text included; only
 * erased cells are erased), each rendition as one SGR sequence ({@link Style#sgr}), a run of
 * erased cells up to the end of the row with EL, and the cursor moved by CR/LF and backspaces
 * where they are short ({@link CursorTracker}); a scroll is sent as a scroll
 * ({@link ScrollShortcut}). Beyond mosh, where mosh moves the cursor over a
 * gap of unchanged cells the gap is written again when that takes no more bytes than the move,
 * and an erased run inside a row is written as spaces unless ECH and the move after it are
 * shorter.
 *
 * <p>It also keeps the frame it last drew, and looks again only at the rows that differ from it
 * ({@link Framebuffer#sameRow}, immediate for the rows the two frames still share): a keystroke
 * echoed locally redraws one row, not the screen, which is what keeps local echo instant.
 */
public final class ScreenRenderer {
    private static final Style BAR = new Style(TextColor.ANSI.WHITE, TextColor.ANSI.BLUE, Style.NONE);
    private static final Style BAR_TEXT = new Style(TextColor.ANSI.WHITE, TextColor.ANSI.BLUE, EnumSet.of(SGR.BOLD));
    private static final String ERASE_TO_END_OF_LINE = "\033[K";

    private final TerminalOutput terminal;
    private final String titlePrefix;
    private final boolean titleSupported;
    private DisplayCell[][] shown;
    /** The frame {@link #shown} was drawn from (a copy), or null when it must be drawn whole. */
    private Framebuffer drawnFrame;
    /** Whether row 0 of {@link #shown} holds the notification bar. */
    private boolean drawnBar;
    private final TerminalModes modes = new TerminalModes();
    private final CursorTracker cursor = new CursorTracker();
    /** The bytes of the frame being drawn, written at once. */
    private final StringBuilder out = new StringBuilder();
    private String shownTitle;
    private int shownBells = -1;
    /** Whether the cursor is shown, or null when unknown. */
    private Boolean cursorShown;
    private Style curStyle;
    private String curLink;

    /**
     * A renderer on {@code terminal}.
     *
     * @param titlePrefix prepended to the remote title ("[mosh] " unless MOSH_TITLE_NOPREFIX)
     * @param titleSupported whether the terminal type takes OSC titles (mosh's TERM whitelist)
     */
    public ScreenRenderer(RawTerminal terminal, String titlePrefix, boolean titleSupported) {
        this((TerminalOutput) terminal, titlePrefix, titleSupported);
    }

    /** A renderer on any {@link TerminalOutput} (tests draw into a buffer). */
    ScreenRenderer(TerminalOutput terminal, String titlePrefix, boolean titleSupported) {
        this.terminal = terminal;
        this.titlePrefix = titlePrefix;
        this.titleSupported = titleSupported;
    }

    /** Forgets what is on the terminal: the next {@link #render} repaints everything. */
    public void invalidate() {
        shown = null;
        drawnFrame = null;
        modes.invalidate();
        shownTitle = null;
        cursor.forget();
        cursorShown = null;
    }

    /** Draws {@code fb} with the notification bar, if any, on the top row. */
    public void render(Framebuffer fb, Optional<String> bar) throws IOException {
        try {
            draw(fb, bar);
        } catch (IOException | RuntimeException e) {
            invalidate(); // what reached the terminal is unknown: the next frame repaints
            throw e;
        } finally {
            out.setLength(0);
        }
    }

    private void draw(Framebuffer fb, Optional<String> bar) throws IOException {
        TerminalSize size = terminal.getTerminalSize();
        int cols = size.getColumns();
        int rows = size.getRows();
        cursor.columns(cols);
        if (shown == null || shown.length != rows || shown[0].length != cols) {
            clear();
            shown = blankGrid(cols, rows);
            drawnFrame = null;
        }
        Framebuffer last = drawnFrame;
        drawnFrame = null; // until every row is drawn: a failed write leaves it to draw whole
        boolean sameShape = last != null && last.columns() == fb.columns() && last.rows() == fb.rows();
        String barText = bar.orElse(null);
        ScrollShortcut scroll = ScrollShortcut.NONE;
        if (sameShape && barText == null && !drawnBar && fb.rows() == rows && fb.columns() == cols) {
            scroll = ScrollShortcut.detect(fb, last);
            if (scroll.lines() > 0) {
                link(null);
                style(Style.DEFAULT);
                out.append(scroll.bytes(rows, cursor));
                scroll.shift(shown);
            }
        }
        for (int y = scroll.height(); y < rows; y++) {
            boolean barRow = y == 0 && (barText != null || drawnBar);
            boolean unchanged = sameShape && !barRow && y > scroll.bottom() && (y >= fb.rows() || fb.sameRow(y, last));
            if (!unchanged) {
                drawRow(y, composeRow(fb, y, cols, y == 0 ? barText : null));
            }
        }
        link(null);
        emit();
        drawnFrame = fb.copy();
        drawnBar = barText != null;
        int bells = fb.bellCount();
        if (shownBells >= 0 && bells != shownBells) {
            terminal.writeRaw("\007");
        }
        shownBells = bells;
        writeTitle(fb);
        modes.update(terminal, fb);
        boolean cursorOnBar = bar.isPresent() && fb.cursorRow() == 0;
        boolean visible = fb.cursorVisible() && !cursorOnBar
                && fb.cursorRow() < rows && fb.cursorCol() < cols;
        if (visible) {
            out.append(cursor.moveTo(fb.cursorRow(), fb.cursorCol()));
        }
        if (cursorShown == null || cursorShown != visible) {
            out.append(visible ? "\033[?25h" : "\033[?25l");
            cursorShown = visible;
        }
        emit();
        terminal.flush();
    }

    /** Resets the scrolling region and renditions, homes the cursor and clears, as mosh does. */
    private void clear() throws IOException {
        link(null);
        out.append("\033[r\033[0m\033[H\033[2J");
        curStyle = Style.DEFAULT;
        cursor.at(0, 0);
    }

    private void emit() throws IOException {
        if (!out.isEmpty()) {
            terminal.writeRaw(out.toString());
            out.setLength(0);
        }
    }

    private void drawRow(int y, DisplayCell[] row) {
        int cols = row.length;
        DisplayCell[] old = shown[y];
        int x = 0;
        while (x < cols) {
            DisplayCell c = row[x];
            if (c.isContinuation() || c.equals(old[x])) {
                x++;
                continue;
            }
            if (c.erasable()) {
                int run = blankRun(row, x);
                if (x + run == cols) {
                    moveTo(y, x, row);
                    style(c.style());
                    link(null);
                    out.append(ERASE_TO_END_OF_LINE); // background colour erase, as mosh does
                    System.arraycopy(row, x, old, x, run);
                    return;
                }
                String erase = "\033[" + run + "X";
                moveTo(y, x, row);
                style(c.style());
                link(null);
                System.arraycopy(row, x, old, x, run);
                if (erase.length() + cursor.move(y, x + run).length() < run) {
                    out.append(erase); // ECH leaves the cursor where it is
                } else {
                    out.repeat(' ', run);
                    cursor.advance(run);
                }
                x += run;
                continue;
            }
            moveTo(y, x, row);
            style(c.style());
            link(c.link());
            out.append(c.drawn());
            cursor.advance(c.width());
            old[x] = c;
            if (c.width() == 2 && x + 1 < cols) {
                old[x + 1] = row[x + 1];
            }
            x += Math.max(1, c.width());
        }
    }

    /**
     * Takes the cursor to ({@code y}, {@code x}): by writing again the unchanged cells between
     * the cursor and there when they are all in the current style and take no more bytes than
     * the move, else by the move.
     */
    private void moveTo(int y, int x, DisplayCell[] row) {
        String move = cursor.move(y, x);
        if (move.isEmpty()) {
            return;
        }
        int from = cursor.col();
        if (cursor.row() == y && from >= 0 && from < x) {
            int start = out.length();
            int bytes = 0;
            int i = from;
            while (i < x) {
                DisplayCell c = row[i];
                if (c.isContinuation() || !c.equals(shown[y][i]) || !c.style().equals(curStyle)
                        || !Objects.equals(c.link(), curLink)) {
                    break;
                }
                String text = c.drawn();
                bytes += utf8Length(text);
                if (bytes > move.length()) {
                    break;
                }
                out.append(text);
                i += c.width();
            }
            if (i == x) {
                cursor.at(y, x);
                return;
            }
            out.setLength(start);
        }
        out.append(cursor.moveTo(y, x));
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            n += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3;
        }
        return n;
    }

    /** How many erased cells of one style that EL/ECH can produce start at {@code x}. */
    private static int blankRun(DisplayCell[] row, int x) {
        DisplayCell first = row[x];
        int n = 1;
        while (x + n < row.length && row[x + n].equals(first)) {
            n++;
        }
        return n;
    }

    /** Opens, changes or closes the OSC 8 hyperlink that written text gets. */
    private void link(String l) {
        if (!Objects.equals(l, curLink)) {
            out.append("\033]8;").append(l == null ? ";" : l).append("\033\\");
            curLink = l;
        }
    }

    private void style(Style s) {
        if (!s.equals(curStyle)) {
            out.append(s.sgr());
            curStyle = s;
        }
    }

    /** Returns what puts the cursor style back to the terminal's default, if it was changed. */
    String restoreCursorStyle() {
        return modes.restoreCursorStyle();
    }

    /** Drops the title prefix, as mosh does on exit. */
    public void finish() throws IOException {
        if (titleSupported && shownTitle != null && shownTitle.startsWith(titlePrefix)) {
            String title = shownTitle.substring(titlePrefix.length());
            terminal.writeRaw("\033]0;" + title + "\007");
            terminal.flush();
        }
    }

    private void writeTitle(Framebuffer fb) throws IOException {
        if (!titleSupported) {
            return;
        }
        String title = titlePrefix + (fb.windowTitle() == null ? "" : fb.windowTitle());
        if (!title.equals(shownTitle)) {
            terminal.writeRaw("\033]0;" + title.replace('\007', ' ').replace('\033', ' ') + "\007");
            shownTitle = title;
        }
    }

    /** The grid to show: the frame clipped or padded to the window, then the bar on row 0. */
    static DisplayCell[][] compose(Framebuffer fb, Optional<String> bar, int cols, int rows) {
        DisplayCell[][] grid = new DisplayCell[rows][];
        for (int y = 0; y < rows; y++) {
            grid[y] = composeRow(fb, y, cols, y == 0 ? bar.orElse(null) : null);
        }
        return grid;
    }

    /** Row {@code y} of {@link #compose}: the bar if {@code barText} is not null, else the frame's row. */
    private static DisplayCell[] composeRow(Framebuffer fb, int y, int cols, String barText) {
        DisplayCell[] row = new DisplayCell[cols];
        java.util.Arrays.fill(row, DisplayCell.BLANK);
        if (barText != null) {
            drawBar(row, barText);
            return row;
        }
        if (y >= fb.rows()) {
            return row;
        }
        int w = Math.min(cols, fb.columns());
        for (int x = 0; x < w; x++) {
            Cell cell = fb.cell(y, x);
            DisplayCell d = CellStyle.of(cell);
            if (d.width() == 2) {
                if (x + 1 >= w) {
                    d = new DisplayCell(" ", 1, d.style(), d.link()); // half a wide character does not fit
                } else {
                    row[x] = d;
                    row[x + 1] = DisplayCell.continuation(d);
                    x++;
                    continue;
                }
            }
            row[x] = d;
        }
        return row;
    }

    private static void drawBar(DisplayCell[] row, String text) {
        DisplayCell blank = new DisplayCell(" ", 1, BAR); // printed spaces, as mosh's bar has
        for (int x = 0; x < row.length; x++) {
            row[x] = blank;
        }
        int col = 0;
        for (int i = 0; i < text.length() && col < row.length; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int w = CharWidth.of(cp);
            if (w <= 0 || col + w > row.length) {
                continue;
            }
            row[col] = new DisplayCell(new String(Character.toChars(cp)), w, BAR_TEXT);
            if (w == 2) {
                row[col + 1] = DisplayCell.continuation(row[col]);
            }
            col += w;
        }
    }

    private static DisplayCell[][] blankGrid(int cols, int rows) {
        DisplayCell[][] g = new DisplayCell[rows][cols];
        for (DisplayCell[] r : g) {
            java.util.Arrays.fill(r, DisplayCell.BLANK);
        }
        return g;
    }
}
