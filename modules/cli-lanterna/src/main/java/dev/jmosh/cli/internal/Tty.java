package dev.jmosh.cli.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The user's terminal device through the Foreign Function and Memory API (glibc, Linux): is it a
 * tty, its termios settings (saved, made raw as {@code cfmakeraw} plus {@code IUTF8}, restored),
 * its window size, and stopping the process group for Ctrl-Z.
 */
public final class Tty {
    /** {@code sizeof(struct termios)} on glibc. */
    private static final int TERMIOS_BYTES = 60;
    private static final int IUTF8 = 0x4000;
    private static final int TCSANOW = 0;
    private static final long TIOCGWINSZ = 0x5413;
    private static final int SIGSTOP = 19;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");

    private static final MethodHandle ISATTY = handle("isatty", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle TCGETATTR = handle("tcgetattr",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), ERRNO_OPT);
    private static final MethodHandle TCSETATTR = handle("tcsetattr",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), ERRNO_OPT);
    private static final MethodHandle CFMAKERAW = handle("cfmakeraw", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle IOCTL = handle("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
            ERRNO_OPT, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle STRERROR = handle("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final MethodHandle KILL = handle("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));

    private final int fd;
    private byte[] saved;

    /** The terminal on file descriptor {@code fd} (mosh uses 0, standard input). */
    public Tty(int fd) {
        this.fd = fd;
    }

    private static MethodHandle handle(String name, FunctionDescriptor fd, Linker.Option... options) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(
                () -> new IllegalStateException("libc has no " + name)), fd, options);
    }

    /** Whether {@code fd} is a terminal. */
    public static boolean isatty(int fd) {
        try {
            return (int) ISATTY.invokeExact(fd) == 1;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Saves the current settings.
     *
     * @throws TtyException "tcgetattr: Inappropriate ioctl for device" when not a terminal
     */
    public void save() throws TtyException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment t = arena.allocate(TERMIOS_BYTES);
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) TCGETATTR.invokeExact(state, fd, t);
            if (rc < 0) {
                throw new TtyException("tcgetattr: " + strerror((int) ERRNO.get(state, 0L)));
            }
            saved = t.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        } catch (TtyException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Puts the terminal in raw mode ({@code cfmakeraw} with {@code IUTF8}) based on the saved settings. */
    public void makeRaw() throws TtyException {
        if (saved == null) {
            save();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment t = arena.allocate(TERMIOS_BYTES);
            MemorySegment.copy(saved, 0, t, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, TERMIOS_BYTES);
            t.set(JAVA_INT, 0, t.get(JAVA_INT, 0) | IUTF8);
            CFMAKERAW.invokeExact(t);
            apply(arena, t);
        } catch (TtyException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Restores the saved settings, if any were saved. */
    public void restore() throws TtyException {
        if (saved == null) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment t = arena.allocate(TERMIOS_BYTES);
            MemorySegment.copy(saved, 0, t, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, TERMIOS_BYTES);
            apply(arena, t);
        }
    }

    private void apply(Arena arena, MemorySegment t) throws TtyException {
        MemorySegment state = arena.allocate(CAPTURE);
        int rc;
        try {
            rc = (int) TCSETATTR.invokeExact(state, fd, TCSANOW, t);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (rc < 0) {
            throw new TtyException("tcsetattr: " + strerror((int) ERRNO.get(state, 0L)));
        }
    }

    /** The window size as {columns, rows}. */
    public int[] windowSize() throws TtyException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ws = arena.allocate(8);
            MemorySegment state = arena.allocate(CAPTURE);
            int rc = (int) IOCTL.invokeExact(state, fd, TIOCGWINSZ, ws);
            if (rc < 0) {
                throw new TtyException("ioctl TIOCGWINSZ: " + strerror((int) ERRNO.get(state, 0L)));
            }
            int rows = Short.toUnsignedInt(ws.get(JAVA_SHORT, 0));
            int cols = Short.toUnsignedInt(ws.get(JAVA_SHORT, 2));
            return new int[] {cols, rows};
        } catch (TtyException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops this process group as mosh does ({@code kill(0, SIGSTOP)}; the shell's job control
     * continues it with SIGCONT) and returns once the stop has taken hold of this process.
     *
     * <p>In a single-threaded mosh-client the stop happens before {@code kill} returns. In the
     * JVM the kernel hands a process-wide signal to the main thread, which may run only later,
     * so the caller would go on (and take the terminal back) before the stop: this waits until
     * the signal has left the process's pending set ({@code ShdPnd} in /proc/self/status), as it
     * does when the stop begins (or when a SIGCONT cancels it), at most {@link #STOP_WAIT_MS}.
     */
    public static void stopProcessGroup() {
        try {
            int rc = (int) KILL.invokeExact(0, SIGSTOP);
            if (rc < 0) {
                throw new IllegalStateException("kill(0, SIGSTOP) failed");
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        long end = System.nanoTime() + STOP_WAIT_MS * 1_000_000L;
        while (stopPending() && System.nanoTime() < end) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** At most this long (ms) for the kernel to begin a stop this process asked for. */
    static final long STOP_WAIT_MS = 2_000;

    private static boolean stopPending() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("ShdPnd:")) {
                    long pending = Long.parseUnsignedLong(line.substring("ShdPnd:".length()).trim(), 16);
                    return (pending & (1L << (SIGSTOP - 1))) != 0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // no /proc: nothing to wait for
        }
        return false;
    }

    /** The C library's text for an errno value. */
    static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.reinterpret(1024).getString(0);
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }
}
