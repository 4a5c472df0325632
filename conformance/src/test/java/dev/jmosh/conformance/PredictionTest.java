package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.conformance.relay.Impairment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Local echo, black-box: each client talks to mosh-server through the impairment relay at
 * 200 ms each way, typing into {@code cat}, on a terminal of its own ({@link PtyClient}). Once
 * the first keystroke's echo has proven the epoch, mosh-client and jmosh-client in the default
 * (adaptive) mode draw every further keystroke long before its echo could arrive; with
 * {@code MOSH_PREDICTION_DISPLAY=never}, jmosh-client waits the whole round trip. And what the
 * two clients show while predictions are outstanding (underlined insertions, backspaces, cursor
 * moves, wrong guesses, wrapping at the last column, carriage returns down to the bottom row),
 * in the adaptive, experimental and overwriting modes, is the same, attribute for attribute.
 */
class PredictionTest {
    private static final int DELAY_MS = 200;
    private static final int KEYS = 8;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"mosh-client, adaptive, true", "jmosh-client, adaptive, true", "jmosh-client, never, false"})
    @Timeout(120)
    void keystrokesAreDrawnBeforeTheirEchoOnASlowLink(String clientName, String mode, boolean predicted)
            throws Exception {
        Conformance.require("mosh-server", "mosh-client", "script");
        try (RelayedSession s = RelayedSession.onPty(RelayedSession.client(clientName), "mosh-server",
                Map.of("MOSH_PREDICTION_DISPLAY", mode), 80, 24, 3, "exec cat")) {
            // slow from the start, so that the client's first RTT sample is already slow
            s.relay.impair(new Impairment(0, DELAY_MS, 0, 0, 0));
            // the client draws only once its terminal is raw; before that the tty would echo
            assertThat(s.pty.awaitOutput(1, 30_000)).as("the client started").isTrue();
            assertThat(s.pty.keystroke(PtyClient.letter(0), 30_000)).as("the session is up").isNotNegative();
            Thread.sleep(4 * DELAY_MS); // its echo proves the first epoch
            List<Long> times = new ArrayList<>();
            for (int i = 1; i <= KEYS; i++) {
                times.add(s.pty.keystroke(PtyClient.letter(i), 10_000));
                Thread.sleep(DELAY_MS);
            }
            System.out.println("PredictionTest " + clientName + " " + mode + ": " + times);
            times.sort(null);
            long median = times.get(KEYS / 2);
            if (predicted) {
                assertThat(median).as("median ms from keystroke to drawing, predicted: %s", times)
                        .isLessThan(DELAY_MS / 2);
            } else {
                assertThat(median).as("median ms from keystroke to drawing, not predicted: %s", times)
                        .isGreaterThanOrEqualTo(2 * DELAY_MS - 20);
            }
        }
    }

    /** Keystrokes (tmux key names) typed in turn, each shown while pending and after its echo. */
    private static final List<List<String>> STEPS = List.of(List.of("-l", "hello"), List.of("BSpace"),
            List.of("BSpace"), List.of("Left"), List.of("-l", "w"), List.of("-l", "orld"), List.of("Left", "Left"),
            List.of("Right"), List.of("Enter"), List.of("-l", "again"), List.of("Enter"),
            List.of("-l", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH"), List.of("-l", "I"), List.of("Enter"),
            List.of("Enter"), List.of("-l", "bottom"), List.of("Enter"), List.of("-l", "end"));

    @ParameterizedTest(name = "MOSH_PREDICTION_DISPLAY={0} MOSH_PREDICTION_OVERWRITE={1}")
    @CsvSource({"adaptive, no", "experimental, no", "always, yes"})
    @Timeout(240)
    void bothClientsShowTheSamePredictions(String mode, String overwrite) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        int delay = 400; // each way: an echo takes at least 800 ms, the screens are read at 400 ms
        Map<String, String> env = Map.of("MOSH_PREDICTION_DISPLAY", mode, "MOSH_PREDICTION_OVERWRITE", overwrite);
        try (RelayedSession mosh = slow("mosh-client", env, delay);
             RelayedSession jmosh = slow("jmosh-client", env, delay)) {
            for (RelayedSession s : List.of(mosh, jmosh)) {
                s.tmux.await(sc -> sc.contains("READY"), 30_000);
                s.tmux.type("x"); // its echo proves the first epoch
            }
            for (RelayedSession s : List.of(mosh, jmosh)) {
                s.tmux.await(sc -> sc.contains("x"), 10_000);
            }
            Thread.sleep(2 * delay);
            for (List<String> keys : STEPS) {
                mosh.tmux.keys(keys.toArray(new String[0]));
                jmosh.tmux.keys(keys.toArray(new String[0]));
                Thread.sleep(delay);
                String pendingMosh = snapshot(mosh.tmux);
                String pendingJmosh = snapshot(jmosh.tmux);
                if (keys.contains("hello")) { // the test itself: predictions are shown, underlined
                    assertThat(pendingMosh).contains("x\033[4mhello");
                }
                assertThat(pendingJmosh).as("while %s is pending", keys).isEqualTo(pendingMosh);
                Thread.sleep(3L * delay);
                assertThat(snapshot(jmosh.tmux)).as("after %s was echoed", keys).isEqualTo(snapshot(mosh.tmux));
            }
        }
    }

    private static RelayedSession slow(String clientName, Map<String, String> env, int delay) throws Exception {
        RelayedSession s = new RelayedSession(RelayedSession.client(clientName), "mosh-server", env, 40, 6, 5,
                "echo READY; exec cat");
        s.relay.impair(new Impairment(0, delay, 0, 0, 0));
        return s;
    }

    /** The pane with attributes (tmux capture-pane -e) and the cursor position. */
    private static String snapshot(Tmux tmux) throws Exception {
        return tmux.run("capture-pane", "-p", "-e", "-t", "t")
                + "cursor " + tmux.run("display-message", "-p", "-t", "t", "#{cursor_x},#{cursor_y}");
    }
}
