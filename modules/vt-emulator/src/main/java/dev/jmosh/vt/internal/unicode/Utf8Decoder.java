package dev.jmosh.vt.internal.unicode;

/**
 * A resumable UTF-8 decoder that reproduces what mosh's {@code Parser::UTF8Parser} gets from
 * glibc's {@code mbrtowc}: a sequence may be split across any number of {@link #feed} calls.
 *
 * <p>Errors follow glibc 2.36 exactly (checked against it byte for byte):
 * <ul>
 *   <li>a byte that cannot start a sequence (80..BF, C0, C1, FE, FF) gives one U+FFFD;</li>
 *   <li>lead bytes F8..FD start the historic 5- and 6-byte forms;</li>
 *   <li>a non-continuation byte inside a sequence gives one U+FFFD for the bytes so far, and is
 *       then decoded afresh;</li>
 *   <li>a complete but overlong sequence, or a surrogate, gives two U+FFFD (one for all but the
 *       last byte, one for the last byte retried alone);</li>
 *   <li>a well-formed sequence above U+10FFFF gives one U+FFFD.</li>
 * </ul>
 */
public final class Utf8Decoder {
    /** The replacement character, U+FFFD. */
    public static final int REPLACEMENT = 0xFFFD;

    /** Receives decoded code points. */
    public interface Sink {
        /**
         * Accepts one decoded code point.
         *
         * @param codePoint 0..U+10FFFF, never a surrogate
         */
        void codePoint(int codePoint);
    }

    private int have; // bytes of the current sequence seen so far; 0 = idle
    private int need; // total length of the current sequence
    private int value;

    /**
     * Decodes one byte.
     *
     * @param octet the byte (only its low 8 bits are used)
     * @param sink where complete code points go (zero, one or two per byte)
     */
    public void feed(int octet, Sink sink) {
        int b = octet & 0xFF;
        if (have != 0) {
            if ((b & 0xC0) != 0x80) {
                have = 0;
                sink.codePoint(REPLACEMENT);
                // fall through: decode b as the start of something new
            } else {
                value = (value << 6) | (b & 0x3F);
                if (++have < need) {
                    return;
                }
                have = 0;
                finish(sink);
                return;
            }
        }
        if (b < 0x80) {
            sink.codePoint(b);
        } else if (b >= 0xC2 && b <= 0xDF) {
            begin(2, b & 0x1F);
        } else if (b >= 0xE0 && b <= 0xEF) {
            begin(3, b & 0x0F);
        } else if (b >= 0xF0 && b <= 0xF7) {
            begin(4, b & 0x07);
        } else if (b >= 0xF8 && b <= 0xFB) {
            begin(5, b & 0x03);
        } else if (b >= 0xFC && b <= 0xFD) {
            begin(6, b & 0x01);
        } else {
            sink.codePoint(REPLACEMENT);
        }
    }

    private void begin(int length, int bits) {
        need = length;
        have = 1;
        value = bits;
    }

    private void finish(Sink sink) {
        boolean overlong = need > 2 && (value >>> (5 * need - 4)) == 0;
        boolean surrogate = value >= 0xD800 && value <= 0xDFFF;
        if (overlong || surrogate) {
            sink.codePoint(REPLACEMENT); // the bytes before the last one
            sink.codePoint(REPLACEMENT); // the last (continuation) byte, retried alone
        } else if (value > Widths.MAX_CODE_POINT) {
            sink.codePoint(REPLACEMENT);
        } else {
            sink.codePoint(value);
        }
    }

    /** Returns whether no partial sequence is buffered. */
    public boolean idle() {
        return have == 0;
    }

    /** Returns an independent decoder in the same state. */
    public Utf8Decoder copy() {
        Utf8Decoder c = new Utf8Decoder();
        c.have = have;
        c.need = need;
        c.value = value;
        return c;
    }
}
