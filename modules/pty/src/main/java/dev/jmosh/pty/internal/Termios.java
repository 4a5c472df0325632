package dev.jmosh.pty.internal;

import static dev.jmosh.pty.internal.ValueLayouts.INT;
import static dev.jmosh.pty.internal.ValueLayouts.SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Terminal settings of glibc/Linux: {@code IUTF8} through {@code tcgetattr}/{@code tcsetattr},
 * the window size through {@code ioctl TIOCGWINSZ/TIOCSWINSZ}, and {@code tcflush}.
 *
 * <pre>
 * struct winsize (8 bytes)          struct termios (60 bytes)
 * +0 ws_row    unsigned short       +0  c_iflag  (IUTF8 = 040000)
 * +2 ws_col    unsigned short       +12 c_lflag
 * +4 ws_xpixel unsigned short       +17 c_cc[32]
 * +6 ws_ypixel unsigned short
 * </pre>
 */
public final class Termios {
    /** {@code sizeof(struct termios)}. */
    private static final int TERMIOS_BYTES = 60;
    /** {@code c_iflag} offset. */
    private static final int C_IFLAG = 0;
    /** {@code IUTF8}: the line discipline erases whole UTF-8 characters. */
    private static final int IUTF8 = 040000;
    /** {@code TCSANOW}. */
    private static final int TCSANOW = 0;
    /** {@code TCIFLUSH}: discard data received but not read. */
    private static final int TCIFLUSH = 0;
    /** {@code TIOCGWINSZ}. */
    private static final long TIOCGWINSZ = 0x5413;
    /** {@code TIOCSWINSZ}. */
    private static final long TIOCSWINSZ = 0x5414;
    /** {@code TIOCINQ} ({@code FIONREAD}): bytes the line discipline holds for reading. */
    private static final long TIOCINQ = 0x541B;
    /** {@code sizeof(struct winsize)}. */
    private static final int WINSIZE_BYTES = 8;

    private static final MemorySegment TCGETATTR = Native.function("tcgetattr");
    private static final MemorySegment TCSETATTR = Native.function("tcsetattr");
    private static final MemorySegment TCFLUSH = Native.function("tcflush");
    /** Variadic: {@code int ioctl(int fd, unsigned long request, ...)}, here a pointer. */
    private static final MemorySegment IOCTL = Native.function("ioctl");

    private Termios() {
    }

    /** Sets {@code IUTF8} in {@code c_iflag} (a new pty lacks it). */
    public static void setIutf8(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment t = arena.allocate(TERMIOS_BYTES);
            if (tcgetattr(state, fd, t) < 0) {
                throw new PosixException("tcgetattr", Native.errno(state));
            }
            t.set(INT, C_IFLAG, t.get(INT, C_IFLAG) | IUTF8);
            if ((int) Native.call(TCSETATTR, state, fd, TCSANOW, Native.address(t)) < 0) {
                throw new PosixException("tcsetattr IUTF8", Native.errno(state));
            }
        }
    }

    /** Whether {@code IUTF8} is set. */
    public static boolean iutf8(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment t = arena.allocate(TERMIOS_BYTES);
            if (tcgetattr(state, fd, t) < 0) {
                throw new PosixException("tcgetattr", Native.errno(state));
            }
            return (t.get(INT, C_IFLAG) & IUTF8) != 0;
        }
    }

    /** {@code TIOCSWINSZ} (the terminal's foreground process group gets {@code SIGWINCH}). */
    public static void setWindowSize(int fd, int columns, int rows) throws PosixException {
        if (columns < 0 || columns > 0xffff || rows < 0 || rows > 0xffff) {
            throw new IllegalArgumentException("window size out of range: " + columns + "x" + rows);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment ws = arena.allocate(WINSIZE_BYTES);
            ws.set(SHORT, 0, (short) rows);
            ws.set(SHORT, 2, (short) columns);
            if (ioctl(state, fd, TIOCSWINSZ, ws) < 0) {
                throw new PosixException("ioctl TIOCSWINSZ", Native.errno(state));
            }
        }
    }

    /** {@code TIOCGWINSZ} as {columns, rows}. */
    public static int[] windowSize(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment ws = arena.allocate(WINSIZE_BYTES);
            if (ioctl(state, fd, TIOCGWINSZ, ws) < 0) {
                throw new PosixException("ioctl TIOCGWINSZ", Native.errno(state));
            }
            return new int[] {Short.toUnsignedInt(ws.get(SHORT, 2)), Short.toUnsignedInt(ws.get(SHORT, 0))};
        }
    }

    /**
     * {@code ioctl TIOCINQ}: the bytes that a {@code read} on {@code fd} could return now (in
     * canonical mode, only complete lines count).
     */
    public static int inputQueued(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment count = arena.allocate(INT);
            if (ioctl(state, fd, TIOCINQ, count) < 0) {
                throw new PosixException("ioctl TIOCINQ", Native.errno(state));
            }
            return count.get(INT, 0);
        }
    }

    /** {@code tcflush(fd, TCIFLUSH)}: discards what was received on {@code fd} but not read. */
    public static void flushInput(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            if ((int) Native.call(TCFLUSH, state, fd, TCIFLUSH) < 0) {
                throw new PosixException("tcflush TCIFLUSH", Native.errno(state));
            }
        }
    }

    /** {@code tcgetattr(fd, t)}; {@code t} stays allocated by the caller. */
    private static int tcgetattr(MemorySegment state, int fd, MemorySegment t) {
        return (int) Native.call(TCGETATTR, state, fd, Native.address(t));
    }

    /** {@code ioctl(fd, request, arg)}; {@code arg} stays allocated by the caller. */
    private static int ioctl(MemorySegment state, int fd, long request, MemorySegment arg) {
        return (int) Native.call(IOCTL, state, fd, request, Native.address(arg));
    }
}
