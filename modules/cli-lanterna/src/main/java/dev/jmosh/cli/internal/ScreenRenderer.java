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
 * Draws the remote screen on the user's terminal through Lanterna (mosh's client-side
 * {@code Display::new_frame} role): it keeps the grid it last drew and sends only changed cells,
 * using the emulator's own character widths, then the cursor, the window title (with mosh's
 * {@code [mosh] } prefix), the bell and the modes Lanterna has no call for (bracketed paste,
 * mouse reporting, focus events, reverse video), which are written through.
 *
 * <p>It also keeps the frame it last drew, and looks again only at the rows that differ from it
 * ({@link Framebuffer#sameRow}, immediate for the rows the two frames still share): a keystroke
 * echoed locally redraws one row, not the screen, which is what keeps local echo instant.
 */
public final class ScreenRenderer {
    private static final TextColor BAR_FG = TextColor.ANSI.WHITE;
    private static final TextColor BAR_BG = TextColor.ANSI.BLUE;
    /** Longer runs of blanks are erased with ECH instead of written, as mosh's display does. */
    private static final int MAX_BLANKS_WRITTEN = 4;

    private final TerminalOutput terminal;
    private final String titlePrefix;
    private final boolean titleSupported;
    private DisplayCell[][] shown;
    /** The frame {@link #shown} was drawn from (a copy), or null when it must be drawn whole. */
    private Framebuffer drawnFrame;
    /** Whether row 0 of {@link #shown} holds the notification bar. */
    private boolean drawnBar;
    private final TerminalModes modes = new TerminalModes();
    private String shownTitle;
    private int shownBells = -1;
    private TextColor curFg;
    private TextColor curBg;
    private EnumSet<SGR> curAttrs;
    private boolean curFaint;
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
    }

    /** Draws {@code fb} with the notification bar, if any, on the top row. */
    public void render(Framebuffer fb, Optional<String> bar) throws IOException {
        TerminalSize size = terminal.getTerminalSize();
        int cols = size.getColumns();
        int rows = size.getRows();
        if (shown == null || shown.length != rows || shown[0].length != cols) {
            resetAttributes();
            terminal.clearScreen();
            shown = blankGrid(cols, rows);
            drawnFrame = null;
        }
        Framebuffer last = drawnFrame;
        drawnFrame = null; // until every row is drawn: a failed write leaves it to draw whole
        boolean sameShape = last != null && last.columns() == fb.columns() && last.rows() == fb.rows();
        String barText = bar.orElse(null);
        for (int y = 0; y < rows; y++) {
            boolean barRow = y == 0 && (barText != null || drawnBar);
            boolean unchanged = sameShape && !barRow && (y >= fb.rows() || fb.sameRow(y, last));
            if (!unchanged) {
                drawRow(y, composeRow(fb, y, cols, y == 0 ? barText : null));
            }
        }
        drawnFrame = fb.copy();
        drawnBar = barText != null;
        link(null);
        int bells = fb.bellCount();
        if (shownBells >= 0 && bells != shownBells) {
            terminal.bell();
        }
        shownBells = bells;
        writeTitle(fb);
        modes.update(terminal, fb);
        boolean cursorOnBar = bar.isPresent() && fb.cursorRow() == 0;
        boolean visible = fb.cursorVisible() && !cursorOnBar
                && fb.cursorRow() < rows && fb.cursorCol() < cols;
        if (visible) {
            terminal.setCursorPosition(fb.cursorCol(), fb.cursorRow());
        }
        terminal.setCursorVisible(visible);
        terminal.flush();
    }

    private void drawRow(int y, DisplayCell[] row) throws IOException {
        int cols = row.length;
        boolean positioned = false;
        for (int x = 0; x < cols; x++) {
            DisplayCell c = row[x];
            if (c.isContinuation() || c.equals(shown[y][x])) {
                positioned = false;
                continue;
            }
            if (!positioned) {
                terminal.setCursorPosition(x, y);
                positioned = true;
            }
            style(c);
            if (blankToEnd(row, x)) {
                // erase to end of line (background colour erase) instead of writing spaces
                terminal.writeRaw("\033[K");
                System.arraycopy(row, x, shown[y], x, cols - x);
                return;
            }
            int run = blankRun(row, x);
            if (run > MAX_BLANKS_WRITTEN) {
                // erase a run of blanks (ECH) as mosh's display does; the cursor stays put
                terminal.writeRaw("\033[" + run + "X");
                System.arraycopy(row, x, shown[y], x, run);
                x += run - 1;
                positioned = false;
                continue;
            }
            link(c.link());
            // not putString: Lanterna 3.1.3 encodes char by char, appending NULs after
            // multi-byte characters and mangling surrogate pairs (emoji)
            terminal.writeRaw(c.text());
            shown[y][x] = c;
            if (c.width() == 2 && x + 1 < cols) {
                shown[y][x + 1] = row[x + 1];
                x++;
            }
        }
    }

    /** How many plain blanks of one style EL/ECH can produce start at {@code x}. */
    private static int blankRun(DisplayCell[] row, int x) {
        DisplayCell first = row[x];
        if (!first.erasable()) {
            return 0;
        }
        int n = 1;
        while (x + n < row.length && row[x + n].equals(first)) {
            n++;
        }
        return n;
    }

    /** Whether every cell from {@code x} on is a plain blank of one style that EL can produce. */
    private static boolean blankToEnd(DisplayCell[] row, int x) {
        DisplayCell first = row[x];
        if (!first.erasable()) {
            return false;
        }
        for (int i = x + 1; i < row.length; i++) {
            if (!row[i].equals(first)) {
                return false;
            }
        }
        return true;
    }

    /** Opens, changes or closes the OSC 8 hyperlink that written text gets. */
    private void link(String l) throws IOException {
        if (!Objects.equals(l, curLink)) {
            terminal.writeRaw("\033]8;" + (l == null ? ";" : l) + "\033\\");
            curLink = l;
        }
    }

    private void style(DisplayCell c) throws IOException {
        if (Objects.equals(curFg, c.foreground()) && Objects.equals(curBg, c.background())
                && Objects.equals(curAttrs, c.attributes()) && curFaint == c.faint()) {
            return;
        }
        terminal.resetColorAndSGR();
        if (c.foreground() != TextColor.ANSI.DEFAULT) {
            terminal.setForegroundColor(c.foreground());
        }
        if (c.background() != TextColor.ANSI.DEFAULT) {
            terminal.setBackgroundColor(c.background());
        }
        for (SGR s : c.attributes()) {
            terminal.enableSGR(s);
        }
        if (c.faint()) {
            terminal.writeRaw("\033[2m"); // Lanterna has no SGR for faint
        }
        curFaint = c.faint();
        curFg = c.foreground();
        curBg = c.background();
        curAttrs = c.attributes();
    }

    private void resetAttributes() throws IOException {
        terminal.resetColorAndSGR();
        curFg = TextColor.ANSI.DEFAULT;
        curBg = TextColor.ANSI.DEFAULT;
        curAttrs = DisplayCell.NONE;
        curFaint = false;
        link(null);
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
                    d = new DisplayCell(" ", 1, d.foreground(), d.background(), d.attributes(), d.faint(), d.link());
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
        DisplayCell blank = new DisplayCell(" ", 1, BAR_FG, BAR_BG, DisplayCell.NONE);
        EnumSet<SGR> bold = EnumSet.of(SGR.BOLD);
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
            row[col] = new DisplayCell(new String(Character.toChars(cp)), w, BAR_FG, BAR_BG, bold);
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
