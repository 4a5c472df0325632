package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The terminal probe itself, on a local terminal that echoes (no mosh in between). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PtyClientTest {
    @Test
    void openLoopTimesEveryKeyByItsOwnEcho() throws Exception {
        Conformance.require("script");
        try (PtyClient pty = new PtyClient(80, 24, "cat > /dev/null")) {
            assertThat(pty.keystrokeNanos(PtyClient.letter(0), 10_000)).isNotNegative(); // the terminal is up
            long[] times = pty.openLoop(1, 20, 30, 10_000);
            assertThat(times).hasSize(20);
            assertThat(Arrays.stream(times).allMatch(t -> t >= 0)).as(Arrays.toString(times)).isTrue();
        }
    }

    @Test
    void openLoopReportsAKeyThatIsNeverDrawn() throws Exception {
        Conformance.require("script");
        try (PtyClient pty = new PtyClient(80, 24, "sh -c 'stty -echo && printf R && exec cat > /dev/null'")) {
            assertThat(pty.awaitOutput(1, 10_000)).isTrue(); // echo is off from here on
            long[] times = pty.openLoop(0, 3, 10, 500);
            assertThat(times).containsExactly(-1, -1, -1);
        }
    }

    @Test
    void watchedTextIsFoundAcrossReadsAndOnlyAfterTheWatchBegins() throws Exception {
        Conformance.require("script");
        try (PtyClient pty = new PtyClient(80, 24,
                "sh -c 'printf MARK-early; read x; printf \"%0200d\" 0; printf MA; sleep 0.3; printf RK-late; exec cat'")) {
            assertThat(pty.awaitOutput(10, 10_000)).isTrue();
            pty.watchFor("MARK-early");
            assertThat(pty.awaitWatched(300)).isEqualTo(-1); // drawn before the watch
            pty.watchFor("MARK-late");
            long start = System.nanoTime();
            pty.type("\r");
            long found = pty.awaitWatched(10_000);
            assertThat(found).isGreaterThan(start);
            assertThat(found - start).isGreaterThanOrEqualTo(250_000_000L); // split by the sleep
        }
    }

    @Test
    void openLoopRefusesRepeatedLetters() throws Exception {
        Conformance.require("script");
        try (PtyClient pty = new PtyClient(80, 24, "cat > /dev/null")) {
            assertThatThrownBy(() -> pty.openLoop(0, 33, 10, 100)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
