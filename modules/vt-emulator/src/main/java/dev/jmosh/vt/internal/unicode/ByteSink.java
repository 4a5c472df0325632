package dev.jmosh.vt.internal.unicode;

import java.util.Arrays;

/**
 * A growable byte buffer with the few appenders the emulator needs: raw bytes, ASCII text,
 * decimal numbers and UTF-8 encoded code points. Appending never allocates unless the buffer
 * has to grow.
 */
public final class ByteSink {
    private static final byte[] EMPTY = new byte[0];
    private byte[] buf;
    private int length;

    /**
     * Creates an empty sink.
     *
     * @param capacity initial capacity in bytes
     */
    public ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }

    /** Appends one byte (its low 8 bits). */
    public void append(int octet) {
        ensure(1);
        buf[length++] = (byte) octet;
    }

    /** Appends {@code count} copies of one byte. */
    public void appendRepeated(int octet, int count) {
        if (count <= 0) {
            return;
        }
        ensure(count);
        Arrays.fill(buf, length, length + count, (byte) octet);
        length += count;
    }

    /** Appends a string whose characters are all ASCII. */
    public void appendAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[length++] = (byte) s.charAt(i);
        }
    }

    /** Appends a non-negative number in decimal. */
    public void appendDecimal(int value) {
        if (value >= 10) {
            appendDecimal(value / 10);
        }
        append('0' + value % 10);
    }

    /** Appends a code point encoded as UTF-8. */
    public void appendCodePoint(int cp) {
        if (cp < 0x80) {
            append(cp);
        } else if (cp < 0x800) {
            ensure(2);
            buf[length++] = (byte) (0xC0 | (cp >>> 6));
            buf[length++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            ensure(3);
            buf[length++] = (byte) (0xE0 | (cp >>> 12));
            buf[length++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
            buf[length++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            ensure(4);
            buf[length++] = (byte) (0xF0 | (cp >>> 18));
            buf[length++] = (byte) (0x80 | ((cp >>> 12) & 0x3F));
            buf[length++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
            buf[length++] = (byte) (0x80 | (cp & 0x3F));
        }
    }

    /** Appends every code point of a string as UTF-8. */
    public void appendString(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            appendCodePoint(cp);
            i += Character.charCount(cp);
        }
    }

    /** Returns the number of bytes held. */
    public int length() {
        return length;
    }

    /** Returns a copy of the bytes held (a shared empty array when there are none). */
    public byte[] toByteArray() {
        return length == 0 ? EMPTY : Arrays.copyOf(buf, length);
    }

    /** Forgets the bytes held, keeping the capacity. */
    public void clear() {
        length = 0;
    }

    /** Returns an independent sink holding the same bytes. */
    public ByteSink copy() {
        ByteSink c = new ByteSink(buf.length);
        System.arraycopy(buf, 0, c.buf, 0, length);
        c.length = length;
        return c;
    }

    /** Returns the number of bytes UTF-8 needs for a code point. */
    public static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
