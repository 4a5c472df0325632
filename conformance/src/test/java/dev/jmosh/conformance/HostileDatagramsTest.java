package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.client.ClientConfig;
import dev.jmosh.client.ClientSession;
import dev.jmosh.client.ExitStatus;
import dev.jmosh.client.SessionStats;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.DropReason;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.Packet;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * While the headless client talks to the real mosh-server, another local socket throws bad
 * datagrams at the client: garbage (bad tag), too short for nonce and tag, the wrong direction
 * bit, and authentic fragments of zlib garbage. Each is dropped and counted, and the session
 * goes on to type, echo and quit cleanly.
 */
class HostileDatagramsTest {

    @Test
    @Timeout(60)
    void badDatagramsAreCountedAndTheSessionGoesOn() throws Exception {
        Conformance.require("mosh-server");
        try (MoshServer server = MoshServer.start("/bin/bash", "--norc", "--noprofile");
             DatagramSocket attacker = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            HeadlessClientVsMoshServerTest.Recorder screen = new HeadlessClientVsMoshServerTest.Recorder();
            SessionKey key = SessionKey.parse(server.key);
            ClientConfig config = ClientConfig.of(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port), key, 80, 24);
            ClientSession session = new ClientSession(config, screen);
            session.start();
            assertThat(screen.await(Conformance::hasPrompt, 10_000)).matches(Conformance::hasPrompt);

            InetSocketAddress client = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    session.localAddress().getPort());
            PacketCipher cipher = Providers.cipher(key, null);
            Random random = new Random(7);
            for (int i = 0; i < 50; i++) {
                byte[] garbage = new byte[30 + random.nextInt(1200)];
                random.nextBytes(garbage);
                send(attacker, client, garbage);
            }
            send(attacker, client, new byte[12]);
            send(attacker, client, new Packet(Nonce.of(Direction.TO_SERVER, 5), 0, Packet.TIMESTAMP_NONE,
                    new byte[20]).seal(cipher));
            // authentic, old sequence number (so it cannot disturb timing), zlib garbage inside
            byte[] zlibGarbage = new Fragment(1L << 40, 0, true, new byte[] {0x78, (byte) 0x9C, 9, 9, 9}).toBytes();
            send(attacker, client, new Packet(Nonce.of(Direction.TO_CLIENT, 0), 0, Packet.TIMESTAMP_NONE,
                    zlibGarbage).seal(cipher));

            screen.assertEchoes(session, "still-alive-");

            byte[] quit = {0x1E, '.'};
            session.input(quit, 0, quit.length);
            assertThat(session.awaitExit(10_000)).isEqualTo(ExitStatus.CLEAN);
            SessionStats stats = session.stats();
            assertThat(stats.dropped(DropReason.INTEGRITY)).isEqualTo(50);
            assertThat(stats.dropped(DropReason.TRUNCATED)).isEqualTo(1);
            assertThat(stats.dropped(DropReason.WRONG_DIRECTION)).isEqualTo(1);
            assertThat(stats.dropped(DropReason.MALFORMED_INSTRUCTION)).isEqualTo(1);
            assertThat(server.awaitExit(5_000)).isTrue();
        }
    }

    private static void send(DatagramSocket from, InetSocketAddress to, byte[] data) throws Exception {
        from.send(new DatagramPacket(data, data.length, to));
    }
}
