package dev.jmosh.pty.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A new pty pair: {@code posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)}, {@code grantpt},
 * {@code unlockpt}, {@code ptsname_r}; then {@code IUTF8} and the window size are set and the
 * master is made non-blocking (reads and writes wait in {@code poll}, which an eventfd can wake).
 *
 * @param fd the master's file descriptor
 * @param slavePath the slave's path, e.g. {@code /dev/pts/3}, which the child opens itself
 */
public record PtyMaster(int fd, String slavePath) {
    private static final MemorySegment POSIX_OPENPT = Native.function("posix_openpt");
    private static final MemorySegment GRANTPT = Native.function("grantpt");
    private static final MemorySegment UNLOCKPT = Native.function("unlockpt");
    /** {@code int ptsname_r(int fd, char *buf, size_t buflen)}: returns the error number. */
    private static final MemorySegment PTSNAME_R = Native.function("ptsname_r");
    private static final int PATH_BYTES = 128;

    /** Opens a master, sized {@code columns x rows}, with {@code IUTF8} set. */
    public static PtyMaster open(int columns, int rows) throws PosixException {
        int fd = openpt();
        try {
            String path = unlock(fd);
            Termios.setIutf8(fd);
            Termios.setWindowSize(fd, columns, rows);
            Libc.setNonBlocking(fd);
            return new PtyMaster(fd, path);
        } catch (PosixException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    private static int openpt() throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int fd = (int) Native.call(POSIX_OPENPT, state, Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC);
            if (fd < 0) {
                throw new PosixException("posix_openpt", Native.errno(state));
            }
            return fd;
        }
    }

    private static String unlock(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            if ((int) Native.call(GRANTPT, state, fd) < 0) {
                throw new PosixException("grantpt", Native.errno(state));
            }
            if ((int) Native.call(UNLOCKPT, state, fd) < 0) {
                throw new PosixException("unlockpt", Native.errno(state));
            }
            MemorySegment name = arena.allocate(PATH_BYTES);
            int err = (int) Native.call(PTSNAME_R, state, fd, Native.address(name), PATH_BYTES);
            if (err != 0) {
                throw new PosixException("ptsname_r", err);
            }
            return name.getString(0);
        }
    }
}
