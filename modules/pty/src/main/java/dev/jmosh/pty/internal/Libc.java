package dev.jmosh.pty.internal;

import static dev.jmosh.pty.internal.ValueLayouts.INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;

/**
 * File descriptor and process calls of glibc (Linux x86_64): {@code open}, {@code close},
 * {@code dup2}, {@code fcntl}, {@code isatty}, {@code eventfd}, {@code read}, {@code write},
 * {@code poll}, {@code kill}, {@code waitid}, {@code waitpid}, {@code epoll_create1},
 * {@code epoll_ctl}, {@code epoll_wait}, {@code pidfd_open}.
 *
 * <p>The hot calls ({@code read}, {@code write}, {@code poll}) take the {@code errno} capture
 * segment and return the raw result, so a loop can allocate once; the others allocate their own
 * and throw {@link PosixException}. All are called through {@link Native#call}.
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
    private static final int F_DUPFD_CLOEXEC = 1030;

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

    /** Variadic: {@code int open(const char *path, int flags, ...)}. */
    private static final MemorySegment OPEN = Native.function("open");
    private static final MemorySegment CLOSE = Native.function("close");
    private static final MemorySegment DUP2 = Native.function("dup2");
    /** Variadic: {@code int fcntl(int fd, int cmd, ...)}. */
    private static final MemorySegment FCNTL = Native.function("fcntl");
    private static final MemorySegment ISATTY = Native.function("isatty");
    private static final MemorySegment EVENTFD = Native.function("eventfd");
    private static final MemorySegment READ = Native.function("read");
    private static final MemorySegment WRITE = Native.function("write");
    private static final MemorySegment POLL = Native.function("poll");
    private static final MemorySegment KILL = Native.function("kill");
    private static final MemorySegment WAITID = Native.function("waitid");
    private static final MemorySegment WAITPID = Native.function("waitpid");
    private static final MemorySegment EPOLL_CREATE1 = Native.function("epoll_create1");
    private static final MemorySegment EPOLL_CTL = Native.function("epoll_ctl");
    private static final MemorySegment EPOLL_WAIT = Native.function("epoll_wait");
    /** Optional: where it is missing, children are waited for by a platform thread each. */
    private static final java.util.Optional<MemorySegment> PIDFD_OPEN = Native.optionalFunction("pidfd_open");

    /** {@code EPOLL_CTL_ADD}. */
    public static final int EPOLL_CTL_ADD = 1;
    /** {@code EPOLL_CTL_DEL}. */
    public static final int EPOLL_CTL_DEL = 2;
    /** {@code EPOLLONESHOT}: the registration is disabled after one event. */
    public static final int EPOLLONESHOT = 1 << 30;
    /**
     * {@code sizeof(struct epoll_event)}: {@code uint32_t events; uint64_t data;}, packed on
     * x86_64 (12 bytes), naturally aligned elsewhere (16).
     */
    public static final int EPOLL_EVENT_BYTES = "amd64".equals(System.getProperty("os.arch")) ? 12 : 16;
    /** Offset of {@code data} in {@code struct epoll_event}. */
    public static final int EPOLL_EVENT_DATA = EPOLL_EVENT_BYTES - 8;

    private Libc() {
    }

    /** {@code open(path, flags)}; throws "open PATH: strerror". */
    public static int open(String path, int flags) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int fd = (int) Native.call(OPEN, state, Native.address(arena.allocateFrom(path)), flags);
            if (fd < 0) {
                throw new PosixException("open " + path, Native.errno(state));
            }
            return fd;
        }
    }

    /** {@code close(fd)}, errors ignored (Linux frees the descriptor even when close fails). */
    public static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            Native.call(CLOSE, Native.errnoState(arena), fd);
        }
    }

    /** {@code dup2(from, to)}. */
    public static void dup2(int from, int to) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int rc;
            do {
                rc = (int) Native.call(DUP2, state, from, to);
            } while (rc < 0 && Native.errno(state) == EINTR);
            if (rc < 0) {
                throw new PosixException("dup2(" + from + ", " + to + ")", Native.errno(state));
            }
        }
    }

    /** {@code fcntl(fd, F_DUPFD_CLOEXEC, 0)}: a second descriptor for the same open file. */
    public static int dup(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int copy = (int) Native.call(FCNTL, state, fd, F_DUPFD_CLOEXEC, 0);
            if (copy < 0) {
                throw new PosixException("fcntl F_DUPFD_CLOEXEC", Native.errno(state));
            }
            return copy;
        }
    }

    /** Sets {@code O_NONBLOCK} on an open file description ({@code fcntl F_GETFL, F_SETFL}). */
    public static void setNonBlocking(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int flags = (int) Native.call(FCNTL, state, fd, F_GETFL, 0);
            if (flags < 0 || (int) Native.call(FCNTL, state, fd, F_SETFL, flags | O_NONBLOCK) < 0) {
                throw new PosixException("fcntl O_NONBLOCK", Native.errno(state));
            }
        }
    }

    /** {@code isatty(fd) == 1}. */
    public static boolean isatty(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) Native.call(ISATTY, Native.errnoState(arena), fd) == 1;
        }
    }

    /** {@code eventfd(0, EFD_CLOEXEC)}: a counter that wakes {@code poll} once written. */
    public static int eventfd() throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int fd = (int) Native.call(EVENTFD, state, 0, O_CLOEXEC);
            if (fd < 0) {
                throw new PosixException("eventfd", Native.errno(state));
            }
            return fd;
        }
    }

    /**
     * Raw {@code read(fd, buf, count)}; {@code errno} lands in {@code state}. {@code buf} may be
     * of an automatic arena: it is kept reachable until the call returns.
     */
    public static long read(MemorySegment state, int fd, MemorySegment buf, long count) {
        try {
            return Native.call(READ, state, fd, Native.address(buf), count);
        } finally {
            Reference.reachabilityFence(buf);
        }
    }

    /** Raw {@code write(fd, buf, count)}; {@code errno} lands in {@code state}; as {@link #read}. */
    public static long write(MemorySegment state, int fd, MemorySegment buf, long count) {
        try {
            return Native.call(WRITE, state, fd, Native.address(buf), count);
        } finally {
            Reference.reachabilityFence(buf);
        }
    }

    /** Raw {@code poll(fds, nfds, timeoutMillis)}; {@code errno} lands in {@code state}; as {@link #read}. */
    public static int poll(MemorySegment state, MemorySegment fds, long nfds, int timeoutMillis) {
        try {
            return (int) Native.call(POLL, state, Native.address(fds), nfds, timeoutMillis);
        } finally {
            Reference.reachabilityFence(fds);
        }
    }

    /** {@code kill(pid, signal)}: a negative {@code pid} names a process group. */
    public static void kill(int pid, int signal) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            if ((int) Native.call(KILL, state, pid, signal) < 0) {
                throw new PosixException("kill(" + pid + ", " + signal + ")", Native.errno(state));
            }
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
                rc = (int) Native.call(WAITID, state, P_PID, pid, Native.address(info), WEXITED | WNOWAIT, 0, 0);
            } while (rc < 0 && Native.errno(state) == EINTR);
            if (rc < 0) {
                throw new PosixException("waitid " + pid, Native.errno(state));
            }
        }
    }

    /** Reaps child {@code pid}: {@code waitpid(pid, &status, 0)}; returns the raw wait status. */
    public static int reap(int pid) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment status = arena.allocate(INT);
            int rc;
            do {
                rc = (int) Native.call(WAITPID, state, pid, Native.address(status), 0);
            } while (rc < 0 && Native.errno(state) == EINTR);
            if (rc < 0) {
                throw new PosixException("waitpid " + pid, Native.errno(state));
            }
            return status.get(INT, 0);
        }
    }

    /** {@code epoll_create1(EPOLL_CLOEXEC)}. */
    public static int epollCreate() throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int fd = (int) Native.call(EPOLL_CREATE1, state, O_CLOEXEC);
            if (fd < 0) {
                throw new PosixException("epoll_create1", Native.errno(state));
            }
            return fd;
        }
    }

    /** {@code epoll_ctl(epfd, op, fd, &{events, data})}. */
    public static void epollCtl(int epfd, int op, int fd, int events, long data) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment event = arena.allocate(16, 8);
            event.set(INT, 0, events);
            event.set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, EPOLL_EVENT_DATA, data);
            if ((int) Native.call(EPOLL_CTL, state, epfd, op, fd, Native.address(event)) < 0) {
                throw new PosixException("epoll_ctl", Native.errno(state));
            }
        }
    }

    /** Raw {@code epoll_wait(epfd, events, max, timeoutMillis)}; {@code errno} lands in {@code state}; as {@link #read}. */
    public static int epollWait(MemorySegment state, int epfd, MemorySegment events, int max, int timeoutMillis) {
        try {
            return (int) Native.call(EPOLL_WAIT, state, epfd, Native.address(events), max, timeoutMillis);
        } finally {
            Reference.reachabilityFence(events);
        }
    }

    /**
     * {@code pidfd_open(pid, 0)} (Linux 5.3, glibc 2.36): a descriptor that becomes readable
     * when child {@code pid} exits; -1 where the kernel or a seccomp filter refuses it.
     */
    public static int pidfdOpen(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            return PIDFD_OPEN.map(f -> (int) Native.call(f, Native.errnoState(arena), pid, 0)).filter(fd -> fd >= 0)
                    .orElse(-1);
        }
    }
}
