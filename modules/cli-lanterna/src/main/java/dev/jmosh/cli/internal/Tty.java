package dev.jmosh.cli.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The user's terminal device through the Foreign Function and Memory API (glibc, Linux): is it a
 * tty, its termios settings (saved, made raw as {@code cfmakeraw} plus {@code IUTF8}, restored),
 * its window size, and stopping the process group for Ctrl-Z. The calls go through
 * {@link Native#call}.
 */
public final class Tty {
    /** {@code sizeof(struct termios)} on glibc. */
    private static final int TERMIOS_BYTES = 60;
    private static final int IUTF8 = 0x4000;
    private static final int TCSANOW = 0;
    private static final long TIOCGWINSZ = 0x5413;
    private static final int SIGSTOP = 19;

    private static final MemorySegment ISATTY = Native.function("isatty");
    private static final MemorySegment TCGETATTR = Native.function("tcgetattr");
    private static final MemorySegment TCSETATTR = Native.function("tcsetattr");
    /** {@code void cfmakeraw(struct termios *)}. */
    private static final MemorySegment CFMAKERAW = Native.function("cfmakeraw");
    /** Variadic: {@code int ioctl(int fd, unsigned long request, ...)}, here a pointer. */
    private static final MemorySegment IOCTL = Native.function("ioctl");
    /** {@code char *strerror(int errnum)}. */
    private static final MemorySegment STRERROR = Native.function("strerror");
    private static final MemorySegment KILL = Native.function("kill");

    private final int fd;
    private byte[] saved;

    /** The terminal on file descriptor {@code fd} (mosh uses 0, standard input). */
    public Tty(int fd) {
        this.fd = fd;
    }

    /** Whether {@code fd} is a terminal. */
    public static boolean isatty(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) Native.call(ISATTY, Native.errnoState(arena), fd) == 1;
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
            MemorySegment state = Native.errnoState(arena);
            int rc = (int) Native.call(TCGETATTR, state, fd, Native.address(t));
            if (rc < 0) {
                throw new TtyException("tcgetattr: " + strerror(Native.errno(state)));
            }
            saved = t.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
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
            Native.call(CFMAKERAW, Native.errnoState(arena), Native.address(t));
            apply(arena, t);
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
        MemorySegment state = Native.errnoState(arena);
        int rc = (int) Native.call(TCSETATTR, state, fd, TCSANOW, Native.address(t));
        if (rc < 0) {
            throw new TtyException("tcsetattr: " + strerror(Native.errno(state)));
        }
    }

    /** The window size as {columns, rows}. */
    public int[] windowSize() throws TtyException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ws = arena.allocate(8);
            MemorySegment state = Native.errnoState(arena);
            int rc = (int) Native.call(IOCTL, state, fd, TIOCGWINSZ, Native.address(ws));
            if (rc < 0) {
                throw new TtyException("ioctl TIOCGWINSZ: " + strerror(Native.errno(state)));
            }
            int rows = Short.toUnsignedInt(ws.get(JAVA_SHORT, 0));
            int cols = Short.toUnsignedInt(ws.get(JAVA_SHORT, 2));
            return new int[] {cols, rows};
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
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = (int) Native.call(KILL, Native.errnoState(arena), 0, SIGSTOP);
        }
        if (rc < 0) { // wrapped twice, as it always was (the client reports it as "Error: " + e)
            throw new IllegalStateException(new IllegalStateException("kill(0, SIGSTOP) failed"));
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
    @SuppressWarnings("restricted")
    static String strerror(int errno) {
        try (Arena arena = Arena.ofConfined()) {
            long s = Native.call(STRERROR, Native.errnoState(arena), errno);
            return MemorySegment.ofAddress(s).reinterpret(1024).getString(0);
        } catch (RuntimeException e) {
            return "errno " + errno;
        }
    }
}
