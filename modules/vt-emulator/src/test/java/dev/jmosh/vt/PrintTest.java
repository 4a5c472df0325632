package dev.jmosh.vt;

import static dev.jmosh.vt.Term.cursor;
import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.feed;
import static dev.jmosh.vt.Term.row;
import static dev.jmosh.vt.Term.screen;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintTest {
    @Test
    void deferredAutowrap() {
        Emulator e = emu(5, 3, "abcde");
        assertThat(cursor(e)).containsExactly(0, 4);
        assertThat(e.framebuffer().rowWrapped(0)).isFalse();
        feed(e, "f");
        assertThat(screen(e)).isEqualTo("abcde\nf\n");
        assertThat(e.framebuffer().rowWrapped(0)).isTrue();
        assertThat(cursor(e)).containsExactly(1, 1);
    }

    @Test
    void controlsCancelDeferredWrap() {
        assertThat(screen(emu(5, 2, "abcde\rX"))).isEqualTo("Xbcde\n");
        assertThat(screen(emu(5, 2, "abcde\033[1mX"))).isEqualTo("abcde\nX"); // SGR keeps it
        assertThat(screen(emu(5, 2, "abcde\tX"))).isEqualTo("abcde\nX"); // HT keeps it
        assertThat(screen(emu(5, 2, "abcde\u0000X"))).isEqualTo("abcdX\n"); // unknown control clears it
        assertThat(screen(emu(5, 2, "abcde\033]0;t\007X"))).isEqualTo("abcde\nX"); // OSC does not
    }

    @Test
    void autowrapOffOverwritesLastColumn() {
        assertThat(screen(emu(5, 2, "\033[?7labcdefg"))).isEqualTo("abcdg\n");
    }

    @Test
    void scrollsAtBottom() {
        assertThat(screen(emu(3, 2, "abcdefghi"))).isEqualTo("def\nghi");
        Emulator e = emu(3, 2, "abcdefghi");
        assertThat(e.framebuffer().rowWrapped(0)).isTrue();
    }

    @Test
    void wideCharacters() {
        Emulator e = emu(6, 2, "a\u4e2db");
        Framebuffer fb = e.framebuffer();
        assertThat(fb.cell(0, 1).text()).isEqualTo("\u4e2d");
        assertThat(fb.cell(0, 1).wide()).isTrue();
        assertThat(fb.cell(0, 2).text()).isEmpty();
        assertThat(fb.covered(0, 2)).isTrue();
        assertThat(fb.covered(0, 3)).isFalse();
        assertThat(fb.cell(0, 3).text()).isEqualTo("b");
        assertThat(row(e, 0)).isEqualTo("a\u4e2db  ");
        assertThat(cursor(e)).containsExactly(0, 4);
    }

    @Test
    void wideCharacterWrapsEarlyAtLastColumn() {
        Emulator e = emu(4, 2, "abc\u4e2d");
        assertThat(screen(e)).isEqualTo("abc\n\u4e2d");
        assertThat(e.framebuffer().rowWrapped(0)).isFalse(); // mosh leaves the flag off here
        assertThat(cursor(e)).containsExactly(1, 2);
    }

    @Test
    void wideCharacterOnLastColumnWithAutowrapOff() {
        Emulator e = emu(4, 2, "\033[?7labc\u4e2d");
        assertThat(e.framebuffer().cell(0, 3).wide()).isTrue();
        assertThat(cursor(e)).containsExactly(0, 3);
    }

    @Test
    void wideCharacterBlanksCellItCovers() {
        Emulator e = emu(6, 1, "abcd\r\u4e2d");
        assertThat(row(e, 0)).isEqualTo("\u4e2dcd  ");
        assertThat(e.framebuffer().cell(0, 1).text()).isEmpty();
    }

    @Test
    void combiningMarksJoinThePreviousCell() {
        Emulator e = emu(5, 1, "e\u0301\u0302x");
        assertThat(e.framebuffer().cell(0, 0).text()).isEqualTo("e\u0301\u0302");
        assertThat(e.framebuffer().cell(0, 1).text()).isEqualTo("x");
        assertThat(cursor(e)).containsExactly(0, 2);
    }

    @Test
    void combiningMarkAfterCursorMoveJoinsCellUnderCursor() {
        Emulator e = emu(5, 1, "abc\033[2Gx\033[2G\u0301");
        assertThat(e.framebuffer().cell(0, 1).text()).isEqualTo("x\u0301");
        assertThat(cursor(e)).containsExactly(0, 1); // mosh does not move here
    }

    @Test
    void combiningMarkOnEmptyCellMakesFallbackCell() {
        Emulator e = emu(5, 1, "\u0301\u0302a");
        Cell c = e.framebuffer().cell(0, 0);
        assertThat(c.fallback()).isTrue();
        assertThat(c.text()).isEqualTo("\u0301\u0302");
        assertThat(row(e, 0)).isEqualTo("\u00a0\u0301\u0302a   ");
        assertThat(cursor(e)).containsExactly(0, 2);
    }

    @Test
    void cellTextIsCappedAtThirtyTwoBytes() {
        Emulator e = emu(3, 1, "a" + "\u0301".repeat(40));
        assertThat(e.framebuffer().cell(0, 0).text()).isEqualTo("a" + "\u0301".repeat(16)); // 1 + 32 bytes
        Emulator f = emu(3, 1, "\u0301".repeat(40));
        assertThat(f.framebuffer().cell(0, 0).text()).isEqualTo("\u0301".repeat(15)); // NBSP counts
    }

    @Test
    void nonPrintablesAreDropped() {
        Emulator e = emu(5, 1, "a\u0378\u2028b\u007f");
        assertThat(row(e, 0)).isEqualTo("ab   ");
    }

    @Test
    void insertMode() {
        assertThat(row(emu(6, 1, "abcd\r\033[4hXY"), 0)).isEqualTo("XYabcd");
        assertThat(row(emu(6, 1, "abcd\r\033[4h\u4e2d\033[4lZ"), 0)).isEqualTo("\u4e2dZbcd");
    }

    @Test
    void printUsesCurrentRendition() {
        Emulator e = emu(4, 1, "\033[1;31ma\033[0mb");
        assertThat(e.framebuffer().cell(0, 0).rendition().bold()).isTrue();
        assertThat(e.framebuffer().cell(0, 0).rendition().foreground()).isEqualTo(Color.indexed(1));
        assertThat(e.framebuffer().cell(0, 1).rendition()).isEqualTo(Rendition.DEFAULT);
    }

    @Test
    void invalidUtf8PrintsReplacementCharacters() {
        Emulator e = new Emulator(6, 1);
        e.write(new byte[] {'a', (byte) 0xC3, 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        assertThat(row(e, 0)).isEqualTo("a\ufffdb\ufffd\ufffd ");
    }

    @Test
    void utf8SplitAcrossWrites() {
        byte[] bytes = "x\u4e2d\uD83D\uDE00\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int split = 0; split <= bytes.length; split++) {
            Emulator e = new Emulator(8, 1);
            e.write(bytes, 0, split);
            e.write(bytes, split, bytes.length - split);
            assertThat(row(e, 0)).isEqualTo("x\u4e2d\uD83D\uDE00\u00e9  ");
        }
    }
}
