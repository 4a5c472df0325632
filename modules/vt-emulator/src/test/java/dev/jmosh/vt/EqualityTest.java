package dev.jmosh.vt;

import static dev.jmosh.vt.Term.emu;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Framebuffer equality compares what a peer sees, normalised as a drawn screen. */
class EqualityTest {
    private static void same(Emulator a, Emulator b) {
        assertThat(a.framebuffer()).isEqualTo(b.framebuffer());
        assertThat(a.framebuffer().hashCode()).isEqualTo(b.framebuffer().hashCode());
    }

    @Test
    void erasedCellEqualsPrintedSpace() {
        same(emu(4, 1, "a \b"), emu(4, 1, "a"));
    }

    @Test
    void fallbackCellEqualsNoBreakSpaceWithMarks() {
        same(emu(4, 1, "\u0301"), emu(4, 1, "\u00a0\u0301"));
    }

    @Test
    void cellsCoveredByWideCharactersAreIgnored() {
        same(emu(4, 1, "\u4e2d\033[1;2Hx\033[1;3H"), emu(4, 1, "\u4e2d"));
    }

    @Test
    void hiddenStateIsIgnored() {
        same(emu(4, 2, "\033[4h\033[?7l\033[?1h\033[3g\0337\033[1;2r\033[H"), emu(4, 2, ""));
    }

    @Test
    void bottomRowSoftWrapIsIgnoredButOthersCount() {
        Emulator wrappedBottom = emu(3, 3, "\n\nabcd\033[T"); // the wrapped row pushed back down
        assertThat(wrappedBottom.framebuffer().rowWrapped(2)).isTrue();
        Emulator plainBottom = emu(3, 3, "\n\nabc\r\nd\033[T");
        assertThat(plainBottom.framebuffer().rowWrapped(2)).isFalse();
        assertThat(Term.screen(wrappedBottom)).isEqualTo(Term.screen(plainBottom));
        same(wrappedBottom, plainBottom);
        assertThat(emu(3, 3, "abcd").framebuffer()).isNotEqualTo(emu(3, 3, "abc\r\nd").framebuffer());
    }

    @Test
    void visibleStateCounts() {
        Framebuffer base = emu(4, 2, "x").framebuffer();
        assertThat(emu(4, 2, "x\033[?2004h").framebuffer()).isNotEqualTo(base);
        assertThat(emu(4, 2, "x\033]2;t\007").framebuffer()).isNotEqualTo(base);
        assertThat(emu(4, 2, "x\033]1;t\007").framebuffer()).isNotEqualTo(base);
        assertThat(emu(4, 2, "x\007").framebuffer()).isNotEqualTo(base);
        assertThat(emu(4, 2, "x\033[1m").framebuffer()).isNotEqualTo(base);
        assertThat(emu(4, 2, "x\033[?1007h").framebuffer()).isNotEqualTo(base);
        assertThat(emu(4, 2, "\033[1mx\033[m").framebuffer()).isNotEqualTo(base);
        assertThat(emu(4, 2, "y").framebuffer()).isNotEqualTo(base);
        assertThat(emu(5, 2, "x").framebuffer()).isNotEqualTo(base);
    }
}
