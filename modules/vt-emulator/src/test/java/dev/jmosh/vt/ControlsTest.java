package dev.jmosh.vt;

import static dev.jmosh.vt.Term.cursor;
import static dev.jmosh.vt.Term.emu;
import static dev.jmosh.vt.Term.row;
import static dev.jmosh.vt.Term.screen;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** C1 controls in their 7-bit and 8-bit forms, and the less common shifts. */
class ControlsTest {
    @Test
    void sevenAndEightBitC1Controls() {
        assertThat(cursor(emu(5, 3, "ab\033D"))).as("IND").containsExactly(1, 2);
        assertThat(cursor(emu(5, 3, "ab\u0084"))).as("8-bit IND").containsExactly(1, 2);
        assertThat(cursor(emu(5, 3, "ab\033E"))).as("NEL").containsExactly(1, 0);
        assertThat(cursor(emu(5, 3, "ab\u0085"))).as("8-bit NEL").containsExactly(1, 0);
        assertThat(screen(emu(5, 3, "a\033Mb"))).as("RI at the top scrolls down").isEqualTo(" b\na\n");
        Emulator tabs = emu(8, 1, "\033[3g\033[3G\033H\r\tx");
        assertThat(row(tabs, 0).strip()).as("HTS").isEqualTo("x");
        assertThat(cursor(tabs)).containsExactly(0, 3);
    }

    @Test
    void lockingShiftsTwoAndThreeAndSingleShiftThree() {
        assertThat(row(emu(6, 1, "\033*0\033nq\017q"), 0).strip()).as("LS2, then SI back to G0")
                .isEqualTo("\u2500q");
        assertThat(row(emu(6, 1, "\033+0\033oq\033(B\017q"), 0).strip()).as("LS3").isEqualTo("\u2500q");
        assertThat(row(emu(6, 1, "\033+0\033Oqq"), 0).strip()).as("SS3: one character").isEqualTo("\u2500q");
        assertThat(row(emu(6, 1, "\033+0\u008fqq"), 0).strip()).as("8-bit SS3").isEqualTo("\u2500q");
    }
}
