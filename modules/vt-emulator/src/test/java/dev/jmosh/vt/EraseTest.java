package dev.jmosh.vt;

import static dev.jmosh.vt.Term.cursor;
import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.row;
import static dev.jmosh.vt.Term.screen;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EraseTest {
    private static final String FILLED = "abcde\r\nfghij\r\nklmno";

    @Test
    void eraseInDisplay() {
        assertThat(screen(emu(5, 3, FILLED + "\033[2;3H\033[J"))).isEqualTo("abcde\nfg\n");
        assertThat(screen(emu(5, 3, FILLED + "\033[2;3H\033[0J"))).isEqualTo("abcde\nfg\n");
        assertThat(screen(emu(5, 3, FILLED + "\033[2;3H\033[1J"))).isEqualTo("\n   ij\nklmno");
        assertThat(screen(emu(5, 3, FILLED + "\033[2;3H\033[2J"))).isEqualTo("\n\n");
        assertThat(screen(emu(5, 3, FILLED + "\033[2;3H\033[3J"))).isEqualTo("abcde\nfghij\nklmno");
        assertThat(cursor(emu(5, 3, FILLED + "\033[2;3H\033[2J"))).containsExactly(1, 2);
    }

    @Test
    void eraseInLine() {
        assertThat(row(emu(5, 1, "abcde\033[3G\033[K"), 0)).isEqualTo("ab   ");
        assertThat(row(emu(5, 1, "abcde\033[3G\033[1K"), 0)).isEqualTo("   de");
        assertThat(row(emu(5, 1, "abcde\033[3G\033[2K"), 0)).isEqualTo("     ");
    }

    @Test
    void eraseUsesCurrentBackground() {
        Emulator e = emu(5, 2, "abcde\033[44m\033[3G\033[K");
        Cell erased = e.framebuffer().cell(0, 3);
        assertThat(erased.text()).isEmpty();
        assertThat(erased.blank()).isTrue();
        assertThat(erased.rendition().background()).isEqualTo(Color.indexed(4));
        assertThat(e.framebuffer().cell(0, 1).rendition().background()).isEqualTo(Color.DEFAULT);
    }

    @Test
    void eraseKeepsOnlyTheBackground() {
        Emulator e = emu(5, 1, "\033[1;4;31;48;2;1;2;3mx\033[K");
        Rendition r = e.framebuffer().cell(0, 2).rendition();
        assertThat(r.bold()).isFalse();
        assertThat(r.foreground().isDefault()).isTrue();
        assertThat(r.background()).isEqualTo(Color.rgb(1, 2, 3));
    }

    @Test
    void eraseCharacters() {
        assertThat(row(emu(6, 1, "abcdef\033[2G\033[2X"), 0)).isEqualTo("a  def");
        assertThat(row(emu(6, 1, "abcdef\033[2G\033[X"), 0)).isEqualTo("a cdef");
        assertThat(row(emu(6, 1, "abcdef\033[5G\033[99X"), 0)).isEqualTo("abcd  ");
        assertThat(cursor(emu(6, 1, "abcdef\033[2G\033[2X"))).containsExactly(0, 1);
    }

    @Test
    void insertAndDeleteCharacters() {
        assertThat(row(emu(6, 1, "abcdef\033[2G\033[2@"), 0)).isEqualTo("a  bcd");
        assertThat(row(emu(6, 1, "abcdef\033[2G\033[65535@"), 0)).isEqualTo("a     ");
        assertThat(row(emu(6, 1, "abcdef\033[2G\033[2P"), 0)).isEqualTo("adef  ");
        assertThat(row(emu(6, 1, "abcdef\033[2G\033[P"), 0)).isEqualTo("acdef ");
        assertThat(row(emu(6, 1, "abcdef\033[2G\033[65535P"), 0)).isEqualTo("a     ");
    }

    @Test
    void editingTheLastCellClearsSoftWrap() {
        Emulator e = emu(3, 3, "abcd");
        assertThat(e.framebuffer().rowWrapped(0)).isTrue();
        Term.feed(e, "\033[1;1H\033[P");
        assertThat(e.framebuffer().rowWrapped(0)).isFalse();
        Emulator f = emu(3, 3, "abcd\033[1;3H\033[K");
        assertThat(f.framebuffer().rowWrapped(0)).isFalse();
        Emulator g = emu(3, 3, "abcd\033[1;2H\033[1K");
        assertThat(g.framebuffer().rowWrapped(0)).isTrue();
    }

    @Test
    void screenAlignment() {
        Emulator e = emu(3, 2, "\033[44mab\033#8");
        assertThat(screen(e)).isEqualTo("EEE\nEEE");
        assertThat(e.framebuffer().cell(1, 2).rendition().background()).isEqualTo(Color.indexed(4));
        assertThat(cursor(e)).containsExactly(0, 2);
    }
}
