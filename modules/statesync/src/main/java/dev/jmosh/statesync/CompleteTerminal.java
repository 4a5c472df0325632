package dev.jmosh.statesync;

import dev.jmosh.ssp.SyncState;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.wire.HostMessage;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.FrameDiff;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.UserInput;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The server's state (mosh {@code Terminal::Complete}): a terminal emulator's framebuffer plus
 * the echo ack, the newest client state whose effect has been on screen for at least
 * {@value #ECHO_TIMEOUT_MS} ms.
 *
 * <p>A diff is a {@code HostMessage}: an {@code EchoAck} if it changed, a {@code Resize} if the
 * size changed, and {@code HostBytes} produced by {@link FrameDiff} that turn the reference
 * frame into this one. Equality ignores the parser's state, as mosh's does.
 */
public final class CompleteTerminal implements SyncState<CompleteTerminal> {
    /** How long input must have been applied before the server acknowledges its echo, in ms. */
    public static final long ECHO_TIMEOUT_MS = 50;

    private final Emulator emulator;
    private long echoAck;
    /** (client state number, time applied) pairs; server side only. */
    private final Deque<long[]> inputHistory;
    /** The user's keystrokes on their way to the host; server side only, not part of the state. */
    private final UserInput userInput = new UserInput();

    /** A blank screen of {@code columns} by {@code rows} (state 0). */
    public CompleteTerminal(int columns, int rows) {
        this(new Emulator(columns, rows), 0, new ArrayDeque<>());
    }

    private CompleteTerminal(Emulator emulator, long echoAck, Deque<long[]> inputHistory) {
        this.emulator = emulator;
        this.echoAck = echoAck;
        this.inputHistory = inputHistory;
    }

    /** Feeds host output (from the pty) to the emulator; returns what the terminal answers (DA, DSR). */
    public byte[] act(byte[] hostBytes, int off, int len) {
        emulator.write(hostBytes, off, len);
        return emulator.takeReplies();
    }

    /**
     * Appends to {@code toHost} what the host gets for one of the user's bytes, as mosh's
     * {@code Complete::act} does: arrow keys from the client's terminal, which mosh-client keeps
     * in application cursor mode, become {@code ESC [ A..D} unless the application asked for
     * application cursor keys; every other byte passes unchanged.
     */
    public void userInput(UserEvent.UserByte b, ByteArrayOutputStream toHost) {
        userInput.input(b.value(), emulator.framebuffer().applicationCursorKeys(), toHost);
    }

    /** Resizes the screen. */
    public void resize(int columns, int rows) {
        emulator.resize(columns, rows);
    }

    /** The screen. */
    public Framebuffer framebuffer() {
        return emulator.framebuffer();
    }

    /** The emulator (server side, to answer queries and translate input). */
    public Emulator emulator() {
        return emulator;
    }

    /** The newest client state number whose echo the server vouches for. */
    public long echoAck() {
        return echoAck;
    }

    /** Records that client state {@code stateNum} was applied at {@code now} (server side). */
    public void registerInputFrame(long stateNum, long now) {
        inputHistory.addLast(new long[] {stateNum, now});
    }

    /**
     * Advances the echo ack to the newest input applied at least 50 ms before {@code now}
     * (server side); returns whether it changed.
     */
    public boolean setEchoAck(long now) {
        long newest = 0;
        for (long[] entry : inputHistory) {
            if (entry[1] <= now - ECHO_TIMEOUT_MS) {
                newest = entry[0];
            }
        }
        final long cut = newest;
        inputHistory.removeIf(entry -> Long.compareUnsigned(entry[0], cut) < 0);
        boolean changed = echoAck != newest;
        echoAck = newest;
        return changed;
    }

    /** Milliseconds until the echo ack can next advance (server side). */
    public long echoWaitTime(long now) {
        if (inputHistory.size() < 2) {
            return Long.MAX_VALUE;
        }
        var it = inputHistory.iterator();
        it.next();
        long next = it.next()[1] + ECHO_TIMEOUT_MS;
        return next <= now ? 0 : next - now;
    }

    @Override
    public CompleteTerminal copy() {
        Deque<long[]> history = new ArrayDeque<>();
        for (long[] entry : inputHistory) {
            history.addLast(entry.clone());
        }
        return new CompleteTerminal(emulator.copy(), echoAck, history);
    }

    @Override
    public void subtract(CompleteTerminal prefix) {
        // a screen is not a log: nothing to trim
    }

    @Override
    public byte[] diffFrom(CompleteTerminal existing) {
        List<HostMessage.Element> out = new ArrayList<>();
        if (existing.echoAck != echoAck) {
            out.add(new HostMessage.EchoAck(echoAck));
        }
        Framebuffer from = existing.framebuffer();
        Framebuffer to = framebuffer();
        if (!from.equals(to)) {
            if (from.columns() != to.columns() || from.rows() != to.rows()) {
                out.add(new HostMessage.Resize(to.columns(), to.rows()));
            }
            byte[] update = FrameDiff.diff(from, to);
            if (update.length > 0) {
                out.add(new HostMessage.HostBytes(update));
            }
        }
        return out.isEmpty() ? new byte[0] : new HostMessage(out).encode();
    }

    @Override
    public byte[] initDiff() {
        return diffFrom(new CompleteTerminal(framebuffer().columns(), framebuffer().rows()));
    }

    /**
     * Applies a server diff. Replies the host bytes would provoke are discarded: the server never
     * interrogates the client's terminal. An echo ack lower than the current one is ignored (the
     * C++ client would abort on it).
     */
    @Override
    public void applyDiff(byte[] diff) throws WireFormatException {
        HostMessage message = HostMessage.decode(diff);
        for (HostMessage.Element e : message.elements()) {
            if (e instanceof HostMessage.HostBytes h) {
                emulator.write(h.bytes(), 0, h.bytes().length);
                emulator.takeReplies();
            } else if (e instanceof HostMessage.Resize r) {
                if (r.width() > 0 && r.height() > 0 && r.width() <= MAX_DIMENSION && r.height() <= MAX_DIMENSION) {
                    emulator.resize(r.width(), r.height());
                }
            } else if (e instanceof HostMessage.EchoAck a) {
                if (Long.compareUnsigned(a.num(), echoAck) > 0) {
                    echoAck = a.num();
                }
            }
        }
    }

    /** Largest width or height accepted from a peer (a screen of 2^16 by 2^16 cells would exhaust memory). */
    public static final int MAX_DIMENSION = 4096;

    @Override
    public boolean equals(Object o) {
        return o instanceof CompleteTerminal other && echoAck == other.echoAck
                && framebuffer().equals(other.framebuffer());
    }

    @Override
    public int hashCode() {
        return framebuffer().hashCode() * 31 + Long.hashCode(echoAck);
    }

    @Override
    public String toString() {
        return "CompleteTerminal[" + framebuffer().columns() + "x" + framebuffer().rows() + ", echoAck=" + echoAck + "]";
    }
}
