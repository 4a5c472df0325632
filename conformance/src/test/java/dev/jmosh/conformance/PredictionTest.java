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
 * {@code MOSH_PREDICTION_DISPLAY=never}, jmosh-client waits the whole round trip.
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
}
