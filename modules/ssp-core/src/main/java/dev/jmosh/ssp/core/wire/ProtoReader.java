package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.WireFormatException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads proto2 fields one at a time, as protobuf-lite's parser does for mosh's messages:
 *
 * <pre>
 *  while (r.next()) {                  // tag = varint( field_number &lt;&lt; 3 | wire_type )
 *      if (r.field() == 2 &amp;&amp; r.wireType() == ProtoReader.VARINT) { x = r.varint(); }
 *  }                                   // anything not read is skipped by the next next()
 * </pre>
 *
 * <p>Unknown fields of wire types 0 (varint), 1 (fixed64), 2 (length-delimited) and 5
 * (fixed32) are skipped, as protobuf keeps them as unknown fields; a known field number with an
 * unexpected wire type should be skipped the same way, which is what protobuf does. Groups
 * (wire types 3 and 4, unused by mosh), wire types 6 and 7, field number 0, varints longer than
 * 10 bytes and anything that runs past the end raise {@link WireFormatException}.
 */
public final class ProtoReader {
    /** Wire type 0: varint. */
    public static final int VARINT = 0;
    /** Wire type 1: 8 little-endian bytes. */
    public static final int FIXED64 = 1;
    /** Wire type 2: varint length, then that many bytes. */
    public static final int LENGTH_DELIMITED = 2;
    /** Wire type 3: start of a (deprecated) group. */
    public static final int START_GROUP = 3;
    /** Wire type 4: end of a group. */
    public static final int END_GROUP = 4;
    /** Wire type 5: 4 little-endian bytes. */
    public static final int FIXED32 = 5;

    private final byte[] data;
    private final int end;
    private int pos;
    private int field;
    private int wireType;
    /** Whether the current field's value has been read or skipped (true before the first field). */
    private boolean consumed = true;

    /** A reader over all of {@code data} (not copied). */
    public ProtoReader(byte[] data) {
        this(data, 0, data.length);
    }

    /** A reader over {@code len} bytes of {@code data} from {@code off} (not copied). */
    public ProtoReader(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        this.data = data;
        this.pos = off;
        this.end = off + len;
    }

    /**
     * Advances to the next field, first skipping the current one if its value was not read.
     *
     * @return false at the end of the message
     * @throws WireFormatException on a bad tag, a group, or a value that runs past the end
     */
    public boolean next() throws WireFormatException {
        if (!consumed) {
            skip();
        }
        if (pos >= end) {
            return false;
        }
        long tag = readVarint();
        if ((tag >>> 32) != 0) {
            throw new WireFormatException("protobuf tag " + Long.toUnsignedString(tag) + " is out of range");
        }
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field == 0) {
            throw new WireFormatException("protobuf field number 0 is invalid");
        }
        if (wireType == START_GROUP || wireType == END_GROUP) {
            throw new WireFormatException("protobuf groups are not supported (field " + field + ")");
        }
        if (wireType > FIXED32) {
            throw new WireFormatException("invalid protobuf wire type " + wireType + " (field " + field + ")");
        }
        consumed = false;
        return true;
    }

    /** The current field's number. */
    public int field() {
        return field;
    }

    /** The current field's wire type ({@link #VARINT}, {@link #FIXED64}, ...). */
    public int wireType() {
        return wireType;
    }

    /** Whether the current field has number {@code number} and wire type {@code type}. */
    public boolean is(int number, int type) {
        return field == number && wireType == type;
    }

    /**
     * The current field's varint, as 64 raw bits (callers narrow {@code uint32}/{@code int32} with
     * a cast, as protobuf does).
     */
    public long varint() throws WireFormatException {
        begin(VARINT);
        return readVarint();
    }

    /** A copy of the current length-delimited field's bytes. */
    public byte[] bytes() throws WireFormatException {
        begin(LENGTH_DELIMITED);
        int len = readLength();
        byte[] v = Arrays.copyOfRange(data, pos, pos + len);
        pos += len;
        return v;
    }

    /** A reader over the current length-delimited field (an embedded message), without copying. */
    public ProtoReader message() throws WireFormatException {
        begin(LENGTH_DELIMITED);
        int len = readLength();
        ProtoReader inner = new ProtoReader(data, pos, len);
        pos += len;
        return inner;
    }

    /** Skips the current field's value, whatever its wire type. */
    public void skip() throws WireFormatException {
        if (consumed) {
            throw new IllegalStateException("no current field to skip");
        }
        consumed = true;
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(readLength());
            case FIXED32 -> advance(4);
            default -> throw new IllegalStateException("wire type " + wireType);
        }
    }

    private void begin(int expected) throws WireFormatException {
        if (consumed) {
            throw new IllegalStateException("the current field's value was already read");
        }
        if (wireType != expected) {
            throw new WireFormatException("protobuf field " + field + " has wire type " + wireType
                    + ", expected " + expected);
        }
        consumed = true;
    }

    private void advance(int n) throws WireFormatException {
        if (end - pos < n) {
            throw new WireFormatException("protobuf field " + field + " is truncated");
        }
        pos += n;
    }

    private int readLength() throws WireFormatException {
        long len = readVarint();
        if (len < 0 || len > end - pos) {
            throw new WireFormatException("protobuf field " + field + " claims " + Long.toUnsignedString(len)
                    + " bytes, " + (end - pos) + " remain");
        }
        return (int) len;
    }

    private long readVarint() throws WireFormatException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new WireFormatException("truncated protobuf varint");
            }
            byte b = data[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new WireFormatException("protobuf varint longer than 10 bytes");
    }
}
