package dev.jmosh.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled terminfo entries read as ncurses reads them, for the strings mosh-client takes. */
class TerminfoTest {

    /** A term(5) entry: {@code booleans} flags, {@code numbers} numbers, smcup and rmcup (or absent). */
    private static byte[] entry(boolean wide, int booleans, int numbers, String smcup, String rmcup) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] names = "test|a test terminal\0".getBytes(StandardCharsets.US_ASCII);
        int strings = 41;
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        short[] offsets = new short[strings];
        java.util.Arrays.fill(offsets, (short) -1);
        offsets[27] = -2; // cancelled
        if (smcup != null) {
            offsets[28] = (short) table.size();
            table.writeBytes((smcup + "\0").getBytes(StandardCharsets.ISO_8859_1));
        }
        if (rmcup != null) {
            offsets[40] = (short) table.size();
            table.writeBytes((rmcup + "\0").getBytes(StandardCharsets.ISO_8859_1));
        }
        for (int v : new int[] {wide ? 01036 : 0432, names.length, booleans, numbers, strings, table.size()}) {
            shortLe(b, v);
        }
        b.writeBytes(names);
        for (int i = 0; i < booleans; i++) {
            b.write(1);
        }
        if ((names.length + booleans) % 2 != 0) {
            b.write(0);
        }
        for (int i = 0; i < numbers; i++) {
            shortLe(b, i == 13 ? 88 : 80); // colors is number 13
            if (wide) {
                shortLe(b, 0);
            }
        }
        for (short o : offsets) {
            shortLe(b, o);
        }
        b.writeBytes(table.toByteArray());
        return b.toByteArray();
    }

    private static void shortLe(ByteArrayOutputStream b, int v) {
        b.write(v & 0xff);
        b.write((v >> 8) & 0xff);
    }

    @Test
    void readsTheAlternateScreenStringsOfBothFormats() {
        for (boolean wide : new boolean[] {false, true}) {
            for (int booleans : new int[] {2, 3}) { // with and without the padding byte
                Terminfo t = Terminfo.parse(entry(wide, booleans, 3, "\033[?1049h\033[22;0;0t", "\033[?1049l"));
                assertThat(t.smcup()).as("wide %s, %d booleans", wide, booleans).hasValue("\033[?1049h\033[22;0;0t");
                assertThat(t.rmcup()).hasValue("\033[?1049l");
            }
        }
        Terminfo none = Terminfo.parse(entry(false, 2, 1, null, null));
        assertThat(none.smcup()).isEmpty();
        assertThat(none.rmcup()).isEmpty();
        assertThatThrownBy(() -> Terminfo.parse(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsEntriesWhereNcursesLooksAndRefusesAsMoshClientDoes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("f"));
        Files.write(dir.resolve("f/foo-term"), entry(false, 2, 1, "IN", "OUT"));
        Files.createDirectories(dir.resolve("62"));
        Files.write(dir.resolve("62/bar-term"), entry(false, 2, 1, "BIN", "BOUT"));
        assertThat(Terminfo.load(Map.of("TERM", "foo-term", "TERMINFO", dir.toString())).smcup()).hasValue("IN");
        assertThat(Terminfo.load(Map.of("TERM", "bar-term", "TERMINFO_DIRS", "/nonexistent:" + dir)).rmcup())
                .hasValue("BOUT");
        assertThatThrownBy(() -> Terminfo.load(Map.of("TERM", "no-such-term-here", "TERMINFO", dir.toString())))
                .hasMessage("Unknown terminal type.");
        assertThatThrownBy(() -> Terminfo.load(Map.of("TERM", "")))
                .hasMessage("Terminfo database could not be found.");
        assertThatThrownBy(() -> Terminfo.load(Map.of())).hasMessage("Terminfo database could not be found.");
    }

    @Test
    void xtermSavesTheTitleWithTheAlternateScreen() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/lib/terminfo/x/xterm-256color"))
                || Files.exists(Path.of("/usr/share/terminfo/x/xterm-256color")), "no xterm-256color entry installed");
        Terminfo t = Terminfo.load(Map.of("TERM", "xterm-256color"));
        assertThat(t.smcup()).hasValue("\033[?1049h\033[22;0;0t");
        assertThat(t.rmcup()).hasValue("\033[?1049l\033[23;0;0t");
    }

    @Test
    void readsTheColourCountAsTigetnum() {
        for (boolean wide : new boolean[] {false, true}) {
            assertThat(Terminfo.parse(entry(wide, 2, 14, null, null)).colors()).isEqualTo(88);
            assertThat(Terminfo.parse(entry(wide, 2, 13, null, null)).colors()).as("absent").isEqualTo(-1);
        }
    }

    @Test
    void installedEntriesGiveWhatMoshClientDashCPrints() throws Exception {
        for (String[] t : new String[][] {{"xterm-256color", "256"}, {"xterm", "8"}, {"vt100", "-1"}}) {
            Assumptions.assumeTrue(Files.exists(Path.of("/lib/terminfo/" + t[0].charAt(0) + "/" + t[0]))
                    || Files.exists(Path.of("/usr/share/terminfo/" + t[0].charAt(0) + "/" + t[0])), "no " + t[0]);
            assertThat(Terminfo.load(Map.of("TERM", t[0])).colors()).as(t[0]).isEqualTo(Integer.parseInt(t[1]));
        }
        assertThat(Terminfo.setuptermError(Map.of("TERM", "bogus"))).isEqualTo("'bogus': unknown terminal type.\n");
        assertThat(Terminfo.setuptermError(Map.of())).isEqualTo("TERM environment variable not set.\n");
    }
}
