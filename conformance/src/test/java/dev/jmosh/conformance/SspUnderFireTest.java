package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.conformance.relay.Impairment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rest of issue 5's matrix, for every pairing of {jmosh-client, mosh-client} x
 * {jmosh-server, mosh-server} through the impairment relay: roaming during output, a 30 s
 * blackout, reordering plus duplication of every datagram, and fragmented 200x60 frames under
 * loss. The server-side program is a shell script whose output and input the test controls.
 */
class SspUnderFireTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("dev.jmosh.conformance.RelayedSession#pairings")
    @Timeout(120)
    void roamingDuringOutputNeedsNoUserAction(String clientName, String serverName) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        String token = Conformance.token();
        String script = "echo READY; read go; i=0; while [ $i -lt 150 ]; do echo out-$i; i=$((i+1)); sleep 0.02; done;"
                + " echo END-$go; cat";
        try (RelayedSession s = RelayedSession.start(clientName, serverName, 80, 24, 11, script)) {
            s.tmux.await(sc -> sc.contains("READY"), 20_000);
            s.tmux.type(token);
            s.tmux.keys("Enter");
            s.tmux.await(sc -> sc.contains("out-20"), 20_000);
            int before = s.relay.serverFacingPort();
            s.relay.changeAddress();
            assertThat(s.relay.serverFacingPort()).isNotEqualTo(before);
            String end = s.tmux.await(sc -> sc.contains("END-" + token), 30_000);
            assertThat(end).as("output went on after the address change").contains("END-" + token).contains("out-149");
            s.tmux.type("typed-after-" + token);
            s.tmux.keys("Enter");
            assertThat(s.tmux.await(sc -> sc.contains("typed-after-" + token), 15_000))
                    .contains("typed-after-" + token);
            assertThat(s.tmux.screen()).doesNotContain("CLIENT_RC");
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("dev.jmosh.conformance.RelayedSession#pairings")
    @Timeout(150)
    void aThirtySecondBlackoutLosesNothingTyped(String clientName, String serverName) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        Path file = dir.resolve("typed.txt");
        List<String> lines = RelayedSession.lines("dark-%d-%s", 0, 5);
        try (RelayedSession s = RelayedSession.start(clientName, serverName, 80, 24, 12, "echo READY; cat > " + file)) {
            s.tmux.await(sc -> sc.contains("READY"), 20_000);
            s.relay.blackout(Duration.ofSeconds(30));
            s.type(lines);
            String dark = s.tmux.await(sc -> sc.contains("Last contact"), 25_000);
            assertThat(dark).as("the notification bar during the blackout").contains("Last contact");
            assertThat(Files.exists(file) ? Files.readAllLines(file) : List.of()).as("nothing crosses the blackout")
                    .isEmpty();
            List<String> arrived = RelayedSession.awaitLines(file, lines.size(), 40_000);
            assertThat(arrived).as("typed during the blackout, via %s", s.relay).containsExactlyElementsOf(lines);
            String after = s.tmux.await(sc -> sc.contains(lines.get(4)) && !sc.contains("Last contact"), 20_000);
            assertThat(after).doesNotContain("Last contact").doesNotContain("CLIENT_RC");
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("dev.jmosh.conformance.RelayedSession#pairings")
    @Timeout(120)
    void everyDatagramDuplicatedAndManyReordered(String clientName, String serverName) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        Path file = dir.resolve("typed.txt");
        List<String> lines = RelayedSession.lines("dup-%02d-%s", 0, 30);
        try (RelayedSession s = RelayedSession.start(clientName, serverName, 80, 24, 13, "echo READY; cat > " + file)) {
            s.tmux.await(sc -> sc.contains("READY"), 20_000);
            s.relay.impair(new Impairment(0, 10, 30, 0.3, 1.0));
            s.type(lines);
            assertThat(RelayedSession.awaitLines(file, lines.size(), 30_000)).containsExactlyElementsOf(lines);
            assertThat(s.tmux.await(sc -> sc.contains(lines.get(lines.size() - 1)), 20_000))
                    .contains(lines.get(lines.size() - 1));
            assertThat(s.relay.upstream().sent()).as("duplicates were sent").isGreaterThan(s.relay.upstream().received());
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("dev.jmosh.conformance.RelayedSession#pairings")
    @Timeout(150)
    void fragmentedFullScreensConvergeUnderLoss(String clientName, String serverName) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        Random rnd = new Random(14);
        List<String> screen = new ArrayList<>();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int y = 0; y < 59; y++) {
            StringBuilder b = new StringBuilder();
            for (int x = 0; x < 200; x++) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            screen.add(b.toString());
        }
        Path text = dir.resolve("screen.txt");
        Files.writeString(text, String.join("\n", screen) + "\n", StandardCharsets.US_ASCII);
        String token = Conformance.token();
        String script = "echo READY; read go; clear; cat " + text + "; printf 'END-%s' \"$go\"; cat > /dev/null";
        try (RelayedSession s = RelayedSession.start(clientName, serverName, 200, 60, 15, script)) {
            s.tmux.await(sc -> sc.contains("READY"), 20_000);
            s.relay.impair(Impairment.lossy(0.29, 50));
            s.tmux.type(token);
            s.tmux.keys("Enter");
            String shown = s.tmux.await(sc -> sc.contains("END-" + token), 60_000);
            List<String> rows = List.of(shown.split("\n", -1));
            assertThat(rows.subList(0, 59)).as("all 59 random rows, via %s", s.relay).containsExactlyElementsOf(screen);
            assertThat(rows.get(59)).startsWith("END-" + token);
        }
    }
}
