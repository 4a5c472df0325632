package dev.jmosh.vt;

import dev.jmosh.vt.internal.unicode.Utf8Decoder;
import java.util.function.IntConsumer;

/**
 * Decodes a UTF-8 byte stream, split anywhere, into code points with exactly the emulator's
 * rules (those of mosh's {@code Parser::UTF8Parser} on glibc 2.36: malformed input becomes
 * U+FFFD, never a surrogate or a value above U+10FFFF). For other modules that must read bytes
 * as mosh does, such as the client's prediction engine reading what the user types.
 */
public final class Utf8Stream {
    private final Utf8Decoder decoder = new Utf8Decoder();

    /**
     * Decodes one byte, passing the zero, one or two code points it completes to {@code sink}.
     */
    public void feed(byte b, IntConsumer sink) {
        decoder.feed(b, sink::accept);
    }

    /** Returns whether no partial sequence is buffered. */
    public boolean idle() {
        return decoder.idle();
    }
}
