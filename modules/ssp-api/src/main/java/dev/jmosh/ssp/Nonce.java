package dev.jmosh.ssp;

/**
 * The per-datagram nonce of mosh's datagram layer.
 *
 * <pre>
 *  wire (clear, 8 bytes, big-endian)        OCB nonce (12 bytes)
 * +-+---------------------------------+    +-------------+-------------------------+
 * |d|  sequence number (63 bits)      |    | 00 00 00 00 |  the 8 wire bytes       |
 * +-+---------------------------------+    +-------------+-------------------------+
 *  d = direction bit (0 to server, 1 to client)
 * </pre>
 *
 * @param value the 64-bit wire value {@code (direction << 63) | seq}
 */
public record Nonce(long value) {
    /** Length of the clear nonce on the wire, in bytes. */
    public static final int WIRE_BYTES = 8;
    /** Length of the nonce handed to the cipher, in bytes. */
    public static final int CIPHER_BYTES = 12;
    private static final long SEQ_MASK = 0x7FFF_FFFF_FFFF_FFFFL;

    /** The nonce of datagram number {@code seq} sent in {@code direction}. */
    public static Nonce of(Direction direction, long seq) {
        return new Nonce(((long) direction.bit() << 63) | (seq & SEQ_MASK));
    }

    /** Reads the 8 clear bytes at {@code offset}. */
    public static Nonce fromWire(byte[] data, int offset) {
        long v = 0;
        for (int i = 0; i < WIRE_BYTES; i++) {
            v = (v << 8) | (data[offset + i] & 0xFF);
        }
        return new Nonce(v);
    }

    /** The direction bit. */
    public Direction direction() {
        return Direction.ofBit(value >>> 63);
    }

    /** The 63-bit sequence number. */
    public long seq() {
        return value & SEQ_MASK;
    }

    /** Writes the 8 clear bytes at {@code offset}. */
    public void toWire(byte[] out, int offset) {
        for (int i = 0; i < WIRE_BYTES; i++) {
            out[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    /** The 12-byte nonce for the cipher: four zero bytes, then the wire bytes. */
    public byte[] cipherBytes() {
        byte[] n = new byte[CIPHER_BYTES];
        toWire(n, CIPHER_BYTES - WIRE_BYTES);
        return n;
    }
}
