package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A second datagram cipher (issue 16): ChaCha20-Poly1305 between two jmosh ends, chosen by name
 * with {@code jmosh-server new --cipher NAME} and {@code jmosh --cipher=NAME}. The printed key
 * names its cipher, so a client told another cipher, and mosh-client given such a key, refuse
 * in one line before they send anything.
 */
class CipherChoiceTest {
    private static final String CHACHA = "chacha20-poly1305";

    private static MoshServer chachaServer() throws Exception {
        return MoshServer.startVia(List.of(), "127.0.0.1", MoshServer.jmoshServer(), List.of("--cipher", CHACHA),
                Map.of(), "/bin/bash", "--norc", "--noprofile");
    }

    @Test
    @Timeout(90)
    void jmoshClientAndJmoshServerSpeakChacha() throws Exception {
        Conformance.require("tmux");
        String client = JmoshClientInTmuxTest.launcher().toString();
        try (MoshServer server = chachaServer();
             Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 MOSH_KEY=" + server.key + " JMOSH_CIPHER=" + CHACHA
                     + " " + client + " 127.0.0.1 " + server.port + "; echo CLIENT_RC=$?; sleep 60")) {
            assertThat(server.key).startsWith(CHACHA + ":").hasSize(CHACHA.length() + 1 + 43);
            assertThat(tmux.await(Conformance::hasPrompt, 30_000)).matches(Conformance::hasPrompt);
            tmux.assertEchoes("chacha-");
        }
    }

    /** Runs {@code client} in tmux against a UDP socket of ours; returns its screen once it exited, and asserts nothing came. */
    private static String refusedWithoutSending(String env, String client) throws Exception {
        try (DatagramChannel peer = DatagramChannel.open()) {
            peer.bind(new InetSocketAddress("127.0.0.1", 0));
            peer.configureBlocking(false);
            int port = ((InetSocketAddress) peer.getLocalAddress()).getPort();
            String screen;
            try (Tmux tmux = new Tmux(120, 10, "env LANG=C.UTF-8 " + env + " " + client + " 127.0.0.1 " + port
                    + "; echo RC=$?; sleep 30")) {
                screen = tmux.await(s -> s.contains("RC="), 20_000);
            }
            // the client has exited: anything it sent over loopback is already queued here
            assertThat(peer.receive(ByteBuffer.allocate(2048))).as("a datagram from %s", client).isNull();
            return screen;
        }
    }

    @Test
    @Timeout(90)
    void aClientToldChachaRefusesAMoshKeyAndMoshClientRefusesAChachaKeyBeforeSendingAnything() throws Exception {
        Conformance.require("tmux", "mosh-client");
        String jmoshClient = JmoshClientInTmuxTest.launcher().toString();
        String refusal = refusedWithoutSending("MOSH_KEY=jeYHHLGDF4noDdb3vKJtZQ JMOSH_CIPHER=" + CHACHA, jmoshClient);
        assertThat(refusal).contains("jmosh-client: the session key is for aes-128-ocb, not chacha20-poly1305")
                .contains("RC=1");

        String chachaKey = CHACHA + ":" + "A".repeat(42) + "c";
        assertThat(refusedWithoutSending("MOSH_KEY=" + chachaKey, "mosh-client"))
                .contains("Key must be 22 letters long.");
        // jmosh-client takes the key's own cipher when none is asked for (and would then send)
    }

    @Test
    @Timeout(60)
    void aCipherNobodyProvidesStopsTheServerBeforeItsKeyAndTheWrapperBeforeSsh() throws Exception {
        Process p = new ProcessBuilder(MoshServer.jmoshServer(), "new", "-p", "0", "-i", "127.0.0.1", "--cipher", "rot13",
                "--", "/bin/true").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).doesNotContain("MOSH CONNECT");
        assertThat(err).contains("no CipherProvider named 'rot13'; candidates: aes-128-ocb, chacha20-poly1305");

        Process w = new ProcessBuilder(Conformance.root().resolve("bin/jmosh").toString(), "--cipher=rot13",
                "--ssh=false", "nobody@127.0.0.1").start();
        assertThat(w.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String werr = new String(w.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(werr).contains("no CipherProvider named 'rot13'; candidates: aes-128-ocb, chacha20-poly1305");
        assertThat(w.exitValue()).isEqualTo(255);
    }

    @Test
    @Timeout(90)
    void theWrapperCarriesTheCipherToItsServerAndClient() throws Exception {
        Conformance.require("tmux");
        String jmosh = Conformance.root().resolve("bin/jmosh").toString();
        try (Tmux tmux = new Tmux(80, 24, "env LANG=C.UTF-8 " + jmosh + " --local --cipher=" + CHACHA
                + " -- /bin/bash --norc --noprofile; echo JMOSH_RC=$?; sleep 60")) {
            assertThat(tmux.await(Conformance::hasPrompt, 30_000)).matches(Conformance::hasPrompt);
            // the client runs only if the key the server printed is for the cipher it was told (JMOSH_CIPHER)
            tmux.type("ps -o args= -p $PPID | grep -o 'cipher [a-z0-9-]*' | tr a-z A-Z");
            tmux.keys("Enter");
            assertThat(tmux.await(s -> s.contains("CIPHER CHACHA20-POLY1305"), 10_000)).contains("CIPHER CHACHA20-POLY1305");
            tmux.assertEchoes("wrapped-");
            tmux.keys("C-^");
            tmux.type(".");
            assertThat(tmux.await(s -> s.contains("JMOSH_RC="), 15_000)).contains("JMOSH_RC=0");
        }
    }
}
