package dev.jmosh.vt;

import static dev.jmosh.vt.Term.emu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small write API that client overlays (local echo) use on a copy of a frame. */
class OverlayApiTest {
    @Test
    void setCellChangesTheCopyOnly() {
        Emulator e = emu(6, 2, "abc");
        Framebuffer copy = e.framebuffer().copy();
        copy.setCell(0, 1, Cell.of("X", Rendition.DEFAULT.withUnderlined(true)));
        assertThat(copy.rowText(0)).isEqualTo("aXc   ");
        assertThat(copy.cell(0, 1).rendition().underlined()).isTrue();
        assertThat(e.framebuffer().rowText(0)).isEqualTo("abc   ");
        assertThat(copy).isNotEqualTo(e.framebuffer());
    }

    @Test
    void aCellReadBackIsWrittenUnchanged() {
        Emulator e = emu(6, 2, "\033[1;31m\u4e2d\033[0me\u0301\033]8;;http://x\007L\033]8;;\007");
        Framebuffer copy = e.framebuffer().copy();
        for (int col = 0; col < 6; col++) {
            copy.setCell(0, col, e.framebuffer().cell(0, col));
        }
        assertThat(copy).isEqualTo(e.framebuffer());
        assertThat(copy.cell(0, 0).wide()).isTrue();
        assertThat(copy.cell(0, 2).text()).isEqualTo("e\u0301");
        assertThat(copy.cell(0, 3).link()).isEqualTo(";http://x");
    }

    @Test
    void aWideCellLeavesTheFrameAsTheEmulatorPrintsIt() {
        String before = "\033[44mabcd\r";
        Emulator printed = emu(6, 2, before + "\u4e2d\u0301\r");
        Framebuffer copy = emu(6, 2, before).framebuffer().copy();
        Cell wide = Cell.ofWide("\u4e2d\u0301", printed.framebuffer().cell(0, 0).rendition());
        assertThat(wide.wide()).isTrue();
        copy.setCell(0, 0, wide);
        assertThat(copy).isEqualTo(printed.framebuffer());
        assertThat(copy.cell(0, 0)).isEqualTo(printed.framebuffer().cell(0, 0));
        assertThat(copy.cell(0, 1)).as("the covered cell, erased with the background").isEqualTo(
                printed.framebuffer().cell(0, 1));
        assertThat(copy.covered(0, 1)).isTrue();
        assertThat(copy.rowText(0)).isEqualTo("\u4e2d\u0301cd  ");
    }

    @Test
    void aNarrowCellOverTheLeftHalfUncoversTheRightHalf() {
        Emulator printed = emu(4, 1, "\u4e2d\rx\r");
        Framebuffer copy = emu(4, 1, "\u4e2d\r").framebuffer().copy();
        copy.setCell(0, 0, Cell.of("x", Rendition.DEFAULT));
        assertThat(copy).isEqualTo(printed.framebuffer());
        assertThat(copy.covered(0, 1)).isFalse();
    }

    @Test
    void aWideCellInTheLastColumnTouchesNothingElse() {
        Framebuffer copy = emu(3, 1, "abc").framebuffer().copy();
        copy.setCell(0, 2, Cell.ofWide("\u4e2d", Rendition.DEFAULT));
        assertThat(copy.cell(0, 2).wide()).isTrue();
        assertThat(copy.rowText(0)).isEqualTo("ab\u4e2d");
        assertThatThrownBy(() -> Cell.ofWide("", Rendition.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyTextErasesWithTheRendition() {
        Framebuffer copy = emu(4, 1, "ab").framebuffer().copy();
        Rendition blue = emu(1, 1, "\033[44mx").framebuffer().cell(0, 0).rendition();
        copy.setCell(0, 0, Cell.of("", blue));
        assertThat(copy.cell(0, 0).text()).isEmpty();
        assertThat(copy.cell(0, 0).rendition()).isEqualTo(blue);
        assertThat(copy.cell(0, 0).blank()).isTrue();
    }

    @Test
    void withRenditionAndWithUnderlinedKeepTheRest() {
        Cell c = Cell.of("q", Rendition.DEFAULT);
        Rendition u = Rendition.DEFAULT.withUnderlined(true);
        assertThat(u.underlined()).isTrue();
        assertThat(u.withUnderlined(false)).isEqualTo(Rendition.DEFAULT);
        assertThat(c.withRendition(u).text()).isEqualTo("q");
        assertThat(c.withRendition(u).rendition()).isEqualTo(u);
        assertThat(c.wide()).isFalse();
        assertThat(c.link()).isNull();
    }

    @Test
    void moveCursorIsAbsoluteAndClamped() {
        Framebuffer copy = emu(5, 3, "\033[2;2H").framebuffer().copy();
        copy.moveCursor(2, 4);
        assertThat(copy.cursorRow()).isEqualTo(2);
        assertThat(copy.cursorCol()).isEqualTo(4);
        copy.moveCursor(9, 9);
        assertThat(copy.cursorRow()).isEqualTo(2);
        assertThat(copy.cursorCol()).isEqualTo(4);
    }

    @Test
    void setCellOutsideTheScreenThrows() {
        Framebuffer copy = Framebuffer.blank(2, 2);
        assertThatThrownBy(() -> copy.setCell(2, 0, Cell.of("a", Rendition.DEFAULT)))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> copy.setCell(0, 2, Cell.of("a", Rendition.DEFAULT)))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void utf8StreamDecodesAsTheEmulatorDoes() {
        Utf8Stream s = new Utf8Stream();
        List<Integer> out = new ArrayList<>();
        byte[] bytes = {'a', (byte) 0xE4, (byte) 0xB8, (byte) 0xAD, (byte) 0xC3, 'b', (byte) 0xFF};
        for (int i = 0; i < bytes.length; i++) {
            s.feed(bytes[i], out::add);
            if (i == 2) {
                assertThat(s.idle()).isFalse();
            }
        }
        assertThat(out).containsExactly((int) 'a', 0x4E2D, 0xFFFD, (int) 'b', 0xFFFD);
        assertThat(s.idle()).isTrue();
    }
}
