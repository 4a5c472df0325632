package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.conformance.relay.Impairment;
import dev.jmosh.conformance.trace.ScreenLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Beyond mosh, black-box: jmosh-client at a bash prompt on mosh-server, 200 ms each way. Once the
 * prompt has echoed a command, the first key of the next command is drawn long before its echo
 * could come back (mosh-client, and jmosh-client with {@code JMOSH_PREDICTION_PROMPTS=no}, wait
 * the round trip); keys typed right after Enter appear after the prompt once it is back, and
 * typing goes on at once from there; and nothing typed at a password prompt ever reaches the
 * screen.
 */
class PromptEchoTest {
    private static final int DELAY_MS = 200;
    private static final String BASH = "exec env PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile -i";

    private static RelayedSession shell(String client, Map<String, String> env, ScreenLog screens) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "script", "bash");
        RelayedSession s = RelayedSession.onPty(RelayedSession.client(client), "mosh-server", env, 80, 24, 9, BASH,
                screens);
        if (!screens.await(sc -> sc.text().lines().anyMatch(l -> l.equals("$")), 30_000)) {
            throw new AssertionError(client + ": no prompt; the screen shows\n" + screens.current());
        }
        s.relay.impair(new Impairment(0, DELAY_MS, 0, 0, 0));
        return s;
    }

    /** Runs one command typed key by key (the first, ever, at this prompt), and waits for the prompt and its acks. */
    private static void firstCommand(RelayedSession s, ScreenLog screens) throws Exception {
        assertThat(s.pty.keystroke(PtyClient.letter(0), 10_000)).as("first key echoed").isNotNegative();
        assertThat(s.pty.keystroke(PtyClient.letter(1), 10_000)).isNotNegative();
        s.pty.type("\r");
        assertThat(screens.await(sc -> sc.text().contains("command not found"), 10_000)).isTrue();
        screens.awaitQuiet(6L * DELAY_MS, 10_000); // the prompt is back and acknowledged
    }

    @ParameterizedTest(name = "{0} JMOSH_PREDICTION_PROMPTS={1}")
    @CsvSource({"jmosh-client, yes, true", "jmosh-client, no, false", "mosh-client, yes, false"})
    @Timeout(120)
    void theFirstKeyOfTheNextCommandIsShownAtOnce(String client, String prompts, boolean atOnce) throws Exception {
        ScreenLog screens = new ScreenLog(80, 24);
        try (RelayedSession s = shell(client, Map.of("MOSH_PREDICTION_DISPLAY", "adaptive",
                "JMOSH_PREDICTION_PROMPTS", prompts), screens)) {
            firstCommand(s, screens);
            long ms = s.pty.keystroke(PtyClient.letter(2), 10_000);
            if (atOnce) {
                assertThat(ms).as("ms to draw the first key at a proven prompt").isBetween(0L, DELAY_MS / 2L);
            } else {
                assertThat(ms).as("ms to draw the first key, mosh's rule").isGreaterThanOrEqualTo(2L * DELAY_MS - 20);
            }
            s.pty.type("\u0015"); // Ctrl-U: leave the line empty
        }
    }

    @Test
    @Timeout(120)
    void keysTypedAheadOfThePromptAreShownOnceItIsBack() throws Exception {
        ScreenLog screens = new ScreenLog(80, 24);
        try (RelayedSession s = shell("jmosh-client", Map.of("MOSH_PREDICTION_DISPLAY", "adaptive"), screens)) {
            firstCommand(s, screens);
            int row = screens.current().cursorRow + 1;
            int keys = 10;
            long[] sent = new long[keys];
            s.pty.type("\r");
            for (int i = 0; i < keys; i++) { // 1 s of typing from the Enter on: the prompt is back after 400 ms
                sent[i] = System.nanoTime();
                s.pty.type(String.valueOf(PtyClient.letter(3 + i)));
                Thread.sleep(100);
            }
            screens.awaitQuiet(4L * DELAY_MS, 10_000);
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                int cell = row * 80 + 2 + i;
                String letter = String.valueOf(PtyClient.letter(3 + i));
                long first = sent[i];
                ms.add(screens.snapshots().stream().filter(sn -> sn.nanos() >= first)
                        .filter(sn -> sn.screen().cell(cell).equals(letter)).findFirst()
                        .map(sn -> (sn.nanos() - first) / 1_000_000).orElse(-1L));
            }
            System.out.println("PromptEchoTest, keys typed after Enter, ms to drawing: " + ms);
            assertThat(ms).as("ms from each key to its drawing after the prompt").doesNotContain(-1L);
            assertThat(ms.subList(keys - 3, keys)).as("the last keys, typed once the prompt was back: %s", ms)
                    .allMatch(t -> t < DELAY_MS / 2);
        }
    }

    @Test
    @Timeout(120)
    void nothingTypedAtAPasswordPromptIsShown() throws Exception {
        ScreenLog screens = new ScreenLog(80, 24);
        try (RelayedSession s = shell("jmosh-client", Map.of("MOSH_PREDICTION_DISPLAY", "adaptive"), screens)) {
            firstCommand(s, screens);
            s.pty.type("read -rs -p 'Password: ' pw; echo; echo \"got ${#pw}\"\r");
            assertThat(screens.await(sc -> sc.text().contains("\nPassword:"), 10_000)).isTrue();
            screens.awaitQuiet(6L * DELAY_MS, 10_000);
            int from = screens.count();
            for (int i = 3; i < 9; i++) {
                s.pty.type(String.valueOf(PtyClient.letter(i)));
                Thread.sleep(DELAY_MS / 2);
            }
            screens.awaitQuiet(4L * DELAY_MS, 10_000);
            s.pty.type("\r");
            assertThat(screens.await(sc -> sc.text().contains("got 6"), 10_000)).as("bash read six characters").isTrue();
            assertThat(screens.since(from)).as("no screen showed a typed character")
                    .noneMatch(sc -> sc.text().chars().anyMatch(c -> c >= 0x433 && c <= 0x438));
        }
    }
}
