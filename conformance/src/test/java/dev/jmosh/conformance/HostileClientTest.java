package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.client.ClientSession;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.Fragmenter;
import dev.jmosh.ssp.core.wire.Instruction;
import dev.jmosh.ssp.core.wire.UserMessage;
import dev.jmosh.ssp.spi.TransportProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's attack, by a forged client that holds one session's key, on a per-user server that
 * hosts a second session: it never lets a state be thrown away, sends a 3.9 MB keystroke state
 * and six 1-byte states on it (the sequence that once ran a server out of memory under
 * -Xmx128m), then states of 3.9 MB each from state 0 until the session would hold more than its
 * bound. That session alone ends, saying why in the log; the other one goes on echoing.
 */
class HostileClientTest {
    private static final int BIG = 3_900_000;

    @TempDir
    Path tmp;

    /** A client of session {@code port} that sends whatever instructions the test makes. */
    private static final class Forged implements AutoCloseable {
        private final DatagramTransport udp;
        private final Connection connection;
        private final Fragmenter fragmenter = new Fragmenter();

        Forged(MoshServer server) throws Exception {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port);
            udp = Providers.select(TransportProvider.class, "udp").connect(to);
            connection = Connection.client(udp, Providers.cipher(SessionKey.parse(server.key), null), to, Clock.system());
        }

        /** State {@code newNum} as {@code keys} typed after state {@code oldNum}; throwaway stays 0. */
        void send(long oldNum, long newNum, byte[] keys) throws Exception {
            byte[] diff = new UserMessage(List.of(new UserMessage.Keystroke(keys))).encode();
            for (Fragment f : fragmenter.fragment(new Instruction(2, oldNum, newNum, 0, 0, diff, new byte[0]), 1200)) {
                connection.send(f.toBytes());
            }
        }

        @Override
        public void close() {
            udp.close();
        }
    }

    @Test
    @Timeout(120)
    void aClientOverItsBoundEndsItsOwnSessionAloneWhileAnotherInTheSameProcessGoesOn() throws Exception {
        Map<String, String> env = Map.of("JMOSH_TMPDIR", tmp.toString(), "JMOSH_SERVER_MODE", "user");
        try (MoshServer target = MoshServer.startWith(MoshServer.jmoshServer(), env, "cat");
             MoshServer bystander = MoshServer.startWith(MoshServer.jmoshServer(), env,
                     "/bin/bash", "--norc", "--noprofile");
             Forged forged = new Forged(target)) {
            assertThat(bystander.pid).isEqualTo(target.pid);
            HeadlessClientVsMoshServerTest.Recorder screen = new HeadlessClientVsMoshServerTest.Recorder();
            try (ClientSession client = PerUserServerTest.connect(bystander, screen)) {
                byte[] big = new byte[BIG];
                Arrays.fill(big, (byte) 'x');
                forged.send(0, 1, big);
                for (int n = 2; n <= 7; n++) {
                    forged.send(n - 1, n, new byte[] {'y'});
                }
                screen.assertEchoes(client, "after-the-attack-");
                assertThat(target.alive()).as("3.9 MB and six more bytes are within the bound").isTrue();

                Path log = MoshServer.rendezvous(env).resolve("log");
                String ended = "session " + target.port + ": Session ended: the peer's states would hold";
                long end = System.nanoTime() + 30_000_000_000L;
                for (int n = 8; n < 40 && target.alive() && System.nanoTime() < end; n++) {
                    forged.send(0, n, big); // none of these shares anything with another
                    Thread.sleep(100); // a client's pace; the server answers the first past the bound
                }
                assertThat(target.awaitExit(10_000)).as("the session over its bound has ended").isTrue();
                assertThat(Files.readString(log)).contains(ended);
                assertThat(ProcessHandle.of(bystander.pid).map(ProcessHandle::isAlive)).contains(true);
                assertThat(bystander.alive()).isTrue();
                screen.assertEchoes(client, "still-here-");
            }
        }
    }
}
