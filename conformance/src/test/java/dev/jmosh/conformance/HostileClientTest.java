package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.client.ClientSession;
import dev.jmosh.ssp.Clock;
import dev.jmosh.ssp.DatagramTransport;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.Connection;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.FragmentAssembly;
import dev.jmosh.ssp.core.wire.Fragmenter;
import dev.jmosh.ssp.core.wire.Instruction;
import dev.jmosh.ssp.core.wire.UserMessage;
import dev.jmosh.ssp.spi.TransportProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's attack, by a forged client that holds one session's key, on a per-user server that
 * hosts a second session: it never lets a state be thrown away, sends a 3.9 MB keystroke state
 * and six 1-byte states on it (the sequence that once ran a server out of memory under
 * -Xmx128m), then states of 3.9 MB each from state 0 until the session would hold more than its
 * bound. That session alone ends, saying why in the log; the other one goes on echoing. The
 * issue's other attacks on a shared process get the same check: a flood of forged datagrams, a
 * child that floods output to a client that never acknowledges, and fragments of an instruction
 * that never ends.
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
        try (MoshServer target = session("cat");
             MoshServer bystander = bystander();
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

                Path log = MoshServer.rendezvous(env()).resolve("log");
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

    /** The environment of every session here: one per-user server, private to the test. */
    private Map<String, String> env() {
        return Map.of("JMOSH_TMPDIR", tmp.toString(), "JMOSH_SERVER_MODE", "user");
    }

    /** A session of {@code command} in the test's per-user server. */
    private MoshServer session(String... command) throws Exception {
        return MoshServer.startWith(MoshServer.jmoshServer(), env(), command);
    }

    /** The bystander: a shell in the same server, which must keep echoing whatever the attack. */
    private MoshServer bystander() throws Exception {
        return session("/bin/bash", "--norc", "--noprofile");
    }

    @Test
    @Timeout(120)
    void aFloodOfForgedDatagramsAtOneSessionLeavesTheOtherEchoing() throws Exception {
        try (MoshServer target = session("cat");
             MoshServer bystander = bystander();
             DatagramChannel garbage = DatagramChannel.open()) {
            assertThat(bystander.pid).isEqualTo(target.pid);
            HeadlessClientVsMoshServerTest.Recorder screen = new HeadlessClientVsMoshServerTest.Recorder();
            try (ClientSession client = PerUserServerTest.connect(bystander, screen)) {
                screen.assertEchoes(client, "before-");
                InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), target.port);
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong sent = new AtomicLong();
                Thread flood = Thread.ofPlatform().start(() -> {
                    Random r = new Random(17);
                    byte[] d = new byte[76];
                    long end = System.nanoTime() + 20_000_000_000L;
                    try {
                        for (int i = 0; i < 2_000_000 && !stop.get() && System.nanoTime() < end; i++) {
                            r.nextBytes(d);
                            d[0] &= 0x7f; // the to-server direction bit: both servers try to authenticate it
                            garbage.send(ByteBuffer.wrap(d), to);
                            sent.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // the loopback refused: the checks below still run
                    }
                });
                try {
                    for (int i = 0; i < 3; i++) {
                        screen.assertEchoes(client, "during-flood-" + i + "-");
                    }
                } finally {
                    stop.set(true);
                    flood.join(30_000);
                }
                assertThat(sent.get()).as("forged datagrams sent during the echoes").isGreaterThan(1000);
                assertThat(target.alive()).as("forged datagrams do not end a session").isTrue();
                screen.assertEchoes(client, "after-flood-");
            }
        }
    }

    @Test
    @Timeout(120)
    void childrenFloodingOutputToClientsThatNeverAcknowledgeLeaveTheOtherEchoing() throws Exception {
        // as many floods as this machine has cores: each could keep a carrier thread to itself
        try (MoshServer target = session("yes");
             MoshServer target2 = session("yes");
             MoshServer bystander = bystander();
             Forged forged = new Forged(target);
             Forged forged2 = new Forged(target2)) {
            assertThat(bystander.pid).isEqualTo(target.pid).isEqualTo(target2.pid);
            HeadlessClientVsMoshServerTest.Recorder screen = new HeadlessClientVsMoshServerTest.Recorder();
            try (ClientSession client = PerUserServerTest.connect(bystander, screen)) {
                forged.send(0, 1, new byte[] {'x'}); // starts yes, whose screen is then never acknowledged
                forged2.send(0, 1, new byte[] {'x'});
                for (int i = 0; i < 5; i++) {
                    screen.assertEchoes(client, "beside-yes-" + i + "-");
                }
                assertThat(target.alive()).isTrue();
                assertThat(target2.alive()).isTrue();
                long rssKb = Files.readAllLines(Path.of("/proc/" + target.pid + "/status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("[^0-9]", ""))
                        .mapToLong(Long::parseLong).findFirst().orElseThrow();
                assertThat(rssKb).as("the server's RSS (kB) with a flooding session").isLessThan(400_000);
            }
        }
    }

    @Test
    @Timeout(120)
    void fragmentsOfAnInstructionThatNeverEndsLeaveTheOtherEchoing() throws Exception {
        try (MoshServer target = session("cat");
             MoshServer bystander = bystander();
             Forged forged = new Forged(target)) {
            assertThat(bystander.pid).isEqualTo(target.pid);
            HeadlessClientVsMoshServerTest.Recorder screen = new HeadlessClientVsMoshServerTest.Recorder();
            try (ClientSession client = PerUserServerTest.connect(bystander, screen)) {
                byte[] chunk = new byte[1200];
                new Random(5).nextBytes(chunk);
                int fragments = (FragmentAssembly.MAX_COMPRESSED_BYTES / chunk.length) * 3;
                for (int n = 0; n < fragments && n <= Fragment.MAX_NUMBER; n++) {
                    forged.connection.send(new Fragment(42, n, false, chunk).toBytes());
                    if (n % 500 == 0) {
                        screen.assertEchoes(client, "fragments-" + n + "-");
                    }
                }
                screen.assertEchoes(client, "after-fragments-");
                assertThat(target.alive()).as("mosh drops such an instruction, not the session").isTrue();
            }
        }
    }
}
