package dev.jmosh.vt;

import static dev.jmosh.vt.Term.emu;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OscTest {
    @Test
    void titleForms() {
        Framebuffer both = emu(5, 1, "\033]0;hello\007").framebuffer();
        assertThat(both.windowTitle()).isEqualTo("hello");
        assertThat(both.iconName()).isEqualTo("hello");
        Framebuffer split = emu(5, 1, "\033]1;icon\033\\\033]2;title\u009c").framebuffer();
        assertThat(split.iconName()).isEqualTo("icon");
        assertThat(split.windowTitle()).isEqualTo("title");
        Framebuffer bare = emu(5, 1, "\033];bare\007").framebuffer();
        assertThat(bare.windowTitle()).isEqualTo("bare");
        assertThat(bare.iconName()).isEqualTo("bare");
        assertThat(emu(5, 1, "\033]3;x\007\033]10;x\007").framebuffer().windowTitle()).isEmpty();
    }

    @Test
    void titleIsCutLikeMosh() {
        String longTitle = "t".repeat(400);
        assertThat(emu(5, 1, "\033]0;" + longTitle + "\007").framebuffer().windowTitle()).hasSize(254);
        assertThat(emu(5, 1, "\033];" + longTitle + "\007").framebuffer().windowTitle()).hasSize(255);
        String wide = "\u4e2d\uD83D\uDE00".repeat(200);
        String got = emu(5, 1, "\033]2;" + wide + "\007").framebuffer().windowTitle();
        assertThat(got.codePointCount(0, got.length())).isEqualTo(254);
    }

    @Test
    void titleKeepsUnicodeAndDropsControls() {
        assertThat(emu(5, 1, "\033]2;a\tb\u00e9\007").framebuffer().windowTitle()).isEqualTo("ab\u00e9");
    }

    @Test
    void clipboard() {
        Framebuffer fb = emu(5, 1, "\033]52;c;SGVsbG8=\007").framebuffer();
        assertThat(fb.clipboard()).isEqualTo("SGVsbG8=");
        assertThat(emu(5, 1, "\033]52;p;SGVsbG8=\007").framebuffer().clipboard()).isEmpty();
        assertThat(emu(5, 1, "\033]52;c;?\007").framebuffer().clipboard()).isEqualTo("?");
        String big = "A".repeat(20000);
        assertThat(emu(5, 1, "\033]52;c;" + big + "\007").framebuffer().clipboard()).hasSize(16 * 1024 - 5);
    }

    @Test
    void unterminatedOscEndsAtEscape() {
        Emulator e = emu(5, 1, "\033]0;abc\033[1mX");
        assertThat(e.framebuffer().windowTitle()).isEqualTo("abc");
        assertThat(e.framebuffer().cell(0, 0).rendition().bold()).isTrue();
    }
}
