package dev.jmosh.vt.internal.parser;

/**
 * Receives the syntax the {@link Parser} recognises; the meaning is the listener's business.
 * The {@link Sequence} and {@link OscString} passed are the parser's own, reused buffers: read
 * them during the call only.
 */
public interface ParserListener {
    /** A graphic character (GL, GR or any code point from U+00A0 up, and DEL). */
    void print(int codePoint);

    /**
     * Printable ASCII characters {@code data[from..to-1]} (each 0x20..0x7E) met in the ground
     * state: the same as calling {@link #print} for each, which is what the default does.
     */
    default void printAscii(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            print(data[i]);
        }
    }

    /** A C0 or C1 control, including those that interrupt a sequence. */
    void execute(int control);

    /** {@code ESC <intermediates> <final>}. */
    void escDispatch(Sequence sequence, int finalChar);

    /** {@code CSI <private markers> <params> <intermediates> <final>}. */
    void csiDispatch(Sequence sequence, int finalChar);

    /** A complete operating system command (terminated by BEL, ST, ESC or another C1 string). */
    void oscDispatch(OscString osc);
}
