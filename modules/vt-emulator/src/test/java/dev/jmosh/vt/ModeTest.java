package dev.jmosh.vt;

import static dev.jmosh.vt.Term.cursor;
import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.feed;
import static dev.jmosh.vt.Term.screen;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModeTest {
    @Test
    void privateModes() {
        Framebuffer fb = emu(5, 2, "\033[?1;5;25l\033[?1h\033[?5h\033[?2004h\033[?1004h").framebuffer();
        assertThat(fb.applicationCursorKeys()).isTrue();
        assertThat(fb.reverseVideo()).isTrue();
        assertThat(fb.cursorVisible()).isFalse();
        assertThat(fb.bracketedPaste()).isTrue();
        assertThat(fb.focusEvents()).isTrue();
        Framebuffer off = emu(5, 2, "\033[?1;5h\033[?2004;1004h\033[?1;5;2004;1004l").framebuffer();
        assertThat(off.applicationCursorKeys() || off.reverseVideo() || off.bracketedPaste() || off.focusEvents()).isFalse();
    }

    @Test
    void mouseModesAreExclusive() {
        assertThat(emu(5, 2, "\033[?1000h\033[?1002h").framebuffer().mouseReportingMode()).isEqualTo(1002);
        assertThat(emu(5, 2, "\033[?9h").framebuffer().mouseReportingMode()).isEqualTo(9);
        assertThat(emu(5, 2, "\033[?1003h\033[?1000l").framebuffer().mouseReportingMode()).isZero();
        assertThat(emu(5, 2, "\033[?1005h\033[?1006h").framebuffer().mouseEncodingMode()).isEqualTo(1006);
        assertThat(emu(5, 2, "\033[?1015h\033[?1005l").framebuffer().mouseEncodingMode()).isZero();
        assertThat(emu(5, 2, "\033[?1007h").framebuffer().alternateScroll()).isTrue();
    }

    @Test
    void alternateScreenComesAndGoes() {
        Emulator e = emu(5, 2, "abc\033[?1049hxy");
        assertThat(screen(e)).isEqualTo("   xy\n");
        assertThat(e.framebuffer().alternateScreen()).isTrue();
        feed(e, "\033[?1049l");
        assertThat(screen(e)).isEqualTo("abc\n");
        assertThat(cursor(e)).containsExactly(0, 3);
        assertThat(e.framebuffer().alternateScreen()).isFalse();
    }

    @Test
    void columnModeClearsTheScreen() {
        Emulator e = emu(5, 2, "abc\r\ndef\033[?3h");
        assertThat(screen(e)).isEqualTo("\n");
        assertThat(cursor(e)).containsExactly(0, 0);
        assertThat(e.framebuffer().columns()).isEqualTo(5);
    }

    @Test
    void ansiInsertModeOnlyWithoutQuestionMark() {
        assertThat(Term.row(emu(4, 1, "ab\r\033[?4hX"), 0)).isEqualTo("Xb  ");
        assertThat(Term.row(emu(4, 1, "ab\r\033[20;4hX"), 0)).isEqualTo("Xab ");
        assertThat(Term.row(emu(4, 1, "ab\r\033[4h\033[4lX"), 0)).isEqualTo("Xb  ");
    }

    @Test
    void softReset() {
        Emulator e = emu(6, 4, "\033[2;3r\033[?6h\033[4h\033[?25l\033[?1h\033[1m\0337\033[?7l\033[!p");
        Framebuffer fb = e.framebuffer();
        assertThat(fb.cursorVisible()).isTrue();
        assertThat(fb.applicationCursorKeys()).isFalse();
        assertThat(fb.currentRendition()).isEqualTo(Rendition.DEFAULT);
        Term.feed(e, "\033[1;6Hxy");
        assertThat(Term.row(e, 0)).isEqualTo("     y"); // autowrap is not reset by DECSTR
        Term.feed(e, "\033[4;1Hab\r\033[3;1HX\0338");
        assertThat(screen(e)).isEqualTo("     y\n\nX\nab"); // no insert, margins and origin gone
        assertThat(cursor(e)).containsExactly(0, 0); // saved cursor forgotten
    }

    @Test
    void fullResetKeepsIconNameAndBells() {
        Emulator e = emu(5, 2, "\033]1;icon\007\033]2;title\007\033]52;c;Zm9v\007\007ab\033[?2004h\033[?25l\033c");
        Framebuffer fb = e.framebuffer();
        assertThat(screen(e)).isEqualTo("\n");
        assertThat(fb.iconName()).isEqualTo("icon");
        assertThat(fb.windowTitle()).isEmpty();
        assertThat(fb.clipboard()).isEmpty();
        assertThat(fb.bellCount()).isEqualTo(1);
        assertThat(fb.bracketedPaste()).isFalse();
        assertThat(fb.cursorVisible()).isTrue();
    }
}
