package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import java.util.Arrays;
import java.util.Objects;

/**
 * One datagram of mosh's datagram layer ({@code Network::Packet} sealed by
 * {@code Crypto::Session}).
 *
 * <pre>
 *   0        8      10        12                    12+n      28+n
 *  +--------+-------+---------+---------------------+---------+
 *  | nonce  |  ts   |ts_reply |  payload (n bytes)  |   tag   |
 *  | BE64   | BE16  |  BE16   |  (a Fragment)       |  16 B   |
 *  +--------+-------+---------+---------------------+---------+
 *    clear   \___________ OCB-encrypted ___________/
 * </pre>
 *
 * <p>The nonce's top bit is the direction, the rest the sender's sequence number; the 12-byte
 * cipher nonce is four zero bytes and these eight. The timestamps are milliseconds mod 2^16;
 * {@value #TIMESTAMP_NONE} means "none".
 *
 * @param nonce the clear nonce
 * @param timestamp the sender's clock, 0..0xFFFF
 * @param timestampReply an echoed and adjusted peer timestamp, or {@link #TIMESTAMP_NONE}
 * @param payload the plaintext after the timestamps, not copied
 */
public record Packet(Nonce nonce, int timestamp, int timestampReply, byte[] payload) {
    /** The timestamp value meaning "absent" (a sender maps a real 0xFFFF to 0). */
    public static final int TIMESTAMP_NONE = 0xFFFF;
    /** Bytes of the two timestamps that start the plaintext. */
    public static final int TIMESTAMPS_BYTES = 4;
    /** Shortest datagram a receiver tries to open, in bytes: nonce and tag. */
    public static final int MIN_SEALED_BYTES = Nonce.WIRE_BYTES + PacketCipher.TAG_BYTES;
    /** Bytes a datagram adds to its payload: 12 (mosh {@code Connection::ADDED_BYTES}) + 16 (tag) = 28. */
    public static final int OVERHEAD_BYTES = 8 + 4 + 16;

    /** Checks the timestamps' range and that the payload is present. */
    public Packet {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(payload, "payload");
        if ((timestamp & ~0xFFFF) != 0 || (timestampReply & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("timestamps are 16-bit: " + timestamp + ", " + timestampReply);
        }
    }

    /** Encrypts the packet into a datagram of {@code payload.length + 28} bytes. */
    public byte[] seal(PacketCipher cipher) {
        byte[] plain = new byte[TIMESTAMPS_BYTES + payload.length];
        plain[0] = (byte) (timestamp >>> 8);
        plain[1] = (byte) timestamp;
        plain[2] = (byte) (timestampReply >>> 8);
        plain[3] = (byte) timestampReply;
        System.arraycopy(payload, 0, plain, TIMESTAMPS_BYTES, payload.length);
        byte[] sealed = cipher.seal(nonce, plain, 0, plain.length);
        byte[] out = new byte[Nonce.WIRE_BYTES + sealed.length];
        nonce.toWire(out, 0);
        System.arraycopy(sealed, 0, out, Nonce.WIRE_BYTES, sealed.length);
        return out;
    }

    /**
     * Authenticates and decrypts a datagram, with mosh's checks and messages in mosh's order.
     * Whether the direction bit suits the receiver is for the caller to check.
     *
     * @throws CryptoException (non-fatal) "Ciphertext must contain nonce and tag." below 24 bytes;
     *     "Packet failed integrity check." when the tag does not verify; "Illegal counterparty
     *     input (possible denial of service)" when the plaintext is shorter than the timestamps
     */
    public static Packet open(byte[] data, int off, int len, PacketCipher cipher) throws CryptoException {
        Objects.checkFromIndexSize(off, len, data.length);
        if (len < MIN_SEALED_BYTES) {
            throw new CryptoException("Ciphertext must contain nonce and tag.");
        }
        Nonce nonce = Nonce.fromWire(data, off);
        byte[] plain = cipher.open(nonce, data, off + Nonce.WIRE_BYTES, len - Nonce.WIRE_BYTES);
        if (plain.length < TIMESTAMPS_BYTES) {
            throw new CryptoException("Illegal counterparty input (possible denial of service)");
        }
        int ts = ((plain[0] & 0xFF) << 8) | (plain[1] & 0xFF);
        int tsReply = ((plain[2] & 0xFF) << 8) | (plain[3] & 0xFF);
        return new Packet(nonce, ts, tsReply, Arrays.copyOfRange(plain, TIMESTAMPS_BYTES, plain.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Packet p && nonce.equals(p.nonce) && timestamp == p.timestamp
                && timestampReply == p.timestampReply && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(nonce, timestamp, timestampReply) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Packet[" + nonce.direction() + " seq=" + nonce.seq() + ", timestamp=" + timestamp
                + ", timestampReply=" + timestampReply + ", payload=" + payload.length + " bytes]";
    }
}
