package dev.jmosh.vt;

import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.feed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exact diffs for small cases, worked out by hand from mosh's {@code Display::new_frame}. */
class FrameDiffTest {
    private static String diffAfter(Emulator e, String input) {
        Framebuffer from = e.framebuffer().copy();
        feed(e, input);
        byte[] diff = FrameDiff.diff(from, e.framebuffer());
        Emulator receiver = Term.receiverOf(from);
        Term.apply(receiver, e.framebuffer(), diff);
        assertThat(receiver.framebuffer()).isEqualTo(e.framebuffer());
        assertThat(receiver.takeReplies()).isEmpty();
        return Term.visible(Term.utf8(diff));
    }

    private static String v(String s) {
        return Term.visible(s);
    }

    @Test
    void equalFramesGiveNothing() {
        Emulator e = emu(10, 3, "abc\033[31mdef\033]0;t\007");
        assertThat(FrameDiff.diff(e.framebuffer().copy(), e.framebuffer())).isEmpty();
        assertThat(diffAfter(e, "\033[?1h\033[4h\033[?7l\033[3g\0337")).isEmpty(); // hidden state only
    }

    @Test
    void bellsTitlesClipboardAndReverseVideo() {
        assertThat(diffAfter(emu(10, 3, ""), "\007")).isEqualTo(v("\007"));
        assertThat(diffAfter(emu(10, 3, ""), "\007\007\007")).isEqualTo(v("\007\007\007"));
        assertThat(diffAfter(emu(10, 3, ""), "\033]0;hi\007")).isEqualTo(v("\033]0;hi\007"));
        assertThat(diffAfter(emu(10, 3, ""), "\033]1;i\007\033]2;t\007")).isEqualTo(v("\033]1;i\007\033]2;t\007"));
        assertThat(diffAfter(emu(10, 3, ""), "\033]52;c;Zm9v\007")).isEqualTo(v("\033]52;c;Zm9v\007"));
        assertThat(diffAfter(emu(10, 3, ""), "\033[?5h")).isEqualTo(v("\033[?5h"));
    }

    @Test
    void longBareTitleIsResentBare() {
        String t = "x".repeat(255);
        assertThat(diffAfter(emu(10, 3, ""), "\033];" + t + "\007")).isEqualTo(v("\033];" + t + "\007"));
        assertThat(diffAfter(emu(10, 3, ""), "\033];" + t + "\007\033]1;i\007"))
                .isEqualTo(v("\033];" + t + "\007\0331;i\007".replace("\0331", "\033]1")));
    }

    @Test
    void printsChangedCellsInPlace() {
        assertThat(diffAfter(emu(10, 3, ""), "hi")).isEqualTo(v("hi"));
        assertThat(diffAfter(emu(10, 3, ""), "\033[31mhi\033[m")).isEqualTo(v("\033[0;31mhi\033[0m"));
    }

    @Test
    void cursorMoves() {
        assertThat(diffAfter(emu(10, 3, ""), "\033[3;6H")).isEqualTo(v("\033[3;6H"));
        assertThat(diffAfter(emu(10, 3, ""), "\033[3;1H")).isEqualTo(v("\n\n"));
        assertThat(diffAfter(emu(10, 3, "\033[1;6H"), "\033[1;4H")).isEqualTo(v("\b\b"));
        assertThat(diffAfter(emu(10, 3, "\033[1;6H"), "\033[2;1H")).isEqualTo(v("\r\n"));
        assertThat(diffAfter(emu(10, 3, "\033[1;9H"), "\033[1;2H")).isEqualTo(v("\033[1;2H"));
        assertThat(diffAfter(emu(10, 3, ""), "\033[?25l")).isEqualTo(v("\033[?25l"));
    }

    @Test
    void eraseCharacterRunsUseEch() {
        Emulator e = emu(10, 1, "abcdefghij\033[1;1H");
        assertThat(diffAfter(e, "\033[2G\033[6X"))
                .isEqualTo(v("\033[?25l\033[1;2H\033[6X\033[1;8Hh\033[1;2H\033[?25h"));
    }

    @Test
    void shortBlankRunsUseSpaces() {
        Emulator e = emu(10, 1, "abcdefghij\033[1;1H");
        assertThat(diffAfter(e, "\033[2G\033[3X")).isEqualTo(v("\033[?25l\033[1;2H   e\b\b\b\b\033[?25h"));
    }

    @Test
    void blanksToEndOfLineUseEl() {
        Emulator e = emu(10, 1, "abcdefghij");
        assertThat(diffAfter(e, "\033[4G\033[K")).isEqualTo(v("\033[?25l\033[1;4H\033[K\033[?25h"));
    }

    @Test
    void coloredBlanksSetTheirBackgroundFirst() {
        Emulator e = emu(10, 1, "abcdefghij\033[1;1H");
        assertThat(diffAfter(e, "\033[44m\033[K\033[m"))
                .isEqualTo(v("\033[0;44m\033[K\033[0m"));
    }

    @Test
    void scrollOnTheBottomLineUsesLineFeeds() {
        Emulator e = emu(5, 3, "a\r\nb\r\nc");
        assertThat(diffAfter(e, "\r\nd")).isEqualTo(v("\033[0m\r\nd"));
    }

    @Test
    void scrollElsewhereUsesAScrollingRegion() {
        Emulator e = emu(5, 4, "a\r\nb\r\nc\r\nd\033[1;1H");
        assertThat(diffAfter(e, "\033[1;3r\033[3;1H\n\033[r")).isEqualTo(
                v("\033[0m\033[1;3r\033[?25l\033[3;1H\n\033[r\033[1;1H\033[?25h"));
    }

    @Test
    void sizeChangeRepaintsEverything() {
        Emulator e = emu(5, 2, "");
        Framebuffer from = e.framebuffer().copy();
        e.resize(6, 3);
        feed(e, "x");
        String diff = Term.utf8(FrameDiff.diff(from, e.framebuffer()));
        assertThat(v(diff)).isEqualTo(v("\033[r\033[0m\033[H\033[2J\033[?25l"
                + "x\033[K\r\n\033[K\n\033[K"
                + "\033[1;2H\033[?25h\033[0m\033[?2004l\033[?1003l\033[?1002l\033[?1001l\033[?1000l"
                + "\033[?1004l\033[?1015l\033[?1006l\033[?1005l"));
    }

    @Test
    void modes() {
        assertThat(diffAfter(emu(5, 2, ""), "\033[?2004h")).isEqualTo(v("\033[?2004h"));
        assertThat(diffAfter(emu(5, 2, ""), "\033[?1002h")).isEqualTo(v("\033[?1002h"));
        assertThat(diffAfter(emu(5, 2, "\033[?1002h"), "\033[?1003h")).isEqualTo(v("\033[?1002l\033[?1003h"));
        assertThat(diffAfter(emu(5, 2, "\033[?1002h"), "\033[?1002l"))
                .isEqualTo(v("\033[?1003l\033[?1002l\033[?1001l\033[?1000l"));
        assertThat(diffAfter(emu(5, 2, ""), "\033[?1004h")).isEqualTo(v("\033[?1004h"));
        assertThat(diffAfter(emu(5, 2, "\033[?1005h"), "\033[?1006h")).isEqualTo(v("\033[?1005l\033[?1006h"));
        assertThat(diffAfter(emu(5, 2, "\033[?1006h"), "\033[?1006l"))
                .isEqualTo(v("\033[?1015l\033[?1006l\033[?1005l"));
        assertThat(diffAfter(emu(5, 2, ""), "\033[?1007h")).isEqualTo(v("\033[?1007h"));
        assertThat(diffAfter(emu(5, 2, ""), "\033[?1h")).isEmpty(); // DECCKM is never sent
    }

    @Test
    void softWrappedRowsWrapOnTheReceiver() {
        Emulator e = emu(4, 3, "");
        String diff = diffAfter(e, "abcdef");
        assertThat(diff).isEqualTo(v("abc\033[?25l\033[1;4Hdef\033[?25h"));
        Emulator r = Term.receiverOf(e.framebuffer());
        assertThat(r.framebuffer().rowWrapped(0)).isTrue();
    }

    @Test
    void fallbackCellsAreDrawnAfterNoBreakSpace() {
        assertThat(diffAfter(emu(5, 1, ""), "\u0301a")).isEqualTo(v("\u00a0\u0301a"));
    }

    @Test
    void wideCharacterOnLastColumnIsDrawnWithAutowrapOff() {
        Emulator e = emu(4, 2, "");
        assertThat(diffAfter(e, "\033[?7labc\u4e2d\033[?7h"))
                .isEqualTo(v("abc\033[?7l\u4e2d\033[?7h\r\n\033[1;4H"));
    }

    @Test
    void backspaceIsNotUsedFromThePendingWrapColumn() {
        Emulator e = emu(5, 2, "\033[2;1Habcd");
        // mosh would send "e\b" and leave the receiver's cursor one column short
        assertThat(diffAfter(e, "e")).isEqualTo(v("e\033[2;5H"));
    }

    @Test
    void cellsUncoveredByAWideCharacterAreRedrawn() {
        Emulator e = emu(6, 1, "\u4e2d\033[1;2Hx\033[1;1H");
        assertThat(Term.row(e, 0)).isEqualTo("\u4e2d    ");
        String diff = diffAfter(e, "y");
        assertThat(diff).isEqualTo(v("yx\b"));
    }

    @Test
    void neverQueriesTheReceiver() {
        Emulator e = emu(10, 3, "\033[c\033[5n\033[6n\033[>c");
        e.takeReplies();
        assertThat(FrameDiff.diff(Framebuffer.blank(10, 3), e.framebuffer())).isEmpty();
    }
}
