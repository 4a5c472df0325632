package dev.jmosh.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the renderer writes, fed to a terminal emulator standing in for the user's terminal, shows
 * every frame exactly (text, widths, colours, attributes, hyperlinks, cursor), frame after frame:
 * drawing only the rows that changed since the last frame never leaves a stale cell behind.
 */
class RenderReplayTest {
    private static final int COLS = 24;
    private static final int ROWS = 6;
    private static final List<String> PIECES = List.of("hello", " ", "world", "\u4e2d\u6587", "\u00e9", "e\u0301",
            "\r\n", "\r", "\n", "\b", "\033[1m", "\033[3;4m", "\033[7m", "\033[2m", "\033[9m", "\033[31m",
            "\033[42m", "\033[38;5;200m", "\033[48;2;10;20;30m", "\033[m", "\033[K", "\033[1K", "\033[2J", "\033[J",
            "\033[H", "\033[3;5H", "\033[6;23H", "\033[2@", "\033[3P", "\033[L", "\033[M", "\033[S", "\033[T",
            "\033[4X", "\033]8;;http://x\033\\link\033]8;;\033\\", "\033[?25l", "\033[?25h", "\uD83D\uDE00",
            "0123456789abcdefghijklmnop",
            "\u00A0", "nb\u00A0sp", "\033[91m", "\033[38;5;12m", "\033[104m", "\033[48;5;9m", "\033[8m", "\033[28m",
            "foo bar", "a  b", "   ", "$ ", "x y z");

    @Test
    void everyFrameDrawnIncrementallyShowsExactlyThatFrame() throws IOException {
        Random random = new Random(20261205);
        for (int run = 0; run < 40; run++) {
            Emulator server = new Emulator(COLS, ROWS);
            Emulator user = new Emulator(COLS, ROWS);
            BufferTerminal terminal = new BufferTerminal(COLS, ROWS);
            ScreenRenderer renderer = new ScreenRenderer(terminal, "", false);
            for (int step = 0; step < 60; step++) {
                int n = 1 + random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    server.write(PIECES.get(random.nextInt(PIECES.size())).getBytes(StandardCharsets.UTF_8));
                }
                server.takeReplies();
                Framebuffer frame = server.framebuffer().copy();
                if (random.nextInt(3) == 0) {
                    predict(frame, random); // local echo drawn on the copy, as the client does
                }
                Optional<String> bar = random.nextInt(5) == 0 ? Optional.of("mosh: Last contact " + step + " seconds ago.")
                        : Optional.empty();
                if (random.nextInt(25) == 0) {
                    renderer.invalidate();
                }
                renderer.render(frame, bar);
                byte[] drawn = terminal.take();
                user.write(drawn);
                user.takeReplies();
                String where = "run " + run + " step " + step;
                assertThat(looks(ScreenRenderer.compose(user.framebuffer(), Optional.empty(), COLS, ROWS))).as(where)
                        .isDeepEqualTo(looks(ScreenRenderer.compose(frame, bar, COLS, ROWS)));
                for (int y = bar.isPresent() ? 1 : 0; y < ROWS; y++) {
                    assertThat(cells(user.framebuffer(), y)).as(where + " row " + y).isEqualTo(cells(frame, y));
                }
                assertThat(brightColorParameters(new String(drawn, StandardCharsets.UTF_8))).as(where).isEmpty();
                if (frame.cursorVisible() && !(bar.isPresent() && frame.cursorRow() == 0)) {
                    assertThat(user.framebuffer().cursorRow()).as(where).isEqualTo(frame.cursorRow());
                    assertThat(user.framebuffer().cursorCol()).as(where).isEqualTo(frame.cursorCol());
                }
                assertThat(user.framebuffer().cursorVisible()).as(where)
                        .isEqualTo(frame.cursorVisible() && !(bar.isPresent() && frame.cursorRow() == 0));
            }
        }
    }

    @Test
    void aKeystrokeEchoedLocallyRedrawsOnlyItsRow() throws IOException {
        Emulator server = new Emulator(COLS, ROWS);
        server.write("$ ls\r\nfile1 file2\r\n$ ".getBytes(StandardCharsets.UTF_8));
        BufferTerminal terminal = new BufferTerminal(COLS, ROWS);
        ScreenRenderer renderer = new ScreenRenderer(terminal, "", false);
        renderer.render(server.framebuffer().copy(), Optional.empty());
        terminal.take();
        Framebuffer predicted = server.framebuffer().copy();
        predicted.setCell(2, 2, Cell.of("x", Rendition.DEFAULT.withUnderlined(true)));
        predicted.moveCursor(2, 3);
        renderer.render(predicted, Optional.empty());
        String drawn = new String(terminal.take(), StandardCharsets.UTF_8);
        assertThat(drawn).contains("x").doesNotContain("file1").doesNotContain("ls");
    }

    private static final Pattern SGR = Pattern.compile("\033\\[([0-9;]*)m");

    /** The SGR parameters 90–97 and 100–107 in {@code drawn}: mosh writes colours 8–15 as 38;5;N and 48;5;N. */
    static List<String> brightColorParameters(String drawn) {
        List<String> found = new java.util.ArrayList<>();
        Matcher m = SGR.matcher(drawn);
        while (m.find()) {
            String[] p = m.group(1).split(";");
            for (int i = 0; i < p.length; i++) {
                if (p[i].equals("38") || p[i].equals("48")) {
                    i += i + 1 < p.length && p[i + 1].equals("2") ? 4 : 2; // skip the colour's own numbers
                } else if (p[i].matches("9[0-7]|10[0-7]")) {
                    found.add(p[i]);
                }
            }
        }
        return found;
    }

    /**
     * Row {@code y} cell by cell as the emulator holds it, not as the renderer sees it: text (an
     * erased cell as a space, a fallback cell after its U+00A0), width, rendition and link.
     */
    private static List<String> cells(Framebuffer fb, int y) {
        List<String> row = new java.util.ArrayList<>();
        for (int x = 0; x < fb.columns(); x++) {
            Cell c = fb.cell(y, x);
            String text = c.text().isEmpty() ? " " : c.fallback() ? "\u00A0" + c.text() : c.text();
            row.add(text + (c.wide() ? " wide " : " ") + c.rendition() + " " + c.link());
            if (c.wide()) {
                x++;
            }
        }
        return row;
    }

    /** The grid as it looks: an erased cell and a printed space are alike on a terminal. */
    private static DisplayCell[][] looks(DisplayCell[][] grid) {
        DisplayCell[][] l = new DisplayCell[grid.length][];
        for (int y = 0; y < grid.length; y++) {
            l[y] = java.util.Arrays.stream(grid[y]).map(DisplayCell::looks).toArray(DisplayCell[]::new);
        }
        return l;
    }

    private static void predict(Framebuffer frame, Random random) {
        int row = frame.cursorRow();
        int col = frame.cursorCol();
        if (col < frame.columns()) {
            frame.setCell(row, col, Cell.of(String.valueOf((char) ('a' + random.nextInt(26))),
                    Rendition.DEFAULT.withUnderlined(true)));
            frame.moveCursor(row, Math.min(col + 1, frame.columns() - 1));
        }
    }
}
