package dev.jmosh.vt;

import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.screen;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void printsText() {
        Emulator e = emu(10, 3, "hello\r\nworld");
        assertThat(screen(e)).isEqualTo("hello\nworld\n");
        assertThat(Term.cursor(e)).containsExactly(1, 5);
    }

    @Test
    void diffRoundTrip() {
        Emulator e = emu(10, 3, "hello\r\n\033[31mworld\033[0m 中文");
        Emulator r = Term.receiverOf(e.framebuffer());
        assertThat(r.framebuffer()).isEqualTo(e.framebuffer());
    }
}
