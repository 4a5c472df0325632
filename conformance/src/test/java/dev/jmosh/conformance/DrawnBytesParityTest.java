package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.conformance.trace.ScreenLog;
import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What mosh-client and bin/jmosh-client write to their terminals, byte for byte where it matters
 * (issue 13): each on its own pseudo-terminal ({@link PtyClient}), against its own mosh-server
 * running the same script, which prints a no-break space, colours 8–15 set both ways (SGR 9x/10x
 * and 38;5;N/48;5;N), hidden text (SGR 8) and the words {@code foo bar}. The raw output streams
 * are then compared: U+00A0 arrives as UTF-8 C2 A0, each colour and the hidden text arrive with
 * the SGR sequence mosh-client writes, {@code foo bar} arrives with its space written (a tool
 * grepping the output for it finds it), and the two streams leave the same screen. Each of these
 * is a test of its own, on the same two sessions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrawnBytesParityTest {
    private static final int COLS = 80;
    private static final int ROWS = 24;
    private static final String SCRIPT = "printf 'nbsp: nb\\302\\240sp|\\n'"
            + "; printf 'fg: \\033[91mfgA9\\033[0m \\033[38;5;12mfgB12\\033[0m \\033[94mfgC12\\033[0m|\\n'"
            + "; printf 'bg: \\033[104mbgD12\\033[0m \\033[48;5;9mbgE9\\033[0m \\033[93;101mfbF\\033[0m|\\n'"
            + "; printf 'hidden: \\033[8msecret\\033[0m|\\n'"
            + "; echo foo bar"
            + "; printf 'the end\\n'"
            + "; exec sleep 600";

    /** The raw output of each client, by name, once its screen shows the whole script. */
    private final Map<String, byte[]> output = new LinkedHashMap<>();

    @BeforeAll
    @Timeout(120)
    void runBothClients() throws Exception {
        Conformance.require("mosh-server", "mosh-client", "script");
        for (String client : new String[] {"mosh-client", "jmosh-client"}) {
            try (MoshServer server = MoshServer.start("/bin/sh", "-c", SCRIPT)) {
                ScreenLog screens = new ScreenLog(COLS, ROWS);
                try (PtyClient pty = new PtyClient(COLS, ROWS, "env LANG=C.UTF-8 MOSH_PREDICTION_DISPLAY=never MOSH_KEY="
                        + server.key + " " + RelayedSession.client(client) + " 127.0.0.1 " + server.port, screens)) {
                    assertThat(screens.await(s -> s.text().contains("the end"), 30_000))
                            .as("%s shows the script's last line", client).isTrue();
                    assertThat(screens.awaitQuiet(500, 10_000)).as("%s settles", client).isTrue();
                    output.put(client, pty.output());
                }
            }
        }
    }

    private String drawn(String client) {
        return new String(output.get(client), StandardCharsets.UTF_8);
    }

    @Test
    void aNoBreakSpaceArrivesAsUtf8() {
        byte[] nbsp = {'n', 'b', (byte) 0xC2, (byte) 0xA0, 's', 'p'};
        assertThat(indexOf(output.get("mosh-client"), nbsp)).as("mosh-client writes nb C2 A0 sp").isNotNegative();
        assertThat(indexOf(output.get("jmosh-client"), nbsp)).as("jmosh-client writes nb C2 A0 sp").isNotNegative();
    }

    @Test
    void colours8To15ArriveAsMoshClientWritesThem() {
        Map<String, String> expected = Map.of("fgA9", "ESC[0;38;5;9m", "fgB12", "ESC[0;38;5;12m",
                "fgC12", "ESC[0;38;5;12m", "bgD12", "ESC[0;48;5;12m", "bgE9", "ESC[0;48;5;9m",
                "fbF", "ESC[0;38;5;11;48;5;9m");
        expected.forEach((word, sgr) -> {
            assertThat(sgrBefore(drawn("mosh-client"), word)).as("mosh-client before %s", word).isEqualTo(sgr);
            assertThat(sgrBefore(drawn("jmosh-client"), word)).as("jmosh-client before %s", word).isEqualTo(sgr);
        });
    }

    @Test
    void hiddenTextArrivesWithSgr8() {
        assertThat(sgrBefore(drawn("mosh-client"), "secret")).isEqualTo("ESC[0;8m");
        assertThat(sgrBefore(drawn("jmosh-client"), "secret")).isEqualTo("ESC[0;8m");
    }

    @Test
    void fooBarArrivesWithItsSpaceWritten() {
        assertThat(drawn("mosh-client")).contains("foo bar");
        assertThat(drawn("jmosh-client")).as("a tool grepping the output for 'foo bar' finds it").contains("foo bar");
    }

    @Test
    void theFinalScreensAreEqual() {
        String mosh = screen(output.get("mosh-client"));
        assertThat(mosh).contains("nb\u00A0sp", "foo bar", "the end");
        assertThat(screen(output.get("jmosh-client"))).isEqualTo(mosh);
    }

    /**
     * The SGR sequence written right before {@code word} (ESC spelled {@code ESC}), or "" if
     * another byte comes between.
     */
    private static String sgrBefore(String drawn, String word) {
        Matcher m = Pattern.compile("(\033\\[[0-9;]*m)?" + Pattern.quote(word)).matcher(drawn);
        assertThat(m.find()).as("%s is drawn", word).isTrue();
        return m.group(1) == null ? "" : m.group(1).replace("\033", "ESC");
    }

    /**
     * The screen {@code drawn} leaves on a terminal, a line a row: each cell's text (an erased cell
     * and a space alike, U+00A0 kept), with its rendition before it where that changes; then the
     * cursor.
     */
    private static String screen(byte[] drawn) {
        Emulator terminal = new Emulator(COLS, ROWS);
        terminal.write(drawn);
        terminal.takeReplies();
        Framebuffer fb = terminal.framebuffer();
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < ROWS; y++) {
            StringBuilder row = new StringBuilder();
            Rendition last = Rendition.DEFAULT;
            int end = 0;
            for (int x = 0; x < COLS; x++) {
                Cell c = fb.cell(y, x);
                if (!c.rendition().equals(last)) {
                    row.append('{').append(c.rendition()).append('}');
                    last = c.rendition();
                }
                row.append(c.text().isEmpty() ? " " : c.text());
                if (!c.text().isEmpty() && !c.text().equals(" ") || !last.equals(Rendition.DEFAULT)) {
                    end = row.length();
                }
            }
            s.append(row, 0, end).append('\n');
        }
        return s.append("cursor ").append(fb.cursorRow()).append(',').append(fb.cursorCol())
                .append(fb.cursorVisible() ? " visible" : " hidden").toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
