package dev.jmosh.vt;

import static dev.jmosh.vt.Term.cursor;
import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.screen;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrollTest {
    private static final String LINES = "1\r\n2\r\n3\r\n4\r\n5";

    @Test
    void scrollUpAndDownTheWholeScreen() {
        assertThat(screen(emu(2, 5, LINES + "\033[2S"))).isEqualTo("3\n4\n5\n\n");
        assertThat(screen(emu(2, 5, LINES + "\033[T"))).isEqualTo("\n1\n2\n3\n4");
        assertThat(cursor(emu(2, 5, LINES + "\033[2S"))).containsExactly(4, 1);
    }

    @Test
    void marginsLimitScrolling() {
        assertThat(screen(emu(2, 5, LINES + "\033[2;4r\033[S"))).isEqualTo("1\n3\n4\n\n5");
        assertThat(screen(emu(2, 5, LINES + "\033[2;4r\033[4;1H\n"))).isEqualTo("1\n3\n4\n\n5");
        assertThat(screen(emu(2, 5, LINES + "\033[2;4r\033[2;1H\033M"))).isEqualTo("1\n\n2\n3\n5");
    }

    @Test
    void lineFeedOutsideMarginsJustMoves() {
        Emulator e = emu(2, 5, LINES + "\033[1;3r\033[5;1H\n\n");
        assertThat(screen(e)).isEqualTo("1\n2\n3\n4\n5");
        assertThat(cursor(e)).containsExactly(4, 0);
    }

    @Test
    void marginsHomeTheCursorAndIgnoreInvalidRegions() {
        assertThat(cursor(emu(5, 5, "\033[3;3H\033[2;4r"))).containsExactly(0, 0);
        assertThat(cursor(emu(5, 5, "\033[3;3H\033[4;4r"))).containsExactly(2, 2); // one line: ignored
        assertThat(cursor(emu(5, 5, "\033[3;3H\033[4;2r"))).containsExactly(2, 2);
        assertThat(cursor(emu(5, 5, "\033[3;3H\033[9;12r"))).containsExactly(2, 2);
        assertThat(screen(emu(2, 5, LINES + "\033[2;99r\033[S"))).isEqualTo("1\n3\n4\n5\n");
    }

    @Test
    void insertAndDeleteLines() {
        assertThat(screen(emu(2, 5, LINES + "\033[2;1H\033[2L"))).isEqualTo("1\n\n\n2\n3");
        assertThat(screen(emu(2, 5, LINES + "\033[2;1H\033[2M"))).isEqualTo("1\n4\n5\n\n");
        assertThat(screen(emu(2, 5, LINES + "\033[2;1H\033[99M"))).isEqualTo("1\n\n\n\n");
        assertThat(cursor(emu(2, 5, LINES + "\033[2;2H\033[L"))).containsExactly(1, 0);
    }

    @Test
    void insertAndDeleteLinesRespectMargins() {
        assertThat(screen(emu(2, 5, LINES + "\033[2;4r\033[3;1H\033[L"))).isEqualTo("1\n2\n\n3\n5");
        assertThat(screen(emu(2, 5, LINES + "\033[2;4r\033[5;1H\033[L"))).isEqualTo("1\n2\n3\n4\n5");
    }

    @Test
    void newLinesTakeTheCurrentBackground() {
        Emulator e = emu(2, 2, "\033[41m\n\n");
        assertThat(e.framebuffer().cell(1, 0).rendition().background()).isEqualTo(Color.indexed(1));
    }

    @Test
    void scrolledRowsKeepTheirSoftWrap() {
        Emulator e = emu(3, 3, "abcdef\r\n\n");
        assertThat(screen(e)).isEqualTo("def\n\n");
        assertThat(e.framebuffer().rowWrapped(0)).isFalse();
        Emulator f = emu(3, 3, "\n\nabcdef\r\n");
        assertThat(f.framebuffer().rowWrapped(0)).isTrue();
    }
}
