package dev.jmosh.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bytes the renderer writes for a frame, where they must be mosh-client's (what it writes
 * for the same frame is in the comments, as seen on its terminal): U+00A0 is written as itself,
 * colours 8–15 as {@code 38;5;N}/{@code 48;5;N}, hidden text with SGR 8, and the spaces between
 * words as spaces; and where they beat a cursor move.
 */
class RenderBytesTest {
    private static final int COLS = 40;
    private static final int ROWS = 4;

    private final Emulator server = new Emulator(COLS, ROWS);
    private final BufferTerminal terminal = new BufferTerminal(COLS, ROWS);
    private final ScreenRenderer renderer = new ScreenRenderer(terminal, "", false);

    /** The server's screen after {@code bytes}, drawn; returns what the renderer wrote for it. */
    private String draw(String bytes) throws IOException {
        server.write(bytes.getBytes(StandardCharsets.UTF_8));
        return draw(server.framebuffer().copy());
    }

    private String draw(Framebuffer frame) throws IOException {
        renderer.render(frame, Optional.empty());
        return terminal.takeText();
    }

    @Test
    void aNoBreakSpaceIsWrittenAsItself() throws IOException {
        draw("");
        // mosh-client: "nb\xC2\xA0sp"
        assertThat(draw("nb\u00A0sp")).contains("nb\u00A0sp");
    }

    @Test
    void colours8To15AreWrittenAsIndexedColours() throws IOException {
        draw("");
        String drawn = draw("\033[91ma\033[38;5;12mb\033[0;104mc\033[0;48;5;9md\033[0;93;101me\033[0;31;42mf");
        // mosh-client writes one SGR per rendition, from a reset, with 8-15 in the 256-colour form
        assertThat(drawn).contains("\033[0;38;5;9ma", "\033[0;38;5;12mb", "\033[0;48;5;12mc", "\033[0;48;5;9md",
                "\033[0;38;5;11;48;5;9me", "\033[0;31;42mf");
        assertThat(RenderReplayTest.brightColorParameters(drawn)).isEmpty();
    }

    @Test
    void attributesAreWrittenInOneSequenceInMoshsOrder() throws IOException {
        draw("");
        assertThat(draw("\033[7;5;4;3;1;33;44mx\033[0;38;2;1;2;3;48;5;200my"))
                .contains("\033[0;1;3;4;5;7;33;44mx", "\033[0;38;2;1;2;3;48;5;200my");
    }

    @Test
    void hiddenTextIsWrittenWithSgr8() throws IOException {
        draw("");
        // mosh-client: "\e[0;8mhid\e[0m"
        assertThat(draw("|\033[8mhid\033[0m|")).contains("|\033[0;8mhid\033[0m|");
    }

    @Test
    void theSpacesBetweenWordsAreWrittenAsSpaces() throws IOException {
        draw("");
        // mosh-client: "foo bar\r\n" (the space was printed, so it is a changed cell)
        assertThat(draw("foo bar\r\n")).startsWith("foo bar");
        assertThat(draw("a  b  c")).contains("a  b  c");
    }

    @Test
    void aPromptsTrailingSpaceIsWrittenNotJumpedOver() throws IOException {
        draw("");
        assertThat(draw("$ ")).as("the cursor ends after the space: no move").isEqualTo("$ ");
    }

    @Test
    void aKeystrokeAtTheCursorIsWrittenAloneAsMoshDoes() throws IOException {
        draw("$ ");
        Framebuffer predicted = server.framebuffer().copy();
        predicted.setCell(0, 2, Cell.of("x", Rendition.DEFAULT.withUnderlined(true)));
        predicted.moveCursor(0, 3);
        assertThat(draw(predicted)).isEqualTo("\033[0;4mx");
    }

    @Test
    void aShortGapOfUnchangedCellsIsWrittenInsteadOfACursorMove() throws IOException {
        draw("abcdefgh");
        // mosh-client moves over "bc" with CUP (\e[1;4H, 6 bytes); writing them takes 2
        assertThat(draw("\rX\033[2CY")).startsWith("\rXbcY");
    }

    @Test
    void aLongGapOfUnchangedCellsIsMovedOver() throws IOException {
        draw("0123456789abcdefghij");
        assertThat(draw("\rX\033[10CY")).startsWith("\rX\033[1;12HY");
    }

    @Test
    void aGapInAnotherStyleIsMovedOver() throws IOException {
        draw("a\033[1mbc\033[0mdef");
        assertThat(draw("\rX\033[2CY")).startsWith("\rX\033[1;4HY");
    }

    @Test
    void aShortErasedRunInsideARowIsWrittenAsSpaces() throws IOException {
        draw("abcdefghij");
        assertThat(draw("\033[1;2H\033[6X")).contains("      ").doesNotContain("X");
    }

    @Test
    void aLongErasedRunInsideARowIsErasedWithEch() throws IOException {
        draw("0123456789".repeat(3));
        assertThat(draw("\033[1;2H\033[20X")).contains("\033[20X").doesNotContain("          ");
    }

    @Test
    void anErasedRunToTheEndOfTheRowIsErasedWithEl() throws IOException {
        draw("0123456789");
        assertThat(draw("\033[1;3H\033[K")).contains("\033[K").doesNotContain("  ");
    }

    @Test
    void aScrollOfTheWholeScreenIsSentAsLineFeeds() throws IOException {
        draw("one\r\ntwo\r\nthree\r\nfour");
        // mosh-client: the cursor is on the bottom row, so CR LF scrolls, then the new row is written
        assertThat(draw("\r\nfive")).isEqualTo("\r\nfive");
    }

    @Test
    void aScrollAboveRowsThatStayIsSentWithinAScrollingRegion() throws IOException {
        draw("one\r\ntwo\r\nthree\r\nstatus");
        // rows 1-3 scroll by one (the status line stays): region 1-3, LF at its bottom, region reset
        String drawn = draw("\033[1;3r\033[3;1H\nfour\033[r");
        assertThat(drawn).startsWith("\033[1;3r\033[3;1H\n\033[r").contains("four").doesNotContain("two", "three");
    }

    @Test
    void theNextRowIsReachedWithCrLfAsMoshDoes() throws IOException {
        draw("");
        assertThat(draw("one\r\ntwo")).isEqualTo("one\r\ntwo");
    }
}
