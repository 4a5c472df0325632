package dev.jmosh.statesync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.ReceivedDatagram;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.DropReason;
import dev.jmosh.ssp.spi.CipherProvider;
import dev.jmosh.ssp.core.Transport;
import dev.jmosh.ssp.core.TransportStats;
import dev.jmosh.statesync.BadDatagrams.Bad;
import dev.jmosh.statesync.BadDatagrams.Kind;
import dev.jmosh.statesync.FuzzedSession.Counts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, "security and bad input", over the whole receive path with the real state types:
 * datagram layer, fragment assembly, zlib, instruction, state numbers and the diff applied to a
 * {@link UserStream} (at the server) or a {@link CompleteTerminal} (at the client). Seeded
 * sessions type, echo and resize over a lossy, reordering link while bad datagrams (see
 * {@link BadDatagrams}: forged, truncated, oversize, reflected, and authentic ones with broken
 * or hostile payloads, replays and re-sealings) are handed to either side between genuine ones.
 *
 * <p>Properties, checked for every datagram:
 * <ul>
 *   <li>nothing is thrown but what the session loops catch: a non-fatal {@code CryptoException}
 *       or a {@code WireFormatException};</li>
 *   <li>the server's roaming target and each side's "last heard" move only on an authentic
 *       datagram of the right direction and size with the newest sequence number (a model kept
 *       by the test), and the client's target never moves;</li>
 *   <li>each bad datagram is counted exactly once: under the drop reason its construction
 *       predicts; or, for a fragment that cannot complete its instruction, not yet (it is counted
 *       as {@link DropReason#ABANDONED_FRAGMENT} when the next instruction displaces it); or,
 *       only for genuine content replayed, as a state received.</li>
 * </ul>
 * and at the end of each session: the genuine session converges (the server's application got
 * exactly the events typed, in order, and the client shows the server's screen and echo ack),
 * and every datagram either receiver was handed is accounted for exactly once:
 * {@code datagramsReceived == sum of drops + statesReceived}.
 */
class ReceivePathFuzzTest {
    private static final int SESSIONS = 12;
    private static final int CASES_PER_SESSION = 500;
    private static final long KEY = 0x5EC5_EC5E_C5EC_5EC5L;
    /**
     * mosh's cipher (a test dependency) under the key whose first bytes are {@code key}; each seal
     * on a fresh instance, since the fuzz forges datagrams under nonces already used, which one
     * OCB instance refuses.
     */
    private static PacketCipher cipher(long key) {
        byte[] k = new byte[SessionKey.BYTES];
        java.nio.ByteBuffer.wrap(k).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(key);
        SessionKey sessionKey = SessionKey.ofBytes(k);
        CipherProvider ocb = Providers.select(CipherProvider.class, SessionKey.MOSH_CIPHER);
        PacketCipher opener = ocb.create(sessionKey);
        return new PacketCipher() {
            @Override
            public byte[] seal(Nonce nonce, byte[] plaintext, int off, int len) {
                return ocb.create(sessionKey).seal(nonce, plaintext, off, len);
            }

            @Override
            public byte[] open(Nonce nonce, byte[] sealed, int off, int len) throws CryptoException {
                return opener.open(nonce, sealed, off, len);
            }
        };
    }

    private static InetSocketAddress local(int port) {
        return new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port);
    }

    private static final List<InetSocketAddress> ATTACKERS =
            List.of(local(50001), local(50002), local(50003));

    /** How a bad datagram was counted, and how often the server was legitimately moved to an attacker. */
    private enum Outcome { DROPPED, PENDING, ACCEPTED, TARGET_AT_ATTACKER }

    @Test
    void badDatagramsAreCountedOnceNeverThrowNeverRetargetAndTheSessionConverges() throws Exception {
        Map<Kind, Integer> perKind = new EnumMap<>(Kind.class);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (int s = 0; s < SESSIONS; s++) {
            session(0x5EC0_0000L + s, perKind, outcomes);
        }
        // the properties were not vacuous: each way of being counted, and a roaming move, happened
        assertThat(outcomes.keySet()).containsExactlyInAnyOrder(Outcome.values());
        assertThat(perKind.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(SESSIONS * CASES_PER_SESSION);
        assertThat(perKind.keySet()).as("every kind was tried").containsExactlyInAnyOrder(Kind.values());
        System.out.println("ReceivePathFuzzTest: " + SESSIONS * CASES_PER_SESSION + " bad datagrams in " + SESSIONS
                + " sessions: " + perKind + "; " + outcomes);
    }

    private static void session(long seed, Map<Kind, Integer> perKind, Map<Outcome, Integer> outcomes)
            throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        FuzzedSession s = new FuzzedSession(seed, cipher(KEY), cipher(KEY), cipher(KEY));
        BadDatagrams bad = new BadDatagrams(cipher(KEY), cipher(KEY + 1), ATTACKERS);
        s.net.setDelay(10);
        s.net.setJitter(30);
        s.resize(FuzzedSession.COLS, FuzzedSession.ROWS);
        s.type(ascii("hello\r"));
        s.runFor(1_000); // connected over a clean link (a client that never heard the server retries only every 3 s)
        assertThat(s.converged()).as("seed %d: connected", seed).isTrue();
        s.net.setLoss(0.05);
        s.net.setDuplication(0.05);

        for (int i = 0; i < CASES_PER_SESSION; i++) {
            s.runFor(1 + r.nextInt(40));
            if (r.nextInt(3) == 0) {
                s.type(typing(r));
            }
            if (r.nextInt(100) == 0) {
                s.resize(20 + r.nextInt(41), 5 + r.nextInt(16));
            }
            boolean toServer = r.nextBoolean();
            FuzzedSession.Side side = toServer ? s.serverSide : s.clientSide;
            Transport<?, ?> t = toServer ? s.server : s.client;
            Bad b = bad.next(r, s.target(side));
            String what = "case " + i + " (" + b + ") to the " + side.name;
            Counts before = Counts.of(t.stats());
            s.receive(side, t, new ReceivedDatagram(b.data(), b.length(), b.from(), false), b.qualifies(), b.seq(),
                    what);
            outcomes.merge(checkCountedOnce(seed, what, b, before, Counts.of(t.stats())), 1, Integer::sum);
            if (toServer && ATTACKERS.contains(s.server.connection().remote())) {
                outcomes.merge(Outcome.TARGET_AT_ATTACKER, 1, Integer::sum);
            }
            perKind.merge(b.kind(), 1, Integer::sum);
        }

        // no more bad datagrams; the link heals and the user types once more
        s.net.setLoss(0);
        s.net.setDuplication(0);
        s.type(ascii("bye\r"));
        for (int waited = 0; waited < 60_000 && !s.converged(); waited += 100) {
            s.runFor(100);
        }
        assertThat(s.converged()).as("seed %d: the session converges (server got %d of %d events)", seed,
                s.arrived.size(), s.typed.size()).isTrue();
        s.runFor(4_000); // a heartbeat each way, so each receiver's last datagram is a genuine one
        assertThat(s.converged()).as("seed %d: still converged", seed).isTrue();
        for (FuzzedSession.Side side : List.of(s.serverSide, s.clientSide)) {
            assertThat(side.multiFragmentInstructions).as("seed %d: genuine instructions fit one datagram", seed)
                    .isZero();
            TransportStats stats = side == s.serverSide ? s.server.stats() : s.client.stats();
            Counts c = Counts.of(stats);
            assertThat(c.dropped() + c.states()).as("seed %d: every datagram the %s received is accounted for"
                    + " exactly once: %s", seed, side.name, stats).isEqualTo(c.datagrams());
        }
    }

    /** Exactly one count for the datagram, of a kind its construction allows (see the class javadoc). */
    private static Outcome checkCountedOnce(long seed, String what, Bad b, Counts before, Counts after) {
        String where = "seed " + seed + ", " + what + " " + HexFormat.of().formatHex(b.data(), 0,
                Math.min(b.length(), 64)) + ": ";
        assertThat(after.datagrams() - before.datagrams()).as(where + "received").isEqualTo(1);
        Map<DropReason, Long> delta = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            long d = after.drops().getOrDefault(reason, 0L) - before.drops().getOrDefault(reason, 0L);
            if (d != 0 && reason != DropReason.ABANDONED_FRAGMENT) { // earlier fragments it displaced
                delta.put(reason, d);
            }
        }
        long accepted = after.states() - before.states();
        long counted = delta.values().stream().mapToLong(Long::longValue).sum() + accepted;
        assertThat(counted).as(where + "counted at most once: drops %s, states %d", delta, accepted)
                .isBetween(0L, 1L);
        if (counted == 0) {
            assertThat(b.mayBePending()).as(where + "not counted, and not a fragment that is still pending").isTrue();
            return Outcome.PENDING;
        } else if (accepted == 1) {
            assertThat(b.mayAccept()).as(where + "accepted as a state").isTrue();
            return Outcome.ACCEPTED;
        }
        assertThat(b.oneOf()).as(where + "dropped for %s", delta.keySet()).containsAll(delta.keySet());
        return Outcome.DROPPED;
    }

    private static byte[] typing(SplittableRandom r) {
        byte[] b = new byte[1 + r.nextInt(4)];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextInt(12) == 0 ? (byte) '\r' : (byte) (0x20 + r.nextInt(0x5F));
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
