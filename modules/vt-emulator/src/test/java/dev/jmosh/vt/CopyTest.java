package dev.jmosh.vt;

import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.feed;
import static dev.jmosh.vt.Term.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyTest {
    @Test
    void framebufferCopiesAreIndependentSnapshots() {
        Emulator e = emu(5, 2, "abc");
        Framebuffer snapshot = e.framebuffer().copy();
        Framebuffer snapshot2 = snapshot.copy();
        feed(e, "\rXY\r\nzz\033]0;t\007");
        assertThat(snapshot.rowText(0)).isEqualTo("abc  ");
        assertThat(snapshot.rowText(1)).isEqualTo("     ");
        assertThat(snapshot.windowTitle()).isEmpty();
        assertThat(snapshot2).isEqualTo(snapshot);
        assertThat(row(e, 0)).isEqualTo("XYc  ");
        assertThat(e.framebuffer()).isNotEqualTo(snapshot);
    }

    @Test
    void emulatorCopyIncludesParserState() {
        Emulator e = new Emulator(10, 2);
        e.write(new byte[] {0x1b, '[', '3'});
        Emulator c = e.copy();
        c.write(new byte[] {'1', 'm', 'X'});
        e.write(new byte[] {'G', 'x'});
        assertThat(c.framebuffer().cell(0, 0).rendition().foreground()).isEqualTo(Color.indexed(1));
        assertThat(e.framebuffer().cell(0, 2).text()).isEqualTo("x");
        Emulator d = emu(10, 2, "").copy();
        Emulator f = new Emulator(10, 2);
        f.write(new byte[] {(byte) 0xE4, (byte) 0xB8});
        Emulator g = f.copy();
        g.write(new byte[] {(byte) 0xAD});
        assertThat(g.framebuffer().cell(0, 0).text()).isEqualTo("\u4e2d");
        assertThat(f.framebuffer().cell(0, 0).text()).isEmpty();
        assertThat(d).isEqualTo(new Emulator(10, 2));
    }

    @Test
    void copiesShareRowsUntilWritten() {
        Emulator e = emu(5, 3, "abc\r\ndef");
        Framebuffer a = e.framebuffer().copy();
        Framebuffer b = a.copy();
        assertThat(a.screen().row(0)).isSameAs(b.screen().row(0));
        assertThat(a.screen().row(0)).isSameAs(e.framebuffer().screen().row(0));
        feed(e, "\033[1;1HZ");
        assertThat(e.framebuffer().screen().row(0)).isNotSameAs(a.screen().row(0));
        assertThat(e.framebuffer().screen().row(1)).isSameAs(a.screen().row(1));
    }

    @Test
    void sameRowTellsWhichRowsChangedSinceACopy() {
        Emulator e = emu(5, 3, "abc\r\ndef");
        Framebuffer before = e.framebuffer().copy();
        feed(e, "\033[1;1HZ\033[3;1H\033[1mq");
        Framebuffer now = e.framebuffer();
        assertThat(now.sameRow(0, before)).isFalse();
        assertThat(now.sameRow(1, before)).isTrue();
        assertThat(now.sameRow(2, before)).isFalse(); // a bold q where there was nothing
        feed(e, "\033[m\033[1;1Ha\033[3;1H\033[K");
        assertThat(e.framebuffer().sameRow(0, before)).isTrue(); // written again, equal by value
        assertThat(e.framebuffer().sameRow(2, before)).isTrue();
        assertThat(emu(6, 3, "abc").framebuffer().sameRow(0, before)).isFalse(); // another width
    }

    @Test
    void scrolledFromTellsARowMovedByAScrollFromOneThatLooksAlike() {
        Emulator e = emu(5, 3, "abc\r\ndef\r\nghi");
        Framebuffer before = e.framebuffer().copy();
        feed(e, "\r\n");
        Framebuffer now = e.framebuffer();
        assertThat(now.scrolledFrom(0, before, 1)).isTrue();
        assertThat(now.scrolledFrom(1, before, 2)).isTrue();
        assertThat(now.scrolledFrom(0, before, 0)).isFalse();
        assertThat(now.scrolledFrom(2, before, 2)).isFalse();
        Framebuffer erased = emu(5, 3, "abc\r\ndef\r\nghi\033[2J").framebuffer();
        assertThat(erased.scrolledFrom(1, erased.copy(), 1)).isTrue();
        assertThat(erased.scrolledFrom(1, erased, 2)).as("two erased rows look alike but are not one").isFalse();
        feed(e, "\033[1;1HX\033[1;1Hd");
        assertThat(e.framebuffer().scrolledFrom(0, before, 1)).as("written again, same content").isTrue();
    }

    @Test
    void pendingRepliesAreCopied() {
        Emulator e = emu(5, 3, "\033[c");
        Emulator c = e.copy();
        assertThat(Term.utf8(c.takeReplies())).isEqualTo("\033[?62c");
        assertThat(Term.utf8(e.takeReplies())).isEqualTo("\033[?62c");
    }

    @Test
    void receivingResetsHiddenStateOnly() {
        Emulator server = emu(6, 3, "\033[2;3r\033[?6h\033[4h\033[?7l\033[?1h\033[3g\033[1;31mab\033]0;t\007\033[?2004h");
        Emulator r = Emulator.receiving(server.framebuffer());
        assertThat(r).isEqualTo(server);
        feed(r, "\033[1;1HXY\033[3;6Hcd\tZ");
        assertThat(Term.screen(r)).isEqualTo(" b\n     c\nd    Z"); // autowrap, no insert, full margins, tabs
    }
}
