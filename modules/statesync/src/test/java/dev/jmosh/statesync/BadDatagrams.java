package dev.jmosh.statesync;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.DropReason;
import dev.jmosh.ssp.core.wire.Compressor;
import dev.jmosh.ssp.core.wire.Fragment;
import dev.jmosh.ssp.core.wire.Instruction;
import dev.jmosh.ssp.core.wire.Packet;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded bad datagrams for one receiver of a live session, each with what the receiver must do
 * with it. The datagram-layer cases fail authentication, length or direction; the rest are
 * authentic (sealed with the session key and the receiver's direction) with a bad or hostile
 * payload: fragment headers, zlib, protobuf, protocol version, state numbers, diffs of the
 * receiver's real state type, and replays, extensions and re-sealings of genuine datagrams.
 *
 * <p>State numbers are chosen so that nothing here can legitimately change what the receiver
 * converges to (an authentic peer that lies about numbers can wreck a session, in mosh too):
 * a reference is unknown, or a state is already held, or a diff does not decode, or the
 * payload is a genuine instruction; acks name no state the receiver's sender holds unacked, and
 * throwaway numbers that are reached never pass the peer's acknowledged state.
 */
final class BadDatagrams {
    /** Far above any state number or fragment id the session itself uses. */
    private static final long FAR = 1L << 40;
    private static final Set<DropReason> REPLAYED = EnumSet.of(DropReason.DUPLICATE_STATE, DropReason.UNKNOWN_REFERENCE);
    /**
     * The same, when the fragment has the id of the newest genuine instruction, under which a
     * {@link Kind#COLLIDING_FRAGMENT} may be held: then the two contradict (mosh would abort here,
     * mosh-protocol.md §11 item 3) and the instruction is dropped.
     */
    private static final Set<DropReason> REPLAYED_MAYBE_COLLIDING = EnumSet.of(DropReason.DUPLICATE_STATE,
            DropReason.UNKNOWN_REFERENCE, DropReason.MALFORMED_INSTRUCTION);

    /** The kinds of bad datagram. */
    enum Kind {
        GARBAGE, TRUNCATED, OVERSIZE, OTHER_KEY, WRONG_DIRECTION, SHORT_PLAINTEXT,
        SHORT_FRAGMENT, RANDOM_FRAGMENT, COLLIDING_FRAGMENT, ZLIB_GARBAGE, INVALID_PROTOBUF, WRONG_VERSION,
        UNKNOWN_REFERENCE, HELD_NUMBER, RANDOM_DIFF, MUTATED_DIFF, EXTENDED_FRAGMENT, REPLAY, RESEALED, RACED
    }

    /**
     * What one receiver looks like when a bad datagram is made for it.
     *
     * @param accepts the direction bit it accepts
     * @param expectedSeq its datagram layer's next expected sequence number (from the test's model)
     * @param newestRemote the number of its newest remote state
     * @param peerAcked the newest of its states the peer knows it has (the peer's acked state)
     * @param ownAcked the newest of its own states the peer has acknowledged
     * @param genuine recent genuine datagrams it received, oldest first
     * @param inFlight genuine datagrams on their way to it, the first to arrive first
     * @param lastGenuineId the fragment id of the newest genuine datagram it received
     * @param peer the genuine peer's address now
     * @param validDiff makes a valid diff of its remote state type
     * @param diffDecodes whether a diff decodes as its remote state type's message
     */
    record Target(Direction accepts, long expectedSeq, long newestRemote, long peerAcked, long ownAcked,
            List<byte[]> genuine, List<byte[]> inFlight, long lastGenuineId, InetSocketAddress peer,
            java.util.function.Function<SplittableRandom, byte[]> validDiff,
            java.util.function.Predicate<byte[]> diffDecodes) {
    }

    /**
     * One bad datagram and its required outcome: exactly one of {@code oneOf} counted, or (if
     * allowed) a state accepted or the fragment held for an instruction that cannot complete.
     *
     * @param qualifies whether it passes the datagram layer (authentic, right direction and size),
     *     so that with the newest sequence number it may move the server's target
     */
    record Bad(Kind kind, byte[] data, int length, InetSocketAddress from, boolean qualifies, long seq,
            Set<DropReason> oneOf, boolean mayAccept, boolean mayBePending) {
        @Override
        public String toString() {
            return kind + " from " + from.getPort() + " seq " + seq + " (" + length + " bytes)";
        }
    }

    private final PacketCipher cipher;
    private final PacketCipher otherKey;
    private final List<InetSocketAddress> attackers;

    BadDatagrams(PacketCipher cipher, PacketCipher otherKey, List<InetSocketAddress> attackers) {
        this.cipher = cipher;
        this.otherKey = otherKey;
        this.attackers = attackers;
    }

    Bad next(SplittableRandom r, Target t) throws CryptoException, WireFormatException {
        Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
        InetSocketAddress from = r.nextInt(5) < 3 ? attackers.get(r.nextInt(attackers.size())) : t.peer();
        long seq = r.nextInt(10) < 6 && t.expectedSeq() > 0 ? r.nextLong(t.expectedSeq()) : t.expectedSeq() + r.nextInt(3);
        long fresh = t.expectedSeq() + r.nextInt(3);
        switch (kind) {
            case GARBAGE -> {
                byte[] b = bytes(r, Packet.MIN_SEALED_BYTES, 2048);
                return new Bad(kind, b, b.length, from, false, -1, EnumSet.of(DropReason.INTEGRITY), false, false);
            }
            case TRUNCATED -> {
                byte[] b = bytes(r, 0, Packet.MIN_SEALED_BYTES - 1);
                return new Bad(kind, b, b.length, from, false, -1, EnumSet.of(DropReason.TRUNCATED), false, false);
            }
            case OVERSIZE -> {
                // authentic and the newest, so only the size check stops it; as a socket delivers it
                // (the first 2049 bytes) or whole
                byte[] big = seal(t.accepts(), fresh, fragment(r, FAR + r.nextInt(1000), bytes(r, 2100, 4000)), cipher);
                int len = r.nextBoolean() ? 2049 : big.length;
                return new Bad(kind, Arrays.copyOf(big, len), len, from, false, fresh,
                        EnumSet.of(DropReason.OVERSIZE), false, false);
            }
            case OTHER_KEY -> {
                return datagramLayer(kind, seal(t.accepts(), fresh, genuineOrRandomPayload(r, t), otherKey), from,
                        fresh, DropReason.INTEGRITY);
            }
            case WRONG_DIRECTION -> {
                return datagramLayer(kind, seal(t.accepts().reverse(), fresh, genuineOrRandomPayload(r, t), cipher),
                        from, fresh, DropReason.WRONG_DIRECTION);
            }
            case SHORT_PLAINTEXT -> {
                Nonce nonce = Nonce.of(t.accepts(), fresh);
                byte[] plain = bytes(r, 0, Packet.TIMESTAMPS_BYTES - 1);
                byte[] sealed = cipher.seal(nonce, plain, 0, plain.length);
                byte[] b = new byte[Nonce.WIRE_BYTES + sealed.length];
                nonce.toWire(b, 0);
                System.arraycopy(sealed, 0, b, Nonce.WIRE_BYTES, sealed.length);
                return datagramLayer(kind, b, from, fresh, DropReason.MALFORMED_PACKET);
            }
            case SHORT_FRAGMENT -> {
                return authentic(kind, t, from, seq, bytes(r, 0, Fragment.HEADER_BYTES - 1),
                        EnumSet.of(DropReason.MALFORMED_INSTRUCTION), false, false);
            }
            case RANDOM_FRAGMENT -> {
                int number = r.nextBoolean() ? 0 : 1 + r.nextInt(Fragment.MAX_NUMBER);
                boolean last = r.nextBoolean();
                byte[] f = new Fragment(FAR + r.nextLong(FAR), number, last, bytes(r, 0, 400)).toBytes();
                boolean completes = last && number == 0;
                return authentic(kind, t, from, seq, f,
                        completes ? EnumSet.of(DropReason.MALFORMED_INSTRUCTION) : EnumSet.noneOf(DropReason.class),
                        false, !completes);
            }
            case COLLIDING_FRAGMENT -> {
                // the id of the genuine instruction just received, with other contents
                int number = r.nextBoolean() ? 0 : 1 + r.nextInt(8);
                byte[] f = new Fragment(t.lastGenuineId(), number, number == 0 || r.nextBoolean(),
                        bytes(r, 1, 300)).toBytes();
                return authentic(kind, t, from, seq, f, EnumSet.of(DropReason.MALFORMED_INSTRUCTION), false,
                        number != 0);
            }
            case ZLIB_GARBAGE -> {
                byte[] z = bytes(r, 2, 300);
                z[0] = 0x78;
                z[1] = (byte) 0x9C;
                return complete(kind, t, from, seq, z, DropReason.MALFORMED_INSTRUCTION);
            }
            case INVALID_PROTOBUF -> {
                return complete(kind, t, from, seq, Compressor.compress(invalidInstruction(r, t)),
                        DropReason.MALFORMED_INSTRUCTION);
            }
            case WRONG_VERSION -> {
                int version = r.nextBoolean() ? r.nextInt(8) : r.nextInt();
                version = version == Instruction.PROTOCOL_VERSION ? 3 : version;
                Instruction i = new Instruction(version, t.newestRemote(), t.newestRemote() + 1, t.ownAcked(),
                        t.peerAcked(), t.validDiff().apply(r), bytes(r, 0, 16));
                return complete(kind, t, from, seq, Compressor.compress(i.encode()), DropReason.VERSION_MISMATCH);
            }
            case UNKNOWN_REFERENCE -> {
                // every number hostile; the reference is unknown, so none of them is acted on
                Instruction i = new Instruction(2, far(r), far(r), far(r), r.nextLong(), randomOrValidDiff(r, t),
                        bytes(r, 0, 16));
                return complete(kind, t, from, seq, Compressor.compress(i.encode()), DropReason.UNKNOWN_REFERENCE);
            }
            case HELD_NUMBER -> {
                Instruction i = new Instruction(2, r.nextBoolean() ? t.newestRemote() : far(r), t.newestRemote(),
                        safeAck(r, t), r.nextLong(), randomOrValidDiff(r, t), bytes(r, 0, 16));
                return complete(kind, t, from, seq, Compressor.compress(i.encode()), DropReason.DUPLICATE_STATE);
            }
            case RANDOM_DIFF, MUTATED_DIFF -> {
                byte[] diff = undecodableDiff(r, t, kind == Kind.MUTATED_DIFF);
                Instruction i = new Instruction(2, t.newestRemote(), far(r), safeAck(r, t),
                        r.nextLong(t.peerAcked() + 1), diff, bytes(r, 0, 16));
                return complete(kind, t, from, seq, Compressor.compress(i.encode()), DropReason.BAD_DIFF);
            }
            case EXTENDED_FRAGMENT -> {
                Fragment g = genuineFragment(r, t);
                byte[] longer = Arrays.copyOf(g.contents(), g.contents().length + 1 + r.nextInt(50));
                return authentic(kind, t, from, seq, new Fragment(FAR + r.nextLong(FAR), 0, true, longer).toBytes(),
                        REPLAYED, true, false);
            }
            case REPLAY -> {
                byte[] g = t.genuine().get(r.nextInt(t.genuine().size()));
                return new Bad(kind, g, g.length, from, true, Nonce.fromWire(g, 0).seq(), replayed(t, open(g)), true,
                        false);
            }
            case RACED -> {
                // a copy of a genuine datagram still on its way, sent so that it arrives first
                List<byte[]> pool = t.inFlight().isEmpty() ? t.genuine() : t.inFlight();
                byte[] g = pool.get(r.nextInt(pool.size()));
                return new Bad(kind, g, g.length, from, true, Nonce.fromWire(g, 0).seq(), replayed(t, open(g)), true,
                        false);
            }
            case RESEALED -> {
                Fragment g = genuineFragment(r, t);
                return authentic(kind, t, from, seq, g.toBytes(), replayed(t, g), true, false);
            }
            default -> throw new AssertionError(kind);
        }
    }

    private static Bad datagramLayer(Kind kind, byte[] b, InetSocketAddress from, long seq, DropReason reason) {
        return new Bad(kind, b, b.length, from, false, seq, EnumSet.of(reason), false, false);
    }

    private Bad authentic(Kind kind, Target t, InetSocketAddress from, long seq, byte[] payload,
            Set<DropReason> oneOf, boolean mayAccept, boolean mayBePending) {
        byte[] b = seal(t.accepts(), seq, payload, cipher);
        return new Bad(kind, b, b.length, from, true, seq, oneOf, mayAccept, mayBePending);
    }

    /** A whole instruction's zlib stream in one fragment under a fresh id. */
    private Bad complete(Kind kind, Target t, InetSocketAddress from, long seq, byte[] zlib, DropReason reason) {
        byte[] f = new Fragment(FAR + Math.floorMod(Arrays.hashCode(zlib) * 31L + seq, FAR), 0, true, zlib).toBytes();
        return authentic(kind, t, from, seq, f, EnumSet.of(reason), false, false);
    }

    private static byte[] seal(Direction d, long seq, byte[] payload, PacketCipher c) {
        return new Packet(Nonce.of(d, seq), 0x1234, Packet.TIMESTAMP_NONE, payload).seal(c);
    }

    private byte[] genuineOrRandomPayload(SplittableRandom r, Target t) throws CryptoException, WireFormatException {
        return r.nextBoolean() ? genuineFragment(r, t).toBytes() : bytes(r, Fragment.HEADER_BYTES, 300);
    }

    private Fragment genuineFragment(SplittableRandom r, Target t) throws CryptoException, WireFormatException {
        return open(t.genuine().get(r.nextInt(t.genuine().size())));
    }

    private Fragment open(byte[] genuine) throws CryptoException, WireFormatException {
        byte[] payload = Packet.open(genuine, 0, genuine.length, cipher).payload();
        return Fragment.parse(payload, 0, payload.length);
    }

    private static Set<DropReason> replayed(Target t, Fragment f) {
        return f.id() == t.lastGenuineId() ? REPLAYED_MAYBE_COLLIDING : REPLAYED;
    }

    private static byte[] fragment(SplittableRandom r, long id, byte[] contents) {
        return new Fragment(id, 0, true, contents).toBytes();
    }

    /** An ack naming a state the receiver's sender either never had or knows is acknowledged. */
    private static long safeAck(SplittableRandom r, Target t) {
        return r.nextBoolean() ? t.ownAcked() : far(r);
    }

    private static long far(SplittableRandom r) {
        return r.nextInt(8) == 0 ? -2L : FAR + r.nextLong(Long.MAX_VALUE - FAR) | (r.nextBoolean() ? Long.MIN_VALUE : 0);
    }

    private static byte[] randomOrValidDiff(SplittableRandom r, Target t) {
        return r.nextBoolean() ? t.validDiff().apply(r) : bytes(r, 0, 200);
    }

    /** Bytes that do not decode as an instruction: a valid one mutated, else a field overrunning its end. */
    private static byte[] invalidInstruction(SplittableRandom r, Target t) {
        byte[] valid = new Instruction(2, t.newestRemote(), t.newestRemote() + 1, t.ownAcked(), t.peerAcked(),
                t.validDiff().apply(r), bytes(r, 0, 16)).encode();
        for (int i = 0; i < 20; i++) {
            byte[] m = Mutations.mutate(r, valid);
            try {
                Instruction.decode(m);
            } catch (WireFormatException expected) {
                return m;
            }
        }
        return new byte[] {0x32, 0x7F, 1, 2, 3};
    }

    /** A diff that does not decode as the receiver's state type: random bytes, or a valid one mutated. */
    private static byte[] undecodableDiff(SplittableRandom r, Target t, boolean mutated) {
        for (int i = 0; i < 20; i++) {
            byte[] d = mutated ? Mutations.mutate(r, t.validDiff().apply(r)) : bytes(r, 1, 300);
            if (!t.diffDecodes().test(d)) {
                return d;
            }
        }
        return new byte[] {0x0A, 0x05, 0x12};
    }

    static byte[] bytes(SplittableRandom r, int min, int max) {
        byte[] b = new byte[min + r.nextInt(max - min + 1)];
        r.nextBytes(b);
        return b;
    }
}
