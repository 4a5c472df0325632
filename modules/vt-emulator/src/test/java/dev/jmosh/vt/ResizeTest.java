package dev.jmosh.vt;

import static dev.jmosh.vt.Term.cursor;
import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.screen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResizeTest {
    @Test
    void keepsContentFromTheTopLeft() {
        Emulator e = emu(4, 3, "abcd\r\nefgh\r\nijkl");
        e.resize(2, 2);
        assertThat(screen(e)).isEqualTo("ab\nef");
        assertThat(cursor(e)).containsExactly(1, 1);
        e.resize(5, 4);
        assertThat(screen(e)).isEqualTo("ab\nef\n\n");
    }

    @Test
    void newCellsTakeTheCurrentBackground() {
        Emulator e = emu(2, 1, "\033[45m");
        e.resize(3, 2);
        assertThat(e.framebuffer().cell(0, 2).rendition().background()).isEqualTo(Color.indexed(5));
        assertThat(e.framebuffer().cell(1, 0).rendition().background()).isEqualTo(Color.indexed(5));
    }

    @Test
    void widthChangeClearsSoftWrap() {
        Emulator e = emu(3, 3, "abcdef");
        e.resize(3, 4);
        assertThat(e.framebuffer().rowWrapped(0)).isTrue();
        e.resize(4, 4);
        assertThat(e.framebuffer().rowWrapped(0)).isFalse();
    }

    @Test
    void marginsResetOnResize() {
        Emulator e = emu(3, 4, "\033[2;3r");
        e.resize(3, 5);
        Term.feed(e, "1\r\n2\r\n3\r\n4\r\n5\r\n6");
        assertThat(screen(e)).isEqualTo("2\n3\n4\n5\n6");
    }

    @Test
    void combiningAfterResizeCutOffTheCellIsDropped() {
        Emulator e = emu(5, 2, "\033[2;5Hx");
        e.resize(3, 1);
        Term.feed(e, "\u0301");
        assertThat(screen(e)).isEqualTo("");
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> new Emulator(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Emulator(5, 5).resize(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
