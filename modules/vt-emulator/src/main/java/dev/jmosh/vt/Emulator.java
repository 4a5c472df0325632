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
            if (decoder.idle()) {
                int next = parser.printAscii(data, i, end); // text: a run at a time
                if (next > i) {
                    i = next;
                    continue;
                }
            }
            decoder.feed(data[i++], parser);
        }
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
