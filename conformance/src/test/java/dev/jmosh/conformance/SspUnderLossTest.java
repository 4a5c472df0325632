package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.conformance.relay.Impairment;
import dev.jmosh.conformance.relay.ImpairmentRelay;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pairing of {jmosh-client, mosh-client} x {jmosh-server, mosh-server} through the
 * impairment relay at 29% loss and 50 ms delay each way (the mosh paper's harsh case): 50 typed
 * lines all reach the server's program, in order and exactly once, and the client's screen
 * converges to show the last of them. The program is {@code cat > FILE} on the server's tty,
 * so the file is exactly what arrived and the tty's echo is what the screen shows.
 */
class SspUnderLossTest {
    private static final int LINES = 50;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("dev.jmosh.conformance.RelayedSession#pairings")
    @Timeout(180)
    void typedLinesArriveInOrderExactlyOnceAt29PercentLoss(String clientName, String serverName) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        Path file = dir.resolve("typed.txt");
        List<String> expected = RelayedSession.lines("line-%02d-%s", 1, LINES);
        try (RelayedSession s = RelayedSession.start(clientName, serverName, 80, 24, 29, "echo READY; cat > " + file)) {
            Tmux tmux = s.tmux;
            ImpairmentRelay relay = s.relay;
            // type only once the client runs and has heard from the server (before that the
            // keystrokes would reach a tty that is not raw yet)
            tmux.await(sc -> sc.contains("READY"), 20_000);
            relay.impair(Impairment.lossy(0.29, 50));
            s.type(expected);
            String last = expected.get(LINES - 1);
            String screen = tmux.await(sc -> sc.contains(last), 90_000);
            assertThat(screen).as("the client's screen shows the last line").contains(last);
            List<String> arrived = RelayedSession.awaitLines(file, LINES, 30_000);
            assertThat(arrived).as("what cat received, via %s", relay).containsExactlyElementsOf(expected);
            assertThat(relay.upstream().dropped()).as("the relay did drop").isGreaterThan(0);
            assertThat(relay.downstream().dropped()).isGreaterThan(0);
            String shown = tmux.screen();
            for (int i = LINES - 20; i < LINES; i++) { // the last 20 lines, in order, once each
                String l = expected.get(i);
                assertThat(shown.indexOf(l)).as(l).isGreaterThanOrEqualTo(0).isEqualTo(shown.lastIndexOf(l));
                if (i > LINES - 20) {
                    assertThat(shown.indexOf(l)).isGreaterThan(shown.indexOf(expected.get(i - 1)));
                }
            }
        }
    }
}
