package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.WireFormatException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One SSP instruction, mosh's {@code TransportBuffers.Instruction}: "apply {@code diff} to your
 * state {@code oldNum} to get state {@code newNum}", plus the sender's ack and throwaway numbers.
 *
 * <pre>
 *  field  no. type    tag  meaning
 *  protocol_version 1 uint32  08   always {@value #PROTOCOL_VERSION}
 *  old_num          2 uint64  10   reference state the diff applies to
 *  new_num          3 uint64  18   state the diff produces (2^64-1 = -1L: shutdown)
 *  ack_num          4 uint64  20   newest peer state the sender has
 *  throwaway_num    5 uint64  28   the receiver may drop its states numbered below this
 *  diff             6 bytes   32   a UserMessage or HostMessage, maybe empty
 *  chaff            7 bytes   3A   0..16 random bytes that vary the datagram size
 * </pre>
 *
 * <p>{@link #encode} writes all seven fields in this order, even an empty diff and chaff, like
 * the C++ sender. {@link #decode} accepts any order, keeps the last of repeated fields, skips
 * unknown fields and defaults missing ones to 0 or empty, like protobuf. The {@code long}
 * numbers are unsigned 64-bit values. The arrays are not copied: treat them as immutable.
 *
 * @param protocolVersion mosh's protocol version, {@value #PROTOCOL_VERSION}
 * @param oldNum the reference state number
 * @param newNum the target state number
 * @param ackNum the newest peer state received
 * @param throwawayNum the oldest state the sender may still refer to
 * @param diff the state diff
 * @param chaff random padding
 */
public record Instruction(int protocolVersion, long oldNum, long newNum, long ackNum, long throwawayNum,
        byte[] diff, byte[] chaff) {
    /** mosh's {@code MOSH_PROTOCOL_VERSION} (2 since the echo-ack extension). */
    public static final int PROTOCOL_VERSION = 2;

    private static final int F_PROTOCOL_VERSION = 1;
    private static final int F_OLD_NUM = 2;
    private static final int F_NEW_NUM = 3;
    private static final int F_ACK_NUM = 4;
    private static final int F_THROWAWAY_NUM = 5;
    private static final int F_DIFF = 6;
    private static final int F_CHAFF = 7;

    /** Checks that the arrays are present. */
    public Instruction {
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(chaff, "chaff");
    }

    /** Serializes all seven fields in field order. */
    public byte[] encode() {
        ProtoWriter w = new ProtoWriter();
        w.uint32(F_PROTOCOL_VERSION, protocolVersion);
        w.uint64(F_OLD_NUM, oldNum);
        w.uint64(F_NEW_NUM, newNum);
        w.uint64(F_ACK_NUM, ackNum);
        w.uint64(F_THROWAWAY_NUM, throwawayNum);
        w.bytes(F_DIFF, diff);
        w.bytes(F_CHAFF, chaff);
        return w.toByteArray();
    }

    /**
     * Parses a serialized instruction.
     *
     * @throws WireFormatException when the bytes are not a well-formed protobuf message
     */
    public static Instruction decode(byte[] data) throws WireFormatException {
        int version = 0;
        long oldNum = 0;
        long newNum = 0;
        long ackNum = 0;
        long throwawayNum = 0;
        byte[] diff = ByteArrays.EMPTY;
        byte[] chaff = ByteArrays.EMPTY;
        ProtoReader r = new ProtoReader(data);
        while (r.next()) {
            if (r.wireType() == ProtoReader.VARINT) {
                switch (r.field()) {
                    case F_PROTOCOL_VERSION -> version = (int) r.varint();
                    case F_OLD_NUM -> oldNum = r.varint();
                    case F_NEW_NUM -> newNum = r.varint();
                    case F_ACK_NUM -> ackNum = r.varint();
                    case F_THROWAWAY_NUM -> throwawayNum = r.varint();
                    default -> r.skip();
                }
            } else if (r.is(F_DIFF, ProtoReader.LENGTH_DELIMITED)) {
                diff = r.bytes();
            } else if (r.is(F_CHAFF, ProtoReader.LENGTH_DELIMITED)) {
                chaff = r.bytes();
            }
        }
        return new Instruction(version, oldNum, newNum, ackNum, throwawayNum, diff, chaff);
    }

    /**
     * Whether {@code other} has the same numbers, version and chaff: mosh's test for reusing a
     * fragment id (the diff is deliberately not compared).
     */
    boolean sameHeader(Instruction other) {
        return protocolVersion == other.protocolVersion && oldNum == other.oldNum && newNum == other.newNum
                && ackNum == other.ackNum && throwawayNum == other.throwawayNum
                && Arrays.equals(chaff, other.chaff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Instruction i && sameHeader(i) && Arrays.equals(diff, i.diff);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(protocolVersion, oldNum, newNum, ackNum, throwawayNum);
        return 31 * (31 * h + Arrays.hashCode(diff)) + Arrays.hashCode(chaff);
    }

    @Override
    public String toString() {
        return "Instruction[protocolVersion=" + protocolVersion
                + ", oldNum=" + Long.toUnsignedString(oldNum)
                + ", newNum=" + Long.toUnsignedString(newNum)
                + ", ackNum=" + Long.toUnsignedString(ackNum)
                + ", throwawayNum=" + Long.toUnsignedString(throwawayNum)
                + ", diff=" + diff.length + " bytes " + ByteArrays.hex(diff)
                + ", chaff=" + ByteArrays.hex(chaff) + "]";
    }
}
