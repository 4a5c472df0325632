package dev.jmosh.vt;

import static dev.jmosh.vt.Term.cursor;
import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.feed;
import static dev.jmosh.vt.Term.row;
import static dev.jmosh.vt.Term.screen;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the emulator does beyond mosh 1.4.0, as tmux and xterm do it. */
class XtermFeaturesTest {
    @Test
    void alternateScreen1049SavesTheCursorAndClearsOnEntry() {
        Emulator e = emu(6, 3, "one\r\ntwo\033[?1049h");
        assertThat(screen(e)).isEqualTo("\n\n");
        assertThat(cursor(e)).containsExactly(1, 3); // entering does not move the cursor
        feed(e, "\033[Hvim\033[3;1H~");
        feed(e, "\033[?1049l");
        assertThat(screen(e)).isEqualTo("one\ntwo\n");
        assertThat(cursor(e)).containsExactly(1, 3);
        feed(e, "\033[?1049h");
        assertThat(screen(e)).as("entered again: blank").isEqualTo("\n\n");
    }

    @Test
    void alternateScreen47And1047KeepTheCursorWhereItIs() {
        for (String mode : new String[] {"47", "1047"}) {
            Emulator e = emu(6, 3, "abc\033[?" + mode + "hX\033[3;2HY\033[?" + mode + "l");
            assertThat(screen(e)).as(mode).isEqualTo("abc\n\n");
            assertThat(cursor(e)).as(mode).containsExactly(2, 2);
        }
    }

    @Test
    void decscAndThe1049CursorAreSeparate() {
        Emulator e = emu(6, 3, "\033[2;2H\0337\033[3;3H\033[?1049h\033[1;1H\0338");
        assertThat(cursor(e)).as("DECRC inside restores DECSC's cursor").containsExactly(1, 1);
        feed(e, "\033[?1049l");
        assertThat(cursor(e)).containsExactly(2, 2);
    }

    @Test
    void alternateScreenSurvivesResize() {
        Emulator e = emu(6, 3, "abcdef\033[?1049hxy");
        e.resize(4, 2);
        feed(e, "\033[?1049l");
        assertThat(screen(e)).isEqualTo("abcd\n");
    }

    @Test
    void decSpecialGraphicsDrawsLines() {
        Emulator e = emu(8, 1, "\033(0lqk\033(Bq");
        assertThat(row(e, 0).strip()).isEqualTo("\u250c\u2500\u2510q");
        Emulator shifted = emu(8, 1, "\033)0a\016xq\017x");
        assertThat(row(shifted, 0).strip()).isEqualTo("a\u2502\u2500x");
        Emulator single = emu(8, 1, "\033*0\033Nxx");
        assertThat(row(single, 0).strip()).as("SS2 shifts one character").isEqualTo("\u2502x");
    }

    @Test
    void charsetsAreSavedWithTheCursorAndResetBySoftReset() {
        Emulator e = emu(8, 1, "\033(0\0337\033(B\0338q\033[!pq");
        assertThat(row(e, 0).strip()).isEqualTo("\u2500q");
        assertThat(row(emu(8, 1, "\0337\033(0\0338q"), 0).strip()).isEqualTo("q");
    }

    @Test
    void unknownCharsetsAreIgnored() {
        assertThat(row(emu(8, 1, "\033(0\033(Aq"), 0).strip()).isEqualTo("\u2500");
    }

    @Test
    void cursorStyle() {
        assertThat(emu(4, 1, "\033[5 q").framebuffer().cursorStyle()).isEqualTo(5);
        assertThat(emu(4, 1, "\033[5 q\033[ q").framebuffer().cursorStyle()).isZero();
        assertThat(emu(4, 1, "\033[2 q\033[9 q").framebuffer().cursorStyle()).isEqualTo(2);
    }

    @Test
    void hyperlinksStickToTheCellsPrintedUnderThem() {
        Emulator e = emu(10, 1, "a\033]8;id=x:foo=bar;http://e.org/\033\\bc\033]8;;\033\\d");
        Framebuffer fb = e.framebuffer();
        assertThat(fb.cell(0, 0).link()).isNull();
        assertThat(fb.cell(0, 1).link()).isEqualTo("id=x;http://e.org/");
        assertThat(fb.cell(0, 2).link()).isEqualTo("id=x;http://e.org/");
        assertThat(fb.cell(0, 3).link()).isNull();
        feed(e, "\033[1;2H\033[K");
        assertThat(e.framebuffer().cell(0, 1).link()).as("erased").isNull();
    }

    @Test
    void overlongLinksAreNotKept() {
        String uri = "http://h/" + "x".repeat(5000);
        Emulator e = emu(10, 1, "\033]8;;" + uri + "\007a\033]8;;http://ok/\007b");
        assertThat(e.framebuffer().cell(0, 0).link()).isNull();
        assertThat(e.framebuffer().cell(0, 1).link()).isEqualTo(";http://ok/");
    }

    @Test
    void aScreenOfDistinctLinksStaysBounded() {
        Emulator e = new Emulator(80, 24);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2 * 80 * 24; i++) {
            b.append("\033]8;;http://h/").append(i).append("\007x");
        }
        feed(e, b.toString());
        Framebuffer fb = e.framebuffer();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        int linked = 0;
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 80; x++) {
                String link = fb.cell(y, x).link();
                if (link != null) {
                    linked++;
                    distinct.add(link);
                }
                assertThat(fb.cell(y, x).text()).isEqualTo("x");
            }
        }
        assertThat(distinct).hasSize(linked); // every linked cell has its own link
        assertThat(linked).isBetween(256, 1024); // at most the table's capacity, and not none
    }

    @Test
    void colonSubParametersCorruptNothing() {
        Emulator e = emu(6, 1, "\033[4:3mA\033[38:2::1:2:3mB\033[58:2::9:9:9mC\033[4:0mD");
        Framebuffer fb = e.framebuffer();
        assertThat(row(e, 0)).startsWith("ABCD");
        assertThat(fb.cell(0, 0).rendition().underlined()).isTrue();
        assertThat(fb.cell(0, 1).rendition().foreground()).isEqualTo(Color.rgb(1, 2, 3));
        assertThat(fb.cell(0, 2).rendition().foreground()).isEqualTo(Color.rgb(1, 2, 3));
        assertThat(fb.cell(0, 3).rendition().underlined()).isFalse();
        assertThat(screen(emu(6, 1, "\033[1:2HX"))).as("CSI H with ':' ignored").isEqualTo("X");
    }

    @Test
    void originModeAddressesTheRegionAndCprReportsWithinIt() {
        Emulator e = emu(6, 6, "\033[2;4r\033[?6h\033[2;3H");
        assertThat(cursor(e)).containsExactly(2, 2);
        e.write("\033[6n".getBytes());
        // mosh reports the absolute position even in origin mode (xterm: relative); mosh wins
        assertThat(Term.utf8(e.takeReplies())).isEqualTo("\033[3;3R");
        feed(e, "\033[9;1H");
        assertThat(cursor(e)).as("clamped to the region").containsExactly(3, 0);
    }

    @Test
    void decalnFillsWithE() {
        Emulator e = emu(3, 2, "\033[2;2r\033#8");
        assertThat(screen(e)).isEqualTo("EEE\nEEE");
        assertThat(cursor(e)).containsExactly(0, 0);
    }

    @Test
    void frameDiffCarriesLinksCursorStyleAndNewAttributes() {
        Emulator server = emu(12, 2, "\033]8;id=7;http://x/\007link\033]8;;\007 \033[2;9mfs\033[0m\033[4 q");
        Emulator client = Term.receiverOf(server.framebuffer());
        assertThat(client.framebuffer()).isEqualTo(server.framebuffer());
        assertThat(client.framebuffer().cell(0, 0).link()).isEqualTo("id=7;http://x/");
        assertThat(client.framebuffer().cell(0, 4).link()).isNull();
        assertThat(client.framebuffer().cell(0, 5).rendition().strikethrough()).isTrue();
        assertThat(client.framebuffer().cursorStyle()).isEqualTo(4);
        String diff = Term.utf8(FrameDiff.diff(Framebuffer.blank(12, 2), server.framebuffer()));
        assertThat(diff).contains("\033]8;id=7;http://x/\007link\033]8;;\007").endsWith("\033[4 q");
    }
}
