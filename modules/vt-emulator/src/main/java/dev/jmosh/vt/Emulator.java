package dev.jmosh.vt;

import dev.jmosh.vt.internal.handler.Dispatcher;
import dev.jmosh.vt.internal.parser.Parser;
import dev.jmosh.vt.internal.screen.Screen;
import dev.jmosh.vt.internal.unicode.ByteSink;
import dev.jmosh.vt.internal.unicode.Utf8Decoder;

/**
 * A terminal emulator: UTF-8 decoder, parser, handlers and framebuffer. Mirrors mosh's
 * {@code Terminal::Complete} minus the network parts ({@code Parser::UTF8Parser} feeding
 * {@code Terminal::Emulator}).
 *
 * <p>The server feeds it what the application writes to the pty and sends
 * {@link #takeReplies()} back to the application; the client feeds it the host bytes of each
 * diff (after applying the diff's resize, if any), which never produce replies.
 *
 * <p>{@link #write} accepts any bytes and never throws; sequences may be split anywhere across
 * calls. Printing text and CSI sequences allocates nothing. Not thread-safe.
 */
public final class Emulator {
    private static final int REPLY_CAPACITY = 64;
    private static final int ESC = 0x1B;
    private final Screen screen;
    private final ByteSink replies;
    private final Utf8Decoder decoder;
    private final Parser parser;
    private final Framebuffer framebuffer;

    /**
     * Creates an emulator with a blank screen.
     *
     * @throws IllegalArgumentException unless both sizes are positive
     */
    public Emulator(int columns, int rows) {
        this(new Screen(columns, rows), new ByteSink(REPLY_CAPACITY), new Utf8Decoder(), null);
    }

    /**
     * Returns an emulator showing a copy of {@code framebuffer} in the state a peer that received
     * it through {@link FrameDiff} would have: same visible state; margins, origin, autowrap,
     * insert and cursor-key modes, tab stops and saved cursor at their defaults; fresh parser.
     * Applying {@code FrameDiff.diff(framebuffer, next)} to it gives {@code next}.
     */
    public static Emulator receiving(Framebuffer framebuffer) {
        return new Emulator(framebuffer.screen().receiverCopy(), new ByteSink(REPLY_CAPACITY),
                new Utf8Decoder(), null);
    }

    private Emulator(Screen screen, ByteSink replies, Utf8Decoder decoder, Parser template) {
        this.screen = screen;
        this.replies = replies;
        this.decoder = decoder;
        Dispatcher dispatcher = new Dispatcher(screen, replies);
        this.parser = template == null ? new Parser(dispatcher) : template.copy(dispatcher);
        this.framebuffer = new Framebuffer(screen);
    }

    /**
     * Feeds bytes from the host (the application, or a diff). Never throws because of the
     * bytes' content.
     *
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit {@code data}
     */
    public void write(byte[] data, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        int end = off + len;
        int i = off;
        while (i < end) {
            int b = data[i];
            if (!decoder.idle()) {
                decoder.feed(b, parser);
                i++;
            } else if (b >= 0) { // ASCII: the decoder would pass it on unchanged
                int next = b >= 0x20 && b < 0x7F ? parser.printAscii(data, i, end)
                        : b == ESC ? parser.csi(data, i, end) : i;
                if (next == i) { // not text or a whole control sequence in the ground state
                    parser.input(b);
                    next++;
                }
                i = next;
            } else {
                i = decodeMultibyte(data, i, end);
            }
        }
    }

    /**
     * Decodes the UTF-8 sequence at {@code data[i]} (a byte from 0x80 up, the decoder idle) and
     * returns the index after the bytes consumed. Complete, valid 2- and 3-byte sequences (all of
     * the BMP) are decoded here, giving the code point the decoder would; anything else goes to
     * the decoder byte by byte.
     */
    private int decodeMultibyte(byte[] data, int i, int end) {
        int b = data[i] & 0xFF;
        if (b >= 0xC2 && b <= 0xDF && i + 1 < end && continuation(data[i + 1])) {
            parser.input((b & 0x1F) << 6 | (data[i + 1] & 0x3F));
            return i + 2;
        }
        if (b >= 0xE0 && b <= 0xEF && i + 2 < end && continuation(data[i + 1]) && continuation(data[i + 2])) {
            int cp = (b & 0x0F) << 12 | (data[i + 1] & 0x3F) << 6 | (data[i + 2] & 0x3F);
            if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) { // not overlong, not a surrogate
                parser.input(cp);
                return i + 3;
            }
        }
        decoder.feed(b, parser);
        return i + 1;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /**
     * The reference path {@link #write} must agree with: every byte through the UTF-8 decoder and
     * the parser one at a time, with no run-at-a-time shortcut. For tests.
     */
    void writeBytewise(byte[] data, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        for (int i = off; i < off + len; i++) {
            decoder.feed(data[i], parser);
        }
    }

    /** Feeds bytes from the host. */
    public void write(byte[] data) {
        write(data, 0, data.length);
    }

    /** Returns the live framebuffer; it changes as the emulator is fed (use {@code copy()} to keep one). */
    public Framebuffer framebuffer() {
        return framebuffer;
    }

    /** Returns the terminal-to-host bytes (DA, DSR/CPR replies) produced since the last call. */
    public byte[] takeReplies() {
        byte[] out = replies.toByteArray();
        replies.clear();
        return out;
    }

    /**
     * Resizes the screen as mosh does: content kept from the top left, margins reset, cursor
     * clamped.
     *
     * @throws IllegalArgumentException unless both sizes are positive
     */
    public void resize(int columns, int rows) {
        screen.resize(columns, rows);
    }

    /** Returns an independent copy: screen, pending replies, and parser/UTF-8 decoder state. */
    public Emulator copy() {
        return new Emulator(screen.copy(), replies.copy(), decoder.copy(), parser);
    }

    /** Compares framebuffers (see {@link Framebuffer#equals}); parser state is irrelevant, as in mosh. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Emulator && framebuffer.equals(((Emulator) o).framebuffer);
    }

    @Override
    public int hashCode() {
        return framebuffer.hashCode();
    }

    @Override
    public String toString() {
        return "Emulator[" + framebuffer + "]";
    }
}
