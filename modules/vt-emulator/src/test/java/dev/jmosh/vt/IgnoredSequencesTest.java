package dev.jmosh.vt;

import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.feed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sequences {@code docs/vt-support.md} lists as ignored change nothing and answer nothing. */
class IgnoredSequencesTest {
    private static final String[] IGNORED = {
        "\033[8;50;100t", "\033[14t", "\033[s", "\033[u", "\033[>1u", "\033[=c", "\033[?6n", "\033#3", "\033#4",
        "\033#5", "\033#6", "\033=", "\033>", "\033[?12h", "\033[?1048h", "\033[?1048l", "\033[21m", "\033[53m",
        "\033[58:2::1:2:3m", "\033]4;1;rgb:ff/00/00\007", "\033]10;?\007", "\033]11;#000\007",
        "\033]104\007", "\033]7;file://host/tmp\007",
    };

    @Test
    void ignoredSequencesChangeNothing() {
        String setup = "ab\r\nc\033[1;31mde\033[2;2H";
        for (String seq : IGNORED) {
            Emulator e = emu(8, 3, setup);
            Framebuffer before = e.framebuffer().copy();
            feed(e, seq);
            assertThat(e.framebuffer()).as(Term.visible(seq)).isEqualTo(before);
            assertThat(e.takeReplies()).as(Term.visible(seq)).isEmpty();
            feed(e, "q");
            Emulator reference = emu(8, 3, setup + "q");
            assertThat(e.framebuffer()).as("printing after " + Term.visible(seq)).isEqualTo(reference.framebuffer());
        }
    }
}
