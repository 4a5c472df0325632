package dev.jmosh.pty.internal;

import static dev.jmosh.pty.internal.ValueLayouts.ADDRESS;
import static dev.jmosh.pty.internal.ValueLayouts.INT;
import static dev.jmosh.pty.internal.ValueLayouts.LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * File descriptor and process calls of glibc (Linux x86_64): {@code open}, {@code close},
 * {@code dup2}, {@code fcntl}, {@code isatty}, {@code eventfd}, {@code read}, {@code write},
 * {@code poll}, {@code kill}, {@code waitid}, {@code waitpid}.
 *
 * <p>The hot calls ({@code read}, {@code write}, {@code poll}) take the {@code errno} capture
 * segment and return the raw result, so a loop can allocate once; the others allocate their own
 * and throw {@link PosixException}.
 */
public final class Libc {
    /** {@code O_RDWR}. */
    public static final int O_RDWR = 02;
    /** {@code O_NOCTTY}: opening a terminal does not make it the controlling terminal. */
    public static final int O_NOCTTY = 0400;
    /** {@code O_NONBLOCK}. */
    public static final int O_NONBLOCK = 04000;
    /** {@code O_CLOEXEC}; also {@code EFD_CLOEXEC}. */
    public static final int O_CLOEXEC = 02000000;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;

    /** {@code POLLIN}. */
    public static final short POLLIN = 0x1;
    /** {@code POLLOUT}. */
    public static final short POLLOUT = 0x4;
    /** {@code sizeof(struct pollfd)}: {@code int fd; short events; short revents;}. */
    public static final int POLLFD_BYTES = 8;

    /** {@code ESRCH}: no such process. */
    public static final int ESRCH = 3;
    /** {@code EINTR}: interrupted by a signal. */
    public static final int EINTR = 4;
    /** {@code EIO}: on a pty master, the slave side is closed by everyone. */
    public static final int EIO = 5;
    /** {@code ECHILD}: not our child (or already reaped). */
    public static final int ECHILD = 10;
    /** {@code EAGAIN}: a non-blocking descriptor is not ready. */
    public static final int EAGAIN = 11;
    /** {@code EINVAL}: invalid argument. */
    public static final int EINVAL = 22;

    private static final int P_PID = 1;
    private static final int WEXITED = 4;
    private static final int WNOWAIT = 0x01000000;
    /** {@code sizeof(siginfo_t)}. */
    private static final int SIGINFO_BYTES = 128;

    private static final MethodHandle OPEN = Native.downcall("open",
            FunctionDescriptor.of(INT, ADDRESS, INT, INT), Native.ERRNO, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = Native.downcall("close", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle DUP2 = Native.downcall("dup2",
            FunctionDescriptor.of(INT, INT, INT), Native.ERRNO);
    private static final MethodHandle FCNTL = Native.downcall("fcntl",
            FunctionDescriptor.of(INT, INT, INT, INT), Native.ERRNO, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle ISATTY = Native.downcall("isatty", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle EVENTFD = Native.downcall("eventfd",
            FunctionDescriptor.of(INT, INT, INT), Native.ERRNO);
    private static final MethodHandle READ = Native.downcall("read",
            FunctionDescriptor.of(LONG, INT, ADDRESS, LONG), Native.ERRNO);
    private static final MethodHandle WRITE = Native.downcall("write",
            FunctionDescriptor.of(LONG, INT, ADDRESS, LONG), Native.ERRNO);
    private static final MethodHandle POLL = Native.downcall("poll",
            FunctionDescriptor.of(INT, ADDRESS, LONG, INT), Native.ERRNO);
    private static final MethodHandle KILL = Native.downcall("kill",
            FunctionDescriptor.of(INT, INT, INT), Native.ERRNO);
    private static final MethodHandle WAITID = Native.downcall("waitid",
            FunctionDescriptor.of(INT, INT, INT, ADDRESS, INT), Native.ERRNO);
    private static final MethodHandle WAITPID = Native.downcall("waitpid",
            FunctionDescriptor.of(INT, INT, ADDRESS, INT), Native.ERRNO);

    private Libc() {
    }

    /** {@code open(path, flags)}; throws "open PATH: strerror". */
    public static int open(String path, int flags) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path), flags, 0);
            if (fd < 0) {
                throw new PosixException("open " + path, Native.errno(state));
            }
            return fd;
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /** {@code close(fd)}, errors ignored (Linux frees the descriptor even when close fails). */
    public static void close(int fd) {
        try {
            int _ = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /** {@code dup2(from, to)}. */
    public static void dup2(int from, int to) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int rc;
            do {
                rc = (int) DUP2.invokeExact(state, from, to);
            } while (rc < 0 && Native.errno(state) == EINTR);
            if (rc < 0) {
                throw new PosixException("dup2(" + from + ", " + to + ")", Native.errno(state));
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /** Sets {@code O_NONBLOCK} on an open file description ({@code fcntl F_GETFL, F_SETFL}). */
    public static void setNonBlocking(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int flags = (int) FCNTL.invokeExact(state, fd, F_GETFL, 0);
            if (flags < 0 || (int) FCNTL.invokeExact(state, fd, F_SETFL, flags | O_NONBLOCK) < 0) {
                throw new PosixException("fcntl O_NONBLOCK", Native.errno(state));
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /** {@code isatty(fd) == 1}. */
    public static boolean isatty(int fd) {
        try {
            return (int) ISATTY.invokeExact(fd) == 1;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /** {@code eventfd(0, EFD_CLOEXEC)}: a counter that wakes {@code poll} once written. */
    public static int eventfd() throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int fd = (int) EVENTFD.invokeExact(state, 0, O_CLOEXEC);
            if (fd < 0) {
                throw new PosixException("eventfd", Native.errno(state));
            }
            return fd;
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /** Raw {@code read(fd, buf, count)}; {@code errno} lands in {@code state}. */
    public static long read(MemorySegment state, int fd, MemorySegment buf, long count) {
        try {
            return (long) READ.invokeExact(state, fd, buf, count);
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /** Raw {@code write(fd, buf, count)}; {@code errno} lands in {@code state}. */
    public static long write(MemorySegment state, int fd, MemorySegment buf, long count) {
        try {
            return (long) WRITE.invokeExact(state, fd, buf, count);
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /** Raw {@code poll(fds, nfds, timeoutMillis)}; {@code errno} lands in {@code state}. */
    public static int poll(MemorySegment state, MemorySegment fds, long nfds, int timeoutMillis) {
        try {
            return (int) POLL.invokeExact(state, fds, nfds, timeoutMillis);
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /** {@code kill(pid, signal)}: a negative {@code pid} names a process group. */
    public static void kill(int pid, int signal) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            if ((int) KILL.invokeExact(state, pid, signal) < 0) {
                throw new PosixException("kill(" + pid + ", " + signal + ")", Native.errno(state));
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /**
     * Blocks until child {@code pid} has exited, without reaping it:
     * {@code waitid(P_PID, pid, &info, WEXITED | WNOWAIT)}, retried on {@code EINTR}.
     */
    public static void awaitExit(int pid) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment info = arena.allocate(SIGINFO_BYTES);
            int rc;
            do {
                rc = (int) WAITID.invokeExact(state, P_PID, pid, info, WEXITED | WNOWAIT);
            } while (rc < 0 && Native.errno(state) == EINTR);
            if (rc < 0) {
                throw new PosixException("waitid " + pid, Native.errno(state));
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    /** Reaps child {@code pid}: {@code waitpid(pid, &status, 0)}; returns the raw wait status. */
    public static int reap(int pid) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment status = arena.allocate(INT);
            int rc;
            do {
                rc = (int) WAITPID.invokeExact(state, pid, status, 0);
            } while (rc < 0 && Native.errno(state) == EINTR);
            if (rc < 0) {
                throw new PosixException("waitpid " + pid, Native.errno(state));
            }
            return status.get(INT, 0);
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }
}
