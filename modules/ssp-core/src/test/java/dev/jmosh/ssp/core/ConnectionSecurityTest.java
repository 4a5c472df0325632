package dev.jmosh.ssp.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.DropReason;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.core.wire.TestCiphers;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.Packet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad datagrams are dropped and counted and never move the server's roaming target. */
class ConnectionSecurityTest {
    private static final InetSocketAddress ATTACKER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 45678);

    private SimPair connected() throws Exception {
        SimPair p = new SimPair(11);
        p.link.setDelay(5);
        p.client.currentState().append("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(p.runUntil(() -> p.client.sender().sentStateAcked() >= 1, 5_000)).isTrue();
        return p;
    }

    @Test
    void garbageTruncatedAndForgedDatagramsAreCountedAndIgnored() throws Exception {
        SimPair p = connected();
        InetSocketAddress target = p.server.connection().remote();
        Random r = new Random(3);
        byte[] garbage = new byte[200];
        r.nextBytes(garbage);
        p.link.inject(ATTACKER, p.serverEnd.localAddress(), garbage);
        p.link.inject(ATTACKER, p.serverEnd.localAddress(), new byte[10]);
        p.link.inject(ATTACKER, p.serverEnd.localAddress(), new byte[3000]);
        p.runFor(100);
        TransportStats s = p.server.stats();
        assertThat(s.dropped(DropReason.INTEGRITY)).isEqualTo(1);
        assertThat(s.dropped(DropReason.TRUNCATED)).isEqualTo(1);
        assertThat(s.dropped(DropReason.OVERSIZE)).isEqualTo(1);
        assertThat(p.server.connection().remote()).isEqualTo(target);
        p.client.currentState().append(" world".getBytes(StandardCharsets.US_ASCII));
        assertThat(p.runUntil(() -> new String(p.serverView(), StandardCharsets.US_ASCII).equals("hello world"),
                5_000)).isTrue();
    }

    @Test
    void aReplayedOldDatagramFromANewAddressDoesNotRedirectTheServer() throws Exception {
        SimPair p = connected();
        p.client.currentState().append("x".getBytes(StandardCharsets.US_ASCII));
        p.runUntil(() -> p.serverView().length == 6, 5_000);
        InetSocketAddress target = p.server.connection().remote();
        List<byte[]> old = p.recorded();
        assertThat(old).isNotEmpty();
        for (byte[] d : old) {
            p.link.inject(ATTACKER, p.serverEnd.localAddress(), d);
        }
        p.runFor(50);
        assertThat(p.server.connection().remote()).isEqualTo(target);
        assertThat(new String(p.serverView(), StandardCharsets.US_ASCII)).isEqualTo("hellox");
    }

    @Test
    void authenticDatagramsWithATruncatedFragmentHeaderOrZlibGarbageAreCountedAndIgnored() throws Exception {
        SimPair p = connected();
        PacketCipher cipher = TestCiphers.ocb(42);
        // sequence numbers far ahead of the client's own, as a confused or compromised peer might send
        byte[] shortHeader = new Packet(Nonce.of(Direction.TO_SERVER, 1_000), 0, Timestamps.NONE,
                new byte[] {1, 2, 3}).seal(cipher);
        byte[] garbageZlib = new Packet(Nonce.of(Direction.TO_SERVER, 1_001), 0, Timestamps.NONE,
                new Fragment(99, 0, true, new byte[] {0x78, (byte) 0x9C, 1, 2, 3, 4, 5}).toBytes()).seal(cipher);
        p.link.inject(p.clientEnd.localAddress(), p.serverEnd.localAddress(), shortHeader);
        p.link.inject(p.clientEnd.localAddress(), p.serverEnd.localAddress(), garbageZlib);
        p.runFor(100);
        assertThat(p.server.stats().dropped(DropReason.MALFORMED_INSTRUCTION)).isEqualTo(2);
        p.client.currentState().append("!".getBytes(StandardCharsets.US_ASCII));
        assertThat(p.runUntil(() -> new String(p.serverView(), StandardCharsets.US_ASCII).equals("hello!"),
                5_000)).isTrue();
    }

    @Test
    void aFragmentWhoseInstructionNeverCompletesIsCountedWhenTheNextOneDisplacesIt() throws Exception {
        SimPair p = connected();
        PacketCipher cipher = TestCiphers.ocb(42);
        // authentic, an old sequence number, the first of two fragments of an instruction never finished
        byte[] half = new Packet(Nonce.of(Direction.TO_SERVER, 0), 0, Timestamps.NONE,
                new Fragment(1L << 40, 0, false, new byte[] {0x78, (byte) 0x9C}).toBytes()).seal(cipher);
        p.link.inject(ATTACKER, p.serverEnd.localAddress(), half);
        p.runFor(20);
        TransportStats s = p.server.stats();
        assertThat(s.dropped(DropReason.ABANDONED_FRAGMENT)).as("still held: it might yet complete").isZero();
        p.client.currentState().append("!".getBytes(StandardCharsets.US_ASCII));
        assertThat(p.runUntil(() -> new String(p.serverView(), StandardCharsets.US_ASCII).equals("hello!"),
                5_000)).isTrue();
        assertThat(s.dropped(DropReason.ABANDONED_FRAGMENT)).isEqualTo(1);
        long dropped = s.drops().values().stream().mapToLong(Long::longValue).sum();
        assertThat(dropped + s.statesReceived()).as("every datagram accounted for once: %s", s)
                .isEqualTo(s.datagramsReceived());
    }

    @Test
    void aReflectedServerDatagramIsRejectedForItsDirection() throws Exception {
        SimPair p = connected();
        byte[] fromServer = p.lastServerDatagram();
        p.link.inject(ATTACKER, p.serverEnd.localAddress(), fromServer);
        p.runFor(50);
        assertThat(p.server.stats().dropped(DropReason.WRONG_DIRECTION)).isEqualTo(1);
        assertThat(p.server.connection().remote().getPort()).isEqualTo(SimPair.CLIENT_PORT);
    }

    @Test
    void aNewerAuthenticDatagramFromANewAddressMovesTheServer() throws Exception {
        SimPair p = connected();
        p.clientEnd.hop();
        p.client.currentState().append("!".getBytes(StandardCharsets.US_ASCII));
        p.runUntil(() -> p.server.latestRemoteState().state().bytes().length == 6, 5_000);
        assertThat(p.server.connection().remote().getPort()).isEqualTo(p.clientEnd.localAddress().getPort());
    }
}
