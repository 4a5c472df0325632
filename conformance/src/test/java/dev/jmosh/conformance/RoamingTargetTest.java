package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.jmosh.client.ClientConfig;
import dev.jmosh.client.ClientSession;
import dev.jmosh.conformance.HeadlessClientVsMoshServerTest.Recorder;
import dev.jmosh.conformance.relay.ImpairmentRelay;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.core.wire.Compressor;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.Instruction;
import dev.jmosh.ssp.core.wire.Packet;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5, "security and bad input", against the real server binaries: jmosh-server and
 * mosh-server 1.4.0, each run with {@code -v} and a headless jmosh client attached through the
 * impairment relay, which records the client's genuine datagrams.
 *
 * <p>From an attacker socket on another loopback port the test sends the server's real port
 * (a) replays of genuine client datagrams, old ones and the newest, after the client has sent
 * newer ones; (b) random garbage; (c) datagrams shorter than nonce and tag; (d) datagrams sealed
 * with another key; (e) datagrams sealed with the session key but the server's own direction
 * bit; (f) authentic datagrams larger than the 2048-byte receive MTU. Apart from the replays,
 * each is sealed with a sequence number above the client's, so a server that skipped one check
 * would move its target to the attacker. Then, with typing echoing in the client and a wait
 * past the 3 s heartbeat, the attacker must receive nothing: the server still sends (the relay
 * sees it) but only to the client. Each bad datagram is reported once in the server's log,
 * "Server now attached" appears once, and the server lives on.
 *
 * <p>The control shows that the observation can fail: the newest genuine payload re-sealed with
 * a sequence number a million above the client's moves the server to the attacker, which then
 * receives the server's datagrams. Re-sending an identical fragment is harmless to mosh-server
 * (mosh-protocol.md §11 forbids only different fragments under one id and number); nothing else
 * §11 lists is ever sent: every authentic payload here is a genuine instruction, its numbers those
 * of a state the server already holds.
 */
class RoamingTargetTest {
    /** Longer than the 3 s heartbeat, so the window holds the server's next sends whatever they are. */
    private static final long QUIET_WINDOW_MS = 4_500;
    private static final long CONTROL_SEQ_LEAP = 1_000_000;
    private static final int GARBAGE = 20;
    private static final int[] TRUNCATED_LENGTHS = {0, 1, 8, 12, 23};
    private static final int OTHER_KEY = 4;
    private static final int WRONG_DIRECTION = 3;
    private static final int OVERSIZE = 3;
    private static final int OVERSIZE_BYTES = 4000;

    private static final String INTEGRITY = "Crypto exception: Packet failed integrity check.";
    private static final String SHORT = "Crypto exception: Ciphertext must contain nonce and tag.";
    private static final String REFLECTED = "Crypto exception: Illegal counterparty input (possible denial of service)";
    private static final String TOO_BIG = "Received oversize datagram";
    private static final String ATTACHED = "Server now attached to client at ";

    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jmosh-server", "mosh-server"})
    @Timeout(150)
    void badDatagramsFromAnotherAddressNeverMoveTheServerButANewerAuthenticOneDoes(String serverName)
            throws Exception {
        Conformance.require("mosh-server");
        Path log = dir.resolve("server.log");
        MoshServer server = MoshServer.startVerbose(RelayedSession.server(serverName), dir.resolve("server.out"), log,
                "/bin/bash", "--norc", "--noprofile");
        try (ImpairmentRelay relay = ImpairmentRelay.start(new InetSocketAddress(LO, server.port), 5);
             DatagramSocket attacker = new DatagramSocket(new InetSocketAddress(LO, 0))) {
            relay.recordUpstream(100_000);
            SessionKey key = SessionKey.parse(server.key);
            PacketCipher cipher = Providers.cipher(key, null);
            Recorder screen = new Recorder();
            try (ClientSession session = new ClientSession(
                    ClientConfig.of(new InetSocketAddress(LO, relay.clientPort()), key, 80, 24), screen)) {
                session.start();
                assertThat(screen.await(Conformance::hasPrompt, 20_000)).as("a shell prompt")
                        .matches(Conformance::hasPrompt);
                screen.assertEchoes(session, "before-");
                List<byte[]> early = relay.recordedUpstream();
                screen.assertEchoes(session, "since-");
                List<byte[]> genuine = relay.recordedUpstream();
                byte[] oldest = early.get(0);
                byte[] older = early.get(early.size() / 2);
                byte[] newest = genuine.get(genuine.size() - 1);
                long newestSeq = seq(newest);
                assertThat(seq(oldest)).as("the client has since sent newer datagrams")
                        .isLessThan(seq(older)).isLessThan(newestSeq);

                InetSocketAddress target = new InetSocketAddress(LO, server.port);
                List<byte[]> bad = badDatagrams(cipher, List.of(oldest, older, newest), newest, newestSeq);
                for (byte[] d : bad) {
                    attacker.send(new DatagramPacket(d, d.length, target));
                    Thread.sleep(3); // paced: the kernel's socket buffer must not drop any
                }
                long attackEnd = System.nanoTime();
                long downstreamBefore = relay.downstream().received();

                screen.assertEchoes(session, "after-");
                long left = QUIET_WINDOW_MS - (System.nanoTime() - attackEnd) / 1_000_000;
                if (left > 0) {
                    Thread.sleep(left); // a window for sends that must NOT happen
                }
                assertThat(relay.downstream().received()).as("the server sent during the window, via %s", relay)
                        .isGreaterThan(downstreamBefore);
                assertNothingReceived(attacker, cipher);
                assertThat(server.alive()).as(serverName + " survived").isTrue();

                List<String> lines = awaitLog(log, l -> count(l, TOO_BIG) >= OVERSIZE
                        && count(l, INTEGRITY) >= GARBAGE + OTHER_KEY && count(l, SHORT) >= TRUNCATED_LENGTHS.length
                        && count(l, REFLECTED) >= WRONG_DIRECTION);
                assertThat(count(lines, INTEGRITY)).as("garbage and other-key datagrams reported")
                        .isEqualTo(GARBAGE + OTHER_KEY);
                assertThat(count(lines, SHORT)).as("truncated datagrams reported").isEqualTo(TRUNCATED_LENGTHS.length);
                assertThat(count(lines, REFLECTED)).as("wrong-direction datagrams reported").isEqualTo(WRONG_DIRECTION);
                assertThat(count(lines, TOO_BIG)).as("oversize datagrams reported").isEqualTo(OVERSIZE);
                assertThat(count(lines, ATTACHED)).as("attached once, to the relay: " + attached(lines)).isEqualTo(1);
                assertThat(attached(lines).get(0)).endsWith(":" + relay.serverFacingPort());
                screen.assertEchoes(session, "still-");

                // the control: a genuine payload with a newer sequence number does move the server
                List<byte[]> now = relay.recordedUpstream();
                byte[] latest = now.get(now.size() - 1);
                Packet p = Packet.open(latest, 0, latest.length, cipher);
                byte[] forged = new Packet(Nonce.of(Direction.TO_SERVER, p.nonce().seq() + CONTROL_SEQ_LEAP),
                        Packet.TIMESTAMP_NONE, Packet.TIMESTAMP_NONE, p.payload()).seal(cipher);
                attacker.send(new DatagramPacket(forged, forged.length, target));
                Packet heard = awaitServerDatagram(attacker, cipher, server.port, 10_000);
                assertThat(heard).as("the server moved to the attacker and sent it a datagram").isNotNull();
                assertThat(heard.nonce().direction()).isEqualTo(Direction.TO_CLIENT);
                List<String> after = awaitLog(log, l -> count(l, ATTACHED) >= 2);
                assertThat(attached(after)).as("attached twice: the relay, then the attacker").hasSize(2);
                assertThat(attached(after).get(1)).endsWith(":" + attacker.getLocalPort());
            }
        } finally {
            stop(server);
        }
    }

    /**
     * Replays of {@code replays}; garbage; truncated; other key; wrong direction; oversize, in that
     * order. The authentic ones carry a copy of the newest genuine instruction (a state the
     * server holds) under a fresh fragment id, sealed with sequence numbers above the client's.
     */
    private static List<byte[]> badDatagrams(PacketCipher cipher, List<byte[]> replays, byte[] newest, long newestSeq)
            throws Exception {
        Random random = new Random(20_240_505);
        Instruction genuine = instructionOf(Packet.open(newest, 0, newest.length, cipher).payload());
        byte[] payload = fragment(1L << 52, copy(genuine, new byte[0]));
        List<byte[]> bad = new ArrayList<>(replays);
        for (int i = 0; i < GARBAGE; i++) {
            byte[] junk = new byte[Packet.MIN_SEALED_BYTES + random.nextInt(1200)];
            random.nextBytes(junk);
            bad.add(junk);
        }
        for (int n : TRUNCATED_LENGTHS) {
            byte[] shortOne = new byte[n];
            random.nextBytes(shortOne);
            bad.add(shortOne);
        }
        byte[] otherKey = new byte[SessionKey.BYTES];
        random.nextBytes(otherKey);
        PacketCipher wrongKey = Providers.cipher(SessionKey.ofBytes(otherKey), null);
        for (int i = 0; i < OTHER_KEY; i++) {
            bad.add(new Packet(Nonce.of(Direction.TO_SERVER, newestSeq + 1_000 + i), 0, Packet.TIMESTAMP_NONE, payload)
                    .seal(wrongKey));
        }
        for (int i = 0; i < WRONG_DIRECTION; i++) { // far above any sequence number the server itself uses
            bad.add(new Packet(Nonce.of(Direction.TO_CLIENT, (1L << 40) + i), 0, Packet.TIMESTAMP_NONE, payload)
                    .seal(cipher));
        }
        for (int i = 0; i < OVERSIZE; i++) {
            byte[] chaff = new byte[OVERSIZE_BYTES - 100];
            random.nextBytes(chaff); // incompressible, so the datagram stays large
            byte[] big = new Packet(Nonce.of(Direction.TO_SERVER, newestSeq + 2_000 + i), 0, Packet.TIMESTAMP_NONE,
                    fragment((1L << 52) + 1 + i, copy(genuine, chaff))).seal(cipher);
            assertThat(big.length).isGreaterThan(2048);
            bad.add(big);
        }
        return bad;
    }

    private static Instruction instructionOf(byte[] fragmentBytes) throws Exception {
        Fragment f = Fragment.parse(fragmentBytes, 0, fragmentBytes.length);
        assertThat(f.last() && f.number() == 0).as("a client instruction in one fragment: " + f).isTrue();
        return Instruction.decode(Compressor.decompress(f.contents(), 0, f.contents().length));
    }

    private static Instruction copy(Instruction i, byte[] chaff) {
        return new Instruction(i.protocolVersion(), i.oldNum(), i.newNum(), i.ackNum(), i.throwawayNum(), i.diff(),
                chaff);
    }

    private static byte[] fragment(long id, Instruction i) {
        return new Fragment(id, 0, true, Compressor.compress(i.encode())).toBytes();
    }

    private static long seq(byte[] datagram) {
        return Nonce.fromWire(datagram, 0).seq();
    }

    /** Fails if anything is waiting at the attacker's socket (it queues whatever came during the window). */
    private static void assertNothingReceived(DatagramSocket attacker, PacketCipher cipher) throws IOException {
        attacker.setSoTimeout(300);
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            attacker.receive(p);
        } catch (SocketTimeoutException expected) {
            return;
        }
        String what;
        try {
            what = Packet.open(buf, 0, p.getLength(), cipher).toString();
        } catch (Exception e) {
            what = p.getLength() + " bytes that do not open: " + e.getMessage();
        }
        fail("the attacker received a datagram from " + p.getSocketAddress() + ": " + what);
    }

    /** The first datagram from the server's port that opens with the session key, or null after {@code millis}. */
    private static Packet awaitServerDatagram(DatagramSocket attacker, PacketCipher cipher, int serverPort,
            long millis) throws IOException {
        long end = System.nanoTime() + millis * 1_000_000L;
        byte[] buf = new byte[4096];
        while (System.nanoTime() < end) {
            attacker.setSoTimeout((int) Math.max(1, (end - System.nanoTime()) / 1_000_000L));
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                attacker.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (p.getPort() != serverPort) {
                continue;
            }
            try {
                return Packet.open(Arrays.copyOf(buf, p.getLength()), 0, p.getLength(), cipher);
            } catch (Exception e) {
                // not the server's: keep waiting
            }
        }
        return null;
    }

    /** Polls the server's log until {@code done} holds or 15 s pass; returns its lines. */
    private static List<String> awaitLog(Path log, Predicate<List<String>> done) throws Exception {
        long end = System.nanoTime() + 15_000_000_000L;
        List<String> lines = read(log);
        while (!done.test(lines) && System.nanoTime() < end) {
            Thread.sleep(100);
            lines = read(log);
        }
        return lines;
    }

    private static List<String> read(Path log) throws IOException {
        // a verbose mosh-server also logs binary-free but long per-packet lines; decode leniently
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }

    private static List<String> attached(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith(ATTACHED)).toList();
    }

    /** SIGTERM by PID; a server whose shutdown nobody acknowledges gives up within about 10 s, else SIGKILL. */
    private static void stop(MoshServer server) throws InterruptedException {
        server.close();
        if (!server.awaitExit(20_000)) {
            ProcessHandle.of(server.pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
