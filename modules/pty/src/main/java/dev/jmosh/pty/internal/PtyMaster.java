package dev.jmosh.pty.internal;

import static dev.jmosh.pty.internal.ValueLayouts.ADDRESS;
import static dev.jmosh.pty.internal.ValueLayouts.INT;
import static dev.jmosh.pty.internal.ValueLayouts.LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * A new pty pair: {@code posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)}, {@code grantpt},
 * {@code unlockpt}, {@code ptsname_r}; then {@code IUTF8} and the window size are set and the
 * master is made non-blocking (reads and writes wait in {@code poll}, which an eventfd can wake).
 *
 * @param fd the master's file descriptor
 * @param slavePath the slave's path, e.g. {@code /dev/pts/3}, which the child opens itself
 */
public record PtyMaster(int fd, String slavePath) {
    private static final MethodHandle POSIX_OPENPT = Native.downcall("posix_openpt",
            FunctionDescriptor.of(INT, INT), Native.ERRNO);
    private static final MethodHandle GRANTPT = Native.downcall("grantpt",
            FunctionDescriptor.of(INT, INT), Native.ERRNO);
    private static final MethodHandle UNLOCKPT = Native.downcall("unlockpt",
            FunctionDescriptor.of(INT, INT), Native.ERRNO);
    /** Returns the error number; it does not set errno. */
    private static final MethodHandle PTSNAME_R = Native.downcall("ptsname_r",
            FunctionDescriptor.of(INT, INT, ADDRESS, LONG));
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
            int fd = (int) POSIX_OPENPT.invokeExact(state, Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC);
            if (fd < 0) {
                throw new PosixException("posix_openpt", Native.errno(state));
            }
            return fd;
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    private static String unlock(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            if ((int) GRANTPT.invokeExact(state, fd) < 0) {
                throw new PosixException("grantpt", Native.errno(state));
            }
            if ((int) UNLOCKPT.invokeExact(state, fd) < 0) {
                throw new PosixException("unlockpt", Native.errno(state));
            }
            MemorySegment name = arena.allocate(PATH_BYTES);
            int err = (int) PTSNAME_R.invokeExact(fd, name, (long) PATH_BYTES);
            if (err != 0) {
                throw new PosixException("ptsname_r", err);
            }
            return name.getString(0);
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }
}
