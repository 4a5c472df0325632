package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How jmosh-server ends, as mosh-server does: on SIGTERM, on SIGUSR1 (subject to
 * MOSH_SERVER_SIGNAL_TMOUT), on network idleness (MOSH_SERVER_NETWORK_TMOUT), 60 s after start
 * when no client came, and with a clean shutdown of an attached client on SIGTERM.
 */
class ServerLifecycleTest {
    private static final String CAT = "/bin/cat";

    @Test
    @Timeout(60)
    void sigtermEndsAnUnattachedServerAtOnce() throws Exception {
        try (MoshServer server = MoshServer.startJmosh(CAT)) {
            server.signal("TERM");
            assertThat(server.awaitExit(3_000)).isTrue();
        }
    }

    @Test
    @Timeout(60)
    void sigusr1EndsItUnlessTheClientWasHeardWithinTheSignalTimeout() throws Exception {
        try (MoshServer plain = MoshServer.startJmosh(CAT);
             MoshServer patient = MoshServer.startWith(MoshServer.jmoshServer(),
                     Map.of("MOSH_SERVER_SIGNAL_TMOUT", "600"), CAT)) {
            plain.signal("USR1");
            patient.signal("USR1");
            assertThat(plain.awaitExit(3_000)).as("no MOSH_SERVER_SIGNAL_TMOUT: SIGUSR1 ends it").isTrue();
            Thread.sleep(1_500);
            assertThat(patient.alive()).as("silent for less than 600 s: SIGUSR1 is ignored").isTrue();
        }
    }

    @Test
    @Timeout(60)
    void aNetworkTimeoutEndsAnIdleServer() throws Exception {
        long start = System.nanoTime();
        try (MoshServer server = MoshServer.startWith(MoshServer.jmoshServer(),
                Map.of("MOSH_SERVER_NETWORK_TMOUT", "2"), CAT)) {
            assertThat(server.awaitExit(15_000)).isTrue();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).as("ended after %d ms", ms).isGreaterThanOrEqualTo(1_900);
        }
    }

    @Test
    @Timeout(120)
    void withoutAClientItEndsAfterSixtySeconds() throws Exception {
        try (MoshServer server = MoshServer.startJmosh(CAT)) {
            Thread.sleep(50_000);
            assertThat(server.alive()).as("still waiting for a client at 50 s").isTrue();
            assertThat(server.awaitExit(20_000)).as("gone by 70 s").isTrue();
        }
    }

    @Test
    @Timeout(90)
    void sigtermShutsAnAttachedClientDownCleanly() throws Exception {
        Conformance.require("mosh-client", "tmux");
        try (MoshServer server = MoshServer.startJmosh("/bin/bash", "--norc", "--noprofile");
             Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 MOSH_KEY=" + server.key + " mosh-client 127.0.0.1 "
                     + server.port + "; echo CLIENT_RC=$?; sleep 60")) {
            tmux.await(Conformance::hasPrompt, 20_000);
            server.signal("TERM");
            String end = tmux.await(s -> s.contains("CLIENT_RC="), 15_000);
            assertThat(end).contains("[mosh is exiting.]").contains("CLIENT_RC=0");
            assertThat(server.awaitExit(5_000)).isTrue();
        }
    }
}
