package dev.jmosh.pty.internal;

import static dev.jmosh.pty.internal.ValueLayouts.ADDRESS;
import static dev.jmosh.pty.internal.ValueLayouts.INT;
import static dev.jmosh.pty.internal.ValueLayouts.LONG;
import static dev.jmosh.pty.internal.ValueLayouts.SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

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

    private static final MethodHandle TCGETATTR = Native.downcall("tcgetattr",
            FunctionDescriptor.of(INT, INT, ADDRESS), Native.ERRNO);
    private static final MethodHandle TCSETATTR = Native.downcall("tcsetattr",
            FunctionDescriptor.of(INT, INT, INT, ADDRESS), Native.ERRNO);
    private static final MethodHandle TCFLUSH = Native.downcall("tcflush",
            FunctionDescriptor.of(INT, INT, INT), Native.ERRNO);
    private static final MethodHandle IOCTL = Native.downcall("ioctl",
            FunctionDescriptor.of(INT, INT, LONG, ADDRESS), Native.ERRNO, Linker.Option.firstVariadicArg(2));

    private Termios() {
    }

    /** Sets {@code IUTF8} in {@code c_iflag} (a new pty lacks it). */
    public static void setIutf8(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment t = arena.allocate(TERMIOS_BYTES);
            if ((int) TCGETATTR.invokeExact(state, fd, t) < 0) {
                throw new PosixException("tcgetattr", Native.errno(state));
            }
            t.set(INT, C_IFLAG, t.get(INT, C_IFLAG) | IUTF8);
            if ((int) TCSETATTR.invokeExact(state, fd, TCSANOW, t) < 0) {
                throw new PosixException("tcsetattr IUTF8", Native.errno(state));
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unchecked(e);
        }
    }

    /** Whether {@code IUTF8} is set. */
    public static boolean iutf8(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment t = arena.allocate(TERMIOS_BYTES);
            if ((int) TCGETATTR.invokeExact(state, fd, t) < 0) {
                throw new PosixException("tcgetattr", Native.errno(state));
            }
            return (t.get(INT, C_IFLAG) & IUTF8) != 0;
        } catch (PosixException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unchecked(e);
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
            if ((int) IOCTL.invokeExact(state, fd, TIOCSWINSZ, ws) < 0) {
                throw new PosixException("ioctl TIOCSWINSZ", Native.errno(state));
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unchecked(e);
        }
    }

    /** {@code TIOCGWINSZ} as {columns, rows}. */
    public static int[] windowSize(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment ws = arena.allocate(WINSIZE_BYTES);
            if ((int) IOCTL.invokeExact(state, fd, TIOCGWINSZ, ws) < 0) {
                throw new PosixException("ioctl TIOCGWINSZ", Native.errno(state));
            }
            return new int[] {Short.toUnsignedInt(ws.get(SHORT, 2)), Short.toUnsignedInt(ws.get(SHORT, 0))};
        } catch (PosixException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unchecked(e);
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
            if ((int) IOCTL.invokeExact(state, fd, TIOCINQ, count) < 0) {
                throw new PosixException("ioctl TIOCINQ", Native.errno(state));
            }
            return count.get(INT, 0);
        } catch (PosixException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unchecked(e);
        }
    }

    /** {@code tcflush(fd, TCIFLUSH)}: discards what was received on {@code fd} but not read. */
    public static void flushInput(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            if ((int) TCFLUSH.invokeExact(state, fd, TCIFLUSH) < 0) {
                throw new PosixException("tcflush TCIFLUSH", Native.errno(state));
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unchecked(e);
        }
    }
}
