package dev.jmosh.vt;

import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void deviceAttributes() {
        assertThat(utf8(emu(5, 5, "\033[c").takeReplies())).isEqualTo("\033[?62c");
        assertThat(utf8(emu(5, 5, "\033[0c").takeReplies())).isEqualTo("\033[?62c");
        assertThat(utf8(emu(5, 5, "\033[>c").takeReplies())).isEqualTo("\033[>1;10;0c");
        assertThat(utf8(emu(5, 5, "\033[>0c").takeReplies())).isEqualTo("\033[>1;10;0c");
        assertThat(emu(5, 5, "\033[=c\033[?c").takeReplies()).isEmpty();
    }

    @Test
    void deviceStatusAndCursorPosition() {
        assertThat(utf8(emu(5, 5, "\033[5n").takeReplies())).isEqualTo("\033[0n");
        assertThat(utf8(emu(9, 9, "\033[3;7H\033[6n").takeReplies())).isEqualTo("\033[3;7R");
        assertThat(utf8(emu(9, 9, "\033[2;5r\033[?6h\033[2;2H\033[6n").takeReplies())).isEqualTo("\033[3;2R");
        assertThat(emu(5, 5, "\033[?6n\033[7n").takeReplies()).isEmpty();
    }

    @Test
    void repliesAccumulateUntilTaken() {
        Emulator e = emu(5, 5, "\033[c\033[5n");
        assertThat(utf8(e.takeReplies())).isEqualTo("\033[?62c\033[0n");
        assertThat(e.takeReplies()).isEmpty();
    }
}
