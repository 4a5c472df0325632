package dev.jmosh.vt;

import static dev.jmosh.vt.Term.cursor;
import static dev.jmosh.vt.Term.emu;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TabTest {
    @Test
    void defaultStopsEveryEight() {
        assertThat(cursor(emu(30, 1, "\t"))).containsExactly(0, 8);
        assertThat(cursor(emu(30, 1, "ab\t\t"))).containsExactly(0, 16);
        assertThat(cursor(emu(30, 1, "\t\t\t\t"))).containsExactly(0, 29);
    }

    @Test
    void forwardAndBackwardTabulation() {
        assertThat(cursor(emu(30, 1, "\033[2I"))).containsExactly(0, 16);
        assertThat(cursor(emu(30, 1, "\033[20G\033[Z"))).containsExactly(0, 16);
        assertThat(cursor(emu(30, 1, "\033[20G\033[2Z"))).containsExactly(0, 8);
        assertThat(cursor(emu(30, 1, "\033[20G\033[9Z"))).containsExactly(0, 0);
    }

    @Test
    void setAndClearStops() {
        assertThat(cursor(emu(30, 1, "\033[4G\033H\r\t"))).containsExactly(0, 3);
        assertThat(cursor(emu(30, 1, "\033[9G\033[g\r\t"))).containsExactly(0, 16);
        assertThat(cursor(emu(30, 1, "\033[3g\t"))).containsExactly(0, 29);
        assertThat(cursor(emu(30, 1, "\033[4G\u0088\033[3g\r\t"))).containsExactly(0, 29);
    }

    @Test
    void defaultStopsExtendOnWidening() {
        Emulator e = emu(10, 1, "");
        e.resize(30, 1);
        Term.feed(e, "\t\t");
        assertThat(cursor(e)).containsExactly(0, 16);
        Emulator f = emu(10, 1, "\033[3g");
        f.resize(30, 1);
        Term.feed(f, "\t");
        assertThat(cursor(f)).containsExactly(0, 29);
    }
}
