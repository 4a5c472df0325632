package dev.jmosh.ssp.core.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * Writes proto2 fields, the subset mosh's messages use (as protobuf-lite's serializer does):
 *
 * <pre>
 *  field = tag value          tag = varint( field_number &lt;&lt; 3 | wire_type )
 *  wire type 0 (varint):            value = varint, 7 bits per byte, low group first,
 *                                           bit 7 set on every byte but the last
 *  wire type 2 (length-delimited):  value = varint(length) || length bytes
 * </pre>
 *
 * <p>An {@code int32} that is negative is sign-extended to 64 bits, so it takes 10 bytes, as
 * protobuf writes it. Fields appear in the order they are written.
 */
public final class ProtoWriter {
    /** Largest field number protobuf allows (2^29 - 1). */
    public static final int MAX_FIELD = (1 << 29) - 1;
    /** Longest varint, in bytes (a 64-bit value, 7 bits per byte). */
    public static final int MAX_VARINT_BYTES = 10;

    private byte[] buf = new byte[32];
    private int size;

    /** An empty message. */
    public ProtoWriter() {
    }

    /** A {@code uint64} field; {@code v} is read as unsigned ({@code -1L} is 2^64 - 1, 10 bytes). */
    public void uint64(int field, long v) {
        tag(field, ProtoReader.VARINT);
        varint(v);
    }

    /** A {@code uint32} field; {@code v} is read as unsigned (at most 5 bytes). */
    public void uint32(int field, int v) {
        tag(field, ProtoReader.VARINT);
        varint(v & 0xFFFF_FFFFL);
    }

    /** An {@code int32} field; a negative {@code v} takes 10 bytes, as in protobuf. */
    public void int32(int field, int v) {
        tag(field, ProtoReader.VARINT);
        varint(v);
    }

    /** A {@code bytes} field (also used for {@code string}). */
    public void bytes(int field, byte[] v) {
        bytes(field, v, 0, v.length);
    }

    /** A {@code bytes} field holding {@code len} bytes of {@code v} from {@code off}. */
    public void bytes(int field, byte[] v, int off, int len) {
        Objects.checkFromIndexSize(off, len, v.length);
        tag(field, ProtoReader.LENGTH_DELIMITED);
        varint(len);
        ensure(len);
        System.arraycopy(v, off, buf, size, len);
        size += len;
    }

    /** An embedded message (or proto2 extension of message type) that is already encoded. */
    public void message(int field, byte[] encoded) {
        bytes(field, encoded);
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the encoded message. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** How many bytes {@code v} takes as an unsigned varint (1 to 10). */
    public static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private void tag(int field, int wireType) {
        if (field < 1 || field > MAX_FIELD) {
            throw new IllegalArgumentException("protobuf field numbers are 1.." + MAX_FIELD + ", not " + field);
        }
        varint(((long) field << 3) | wireType);
    }

    private void varint(long v) {
        ensure(MAX_VARINT_BYTES);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    private void ensure(int more) {
        if (buf.length - size < more) {
            long wanted = Math.max((long) buf.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("protobuf message larger than 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }
}
