package dev.jmosh.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
            "0123456789abcdefghijklmnop");

    /** Lanterna's ANSI writer into a buffer, of a fixed size (the renderer's output under test). */
    private static final class BufferTerminal extends ANSITerminal implements TerminalOutput {
        private final ByteArrayOutputStream out;

        BufferTerminal(ByteArrayOutputStream out) {
            super(InputStream.nullInputStream(), out, StandardCharsets.UTF_8);
            this.out = out;
        }

        @Override
        protected TerminalSize findTerminalSize() {
            return new TerminalSize(COLS, ROWS);
        }

        @Override
        public void writeRaw(String sequence) throws IOException {
            writeToTerminal(sequence.getBytes(StandardCharsets.UTF_8));
        }

        byte[] take() {
            byte[] b = out.toByteArray();
            out.reset();
            return b;
        }
    }

    @Test
    void everyFrameDrawnIncrementallyShowsExactlyThatFrame() throws IOException {
        Random random = new Random(20261205);
        for (int run = 0; run < 40; run++) {
            Emulator server = new Emulator(COLS, ROWS);
            Emulator user = new Emulator(COLS, ROWS);
            BufferTerminal terminal = new BufferTerminal(new ByteArrayOutputStream());
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
                user.write(terminal.take());
                user.takeReplies();
                String where = "run " + run + " step " + step;
                assertThat(ScreenRenderer.compose(user.framebuffer(), Optional.empty(), COLS, ROWS)).as(where)
                        .isDeepEqualTo(ScreenRenderer.compose(frame, bar, COLS, ROWS));
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
        BufferTerminal terminal = new BufferTerminal(new ByteArrayOutputStream());
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
