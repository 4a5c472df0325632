package dev.jmosh.vt;

import static dev.jmosh.vt.Term.cursor;
import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.screen;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void absoluteMoves() {
        assertThat(cursor(emu(10, 5, "\033[3;4H"))).containsExactly(2, 3);
        assertThat(cursor(emu(10, 5, "\033[3;4f"))).containsExactly(2, 3);
        assertThat(cursor(emu(10, 5, "\033[H"))).containsExactly(0, 0);
        assertThat(cursor(emu(10, 5, "\033[0;0H"))).containsExactly(0, 0);
        assertThat(cursor(emu(10, 5, "\033[99;99H"))).containsExactly(4, 9);
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[7G"))).containsExactly(2, 6);
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[7`"))).containsExactly(2, 6);
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[2d"))).containsExactly(1, 3);
    }

    @Test
    void relativeMovesClampToScreen() {
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[2A"))).containsExactly(0, 3);
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[9A"))).containsExactly(0, 3);
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[B"))).containsExactly(3, 3);
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[3C"))).containsExactly(2, 6);
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[65535C"))).containsExactly(2, 9);
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[2D"))).containsExactly(2, 1);
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[0D"))).containsExactly(2, 2);
        assertThat(cursor(emu(10, 5, "\033[3;4H\b\b"))).containsExactly(2, 1);
        assertThat(cursor(emu(10, 5, "\b"))).containsExactly(0, 0);
    }

    @Test
    void nextAndPreviousLine() {
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[E"))).containsExactly(3, 0);
        assertThat(cursor(emu(10, 5, "\033[3;4H\033[2F"))).containsExactly(0, 0);
    }

    @Test
    void relativeMovesIgnoreMarginsOutsideOriginMode() {
        assertThat(cursor(emu(10, 5, "\033[2;4r\033[3;1H\033[5A"))).containsExactly(0, 0);
    }

    @Test
    void originMode() {
        Emulator e = emu(10, 6, "\033[2;4r\033[?6h\033[1;1H");
        assertThat(cursor(e)).containsExactly(1, 0);
        Term.feed(e, "\033[9;1H");
        assertThat(cursor(e)).containsExactly(3, 0);
        Term.feed(e, "\033[9A");
        assertThat(cursor(e)).containsExactly(1, 0);
    }

    @Test
    void originModeHomesWithTheOldSetting() {
        assertThat(cursor(emu(10, 6, "\033[3;5r\033[4;4H\033[?6h"))).containsExactly(0, 0);
        assertThat(cursor(emu(10, 6, "\033[3;5r\033[?6h\033[2;2H\033[?6l"))).containsExactly(2, 0);
    }

    @Test
    void saveAndRestoreCursor() {
        Emulator e = emu(10, 5, "\033[2;3H\033[1;4m\0337\033[H\033[0m\033[?7lx\0338y");
        assertThat(cursor(e)).containsExactly(1, 3);
        Cell y = e.framebuffer().cell(1, 2);
        assertThat(y.text()).isEqualTo("y");
        assertThat(y.rendition().bold()).isTrue();
        assertThat(y.rendition().underlined()).isTrue();
        Term.feed(e, "\033[1;10Habc"); // autowrap restored on
        assertThat(screen(e).split("\n")[1]).startsWith("bc");
    }

    @Test
    void restoreWithoutSaveGoesHome() {
        assertThat(cursor(emu(10, 5, "\033[3;3H\0338"))).containsExactly(0, 0);
    }

    @Test
    void restoredCursorIsClampedAfterResize() {
        Emulator e = emu(10, 5, "\033[5;10H\0337");
        e.resize(4, 3);
        Term.feed(e, "\0338");
        assertThat(cursor(e)).containsExactly(2, 3);
    }

    @Test
    void lineFeedsAndReverseIndex() {
        assertThat(cursor(emu(10, 5, "\n\n\u000b\u000c"))).containsExactly(4, 0);
        assertThat(cursor(emu(10, 5, "ab\033E"))).containsExactly(1, 0);
        assertThat(cursor(emu(10, 5, "ab\u0085"))).containsExactly(1, 0);
        assertThat(cursor(emu(10, 5, "\n\nab\033D"))).containsExactly(3, 2);
        assertThat(cursor(emu(10, 5, "\n\nab\033M"))).containsExactly(1, 2);
    }
}
