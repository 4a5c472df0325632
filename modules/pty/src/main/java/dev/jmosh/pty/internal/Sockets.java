package dev.jmosh.pty.internal;

import static dev.jmosh.pty.internal.ValueLayouts.INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Unix-domain stream socket calls of glibc (Linux): {@code socket}, {@code bind}, {@code listen},
 * {@code accept4}, {@code getsockopt(SO_PEERCRED)}, {@code setsockopt(SO_RCVTIMEO, SO_SNDTIMEO)},
 * {@code shutdown}. Each throws {@link PosixException} with the call's name and {@code strerror}.
 */
public final class Sockets {
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = Libc.O_CLOEXEC;
    private static final int SOL_SOCKET = 1;
    private static final int SO_PEERCRED = 17;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_SNDTIMEO = 21;
    private static final int SHUT_RDWR = 2;
    private static final int ENAMETOOLONG = 36;
    /** {@code sizeof(struct sockaddr_un)}: {@code sa_family_t sun_family; char sun_path[108];}. */
    private static final int SOCKADDR_UN_BYTES = 110;
    /** The longest path {@code sun_path} holds with its NUL, in bytes. */
    public static final int MAX_PATH_BYTES = 107;
    /** {@code sizeof(struct ucred)}: {@code pid_t pid; uid_t uid; gid_t gid;}. */
    private static final int UCRED_BYTES = 12;
    /** {@code sizeof(struct timeval)} on a 64-bit system. */
    private static final int TIMEVAL_BYTES = 16;

    private static final MemorySegment SOCKET = Native.function("socket");
    private static final MemorySegment BIND = Native.function("bind");
    private static final MemorySegment LISTEN = Native.function("listen");
    private static final MemorySegment ACCEPT4 = Native.function("accept4");
    private static final MemorySegment GETSOCKOPT = Native.function("getsockopt");
    private static final MemorySegment SETSOCKOPT = Native.function("setsockopt");
    private static final MemorySegment SHUTDOWN = Native.function("shutdown");

    private Sockets() {
    }

    /** A peer's credentials as the kernel recorded them when it connected. */
    public record Credentials(long pid, int uid, int gid) {
    }

    /** A listening socket bound to {@code path} (which must not exist), with a backlog of {@code backlog}. */
    public static int listen(String path, int backlog) throws PosixException {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        if (name.length > MAX_PATH_BYTES) {
            throw new PosixException("bind " + path, ENAMETOOLONG);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            int fd = (int) Native.call(SOCKET, state, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw new PosixException("socket", Native.errno(state));
            }
            MemorySegment addr = arena.allocate(SOCKADDR_UN_BYTES);
            addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(name, 0, addr, ValueLayout.JAVA_BYTE, 2, name.length);
            if ((int) Native.call(BIND, state, fd, Native.address(addr), SOCKADDR_UN_BYTES) < 0) {
                int errno = Native.errno(state);
                Libc.close(fd);
                throw new PosixException("bind " + path, errno);
            }
            if ((int) Native.call(LISTEN, state, fd, backlog) < 0) {
                int errno = Native.errno(state);
                Libc.close(fd);
                throw new PosixException("listen " + path, errno);
            }
            return fd;
        }
    }

    /** The next connection on listening socket {@code fd} (blocks; close-on-exec). */
    public static int accept(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            while (true) {
                int c = (int) Native.call(ACCEPT4, state, fd, 0, 0, SOCK_CLOEXEC);
                if (c >= 0) {
                    return c;
                }
                if (Native.errno(state) != Libc.EINTR) {
                    throw new PosixException("accept", Native.errno(state));
                }
            }
        }
    }

    /** {@code SO_PEERCRED} of connected socket {@code fd}. */
    public static Credentials peer(int fd) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment cred = arena.allocate(UCRED_BYTES);
            MemorySegment len = arena.allocate(INT);
            len.set(INT, 0, UCRED_BYTES);
            if ((int) Native.call(GETSOCKOPT, state, fd, SOL_SOCKET, SO_PEERCRED, Native.address(cred),
                    Native.address(len), 0) < 0) {
                throw new PosixException("getsockopt(SO_PEERCRED)", Native.errno(state));
            }
            return new Credentials(cred.get(INT, 0), cred.get(INT, 4), cred.get(INT, 8));
        }
    }

    /** Makes a read or write on {@code fd} that waits longer than {@code millis} fail with EAGAIN. */
    public static void timeouts(int fd, long millis) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment tv = arena.allocate(TIMEVAL_BYTES);
            tv.set(ValueLayout.JAVA_LONG, 0, millis / 1000);
            tv.set(ValueLayout.JAVA_LONG, 8, (millis % 1000) * 1000);
            for (int option : new int[] {SO_RCVTIMEO, SO_SNDTIMEO}) {
                if ((int) Native.call(SETSOCKOPT, state, fd, SOL_SOCKET, option, Native.address(tv), TIMEVAL_BYTES, 0) < 0) {
                    throw new PosixException("setsockopt", Native.errno(state));
                }
            }
        }
    }

    /** {@code shutdown(fd, SHUT_RDWR)}, errors ignored: wakes a thread blocked in {@link #accept} on Linux. */
    public static void shutdown(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            Native.call(SHUTDOWN, Native.errnoState(arena), fd, SHUT_RDWR);
        }
    }
}
