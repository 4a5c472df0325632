package dev.jmosh.pty.internal;

import static dev.jmosh.pty.internal.ValueLayouts.INT;
import static dev.jmosh.pty.internal.ValueLayouts.SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One descriptor and the gate's eventfd in a {@code poll} set: waits until the descriptor is
 * ready (or in error or hung up) or until the gate closes.
 *
 * <pre>
 * struct pollfd (8 bytes): +0 int fd, +4 short events, +6 short revents
 * </pre>
 */
final class Poller {
    private static final long REVENTS = 6;
    private final MemorySegment fds;
    private final MemorySegment state;

    /**
     * @param arena where the {@code pollfd} array lives; confined to the polling thread or not
     * @param fd the descriptor to wait on
     * @param events {@code POLLIN} or {@code POLLOUT}
     * @param wakeFd the gate's eventfd
     */
    Poller(Arena arena, int fd, short events, int wakeFd) {
        fds = arena.allocate(2L * Libc.POLLFD_BYTES, 8);
        state = Native.errnoState(arena);
        fds.set(INT, 0, fd);
        fds.set(SHORT, 4, events);
        fds.set(INT, Libc.POLLFD_BYTES, wakeFd);
        fds.set(SHORT, Libc.POLLFD_BYTES + 4L, Libc.POLLIN);
    }

    /**
     * Blocks until the descriptor is ready or the gate's eventfd fires.
     *
     * @return true if the descriptor is ready, false if the gate is closing
     */
    boolean await() throws PosixException {
        while (true) {
            fds.set(SHORT, REVENTS, (short) 0);
            fds.set(SHORT, Libc.POLLFD_BYTES + REVENTS, (short) 0);
            int rc = Libc.poll(state, fds, 2, -1);
            if (rc < 0) {
                int errno = Native.errno(state);
                if (errno == Libc.EINTR) {
                    continue;
                }
                throw new PosixException("poll", errno);
            }
            if (fds.get(SHORT, Libc.POLLFD_BYTES + REVENTS) != 0) {
                return false;
            }
            if (fds.get(SHORT, REVENTS) != 0) {
                return true;
            }
        }
    }
}
