package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.WireFormatException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One fragment of a compressed instruction, the payload of one datagram (mosh's
 * {@code Network::Fragment}).
 *
 * <pre>
 *   0                   8        10
 *  +-------------------+-+-------+---------------------------+
 *  | id (BE64)         |f|number | contents (slice of zlib)  |
 *  +-------------------+-+-------+---------------------------+
 *                       \ BE16: final &lt;&lt; 15 | number (0..0x7FFF)
 * </pre>
 *
 * @param id the instruction id, unsigned; all fragments of one instruction share it
 * @param number the index of this fragment from 0, below {@code 0x8000}
 * @param last whether this is the final fragment of the instruction
 * @param contents the slice of the compressed instruction, not copied
 */
public record Fragment(long id, int number, boolean last, byte[] contents) {
    /** Header length in bytes: 8 for the id, 2 for the final bit and number. */
    public static final int HEADER_BYTES = 10;
    /** Largest fragment number (15 bits). */
    public static final int MAX_NUMBER = 0x7FFF;
    private static final int FINAL_BIT = 0x8000;

    /** Checks the number's range. */
    public Fragment {
        if (number < 0 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("fragment number " + number + " is outside 0.." + MAX_NUMBER);
        }
        Objects.requireNonNull(contents, "contents");
    }

    /** Header plus contents, in bytes. */
    public int size() {
        return HEADER_BYTES + contents.length;
    }

    /** The fragment as it goes into a datagram. */
    public byte[] toBytes() {
        byte[] out = new byte[size()];
        writeTo(out, 0);
        return out;
    }

    /** Writes {@link #size()} bytes at {@code off}. */
    public void writeTo(byte[] out, int off) {
        Objects.checkFromIndexSize(off, size(), out.length);
        for (int i = 0; i < 8; i++) {
            out[off + i] = (byte) (id >>> (56 - 8 * i));
        }
        int combined = (last ? FINAL_BIT : 0) | number;
        out[off + 8] = (byte) (combined >>> 8);
        out[off + 9] = (byte) combined;
        System.arraycopy(contents, 0, out, off + HEADER_BYTES, contents.length);
    }

    /**
     * Reads a fragment from a datagram's payload.
     *
     * @throws WireFormatException when the payload is shorter than the 10-byte header
     */
    public static Fragment parse(byte[] data, int off, int len) throws WireFormatException {
        Objects.checkFromIndexSize(off, len, data.length);
        if (len < HEADER_BYTES) {
            throw new WireFormatException("fragment of " + len + " bytes is shorter than its "
                    + HEADER_BYTES + "-byte header");
        }
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (data[off + i] & 0xFF);
        }
        int combined = ((data[off + 8] & 0xFF) << 8) | (data[off + 9] & 0xFF);
        byte[] contents = Arrays.copyOfRange(data, off + HEADER_BYTES, off + len);
        return new Fragment(id, combined & MAX_NUMBER, (combined & FINAL_BIT) != 0, contents);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fragment f && id == f.id && number == f.number && last == f.last
                && Arrays.equals(contents, f.contents);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, number, last) + Arrays.hashCode(contents);
    }

    @Override
    public String toString() {
        return "Fragment[id=" + Long.toUnsignedString(id) + ", number=" + number + ", last=" + last
                + ", contents=" + contents.length + " bytes]";
    }
}
