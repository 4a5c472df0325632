package dev.jmosh.pty.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One {@code epoll} set and one platform thread for the whole process, where virtual threads
 * wait for descriptors the JDK cannot wait for (a pty master, a pidfd): the waiter registers its
 * descriptor for one event ({@code EPOLLONESHOT}) and parks, and the poller thread unparks it.
 * A per-user server's sessions thus share one thread for every terminal instead of keeping a
 * reader, a writer and a reaper thread each. A platform thread that waits here parks as well;
 * the pty's own threads keep their {@code poll} ({@link Poller}), one thread hop cheaper.
 *
 * <p>A wait guarded by an {@link IoGate} also ends when the gate closes: the gate wakes its
 * waiters, which leave the {@code epoll} set before they leave the gate, so a descriptor is
 * never closed while registered here by a wait.
 */
public final class SharedPoller {
    private static final int MAX_EVENTS = 64;
    private static final int WAITING = 0;
    private static final int READY = 1;
    private static final int CLOSED = 2;
    private static volatile SharedPoller instance;

    private final int epfd;
    private final Map<Long, Waiter> waiters = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    private SharedPoller(int epfd) {
        this.epfd = epfd;
    }

    /** The process's poller, started on first use. */
    public static SharedPoller get() throws PosixException {
        SharedPoller p = instance;
        if (p == null) {
            synchronized (SharedPoller.class) {
                p = instance;
                if (p == null) {
                    p = new SharedPoller(Libc.epollCreate());
                    Thread.ofPlatform().name("jmosh-pty-poller").daemon().start(p::run);
                    instance = p;
                }
            }
        }
        return p;
    }

    /** A parked thread and why it was woken. */
    static final class Waiter {
        private final Thread thread = Thread.currentThread();
        private final AtomicInteger state = new AtomicInteger(WAITING);

        /** Wakes the thread once: by readiness or by its gate closing. */
        void wake(boolean ready) {
            if (state.compareAndSet(WAITING, ready ? READY : CLOSED)) {
                LockSupport.unpark(thread);
            }
        }
    }

    /**
     * Blocks (parks) until {@code fd} is ready for {@code events} ({@code POLLIN} or {@code
     * POLLOUT}; an error or hang-up counts as ready) or {@code gate}, if any, closes. The caller
     * is inside {@code gate}, so {@code fd} stays open meanwhile.
     *
     * @return true if ready, false if the gate closed
     */
    public boolean await(int fd, int events, IoGate gate) throws PosixException {
        long key = keys.incrementAndGet();
        Waiter w = new Waiter();
        waiters.put(key, w);
        if (gate != null) {
            gate.addWaiter(w);
        }
        try {
            if (gate != null && gate.isClosed()) {
                return false;
            }
            Libc.epollCtl(epfd, Libc.EPOLL_CTL_ADD, fd, events | Libc.EPOLLONESHOT, key);
            try {
                while (w.state.get() == WAITING) {
                    LockSupport.park(this);
                }
            } finally {
                try {
                    Libc.epollCtl(epfd, Libc.EPOLL_CTL_DEL, fd, 0, 0);
                } catch (PosixException e) {
                    // not registered any more: nothing to undo
                }
            }
            return w.state.get() == READY;
        } finally {
            waiters.remove(key);
            if (gate != null) {
                gate.removeWaiter(w);
            }
        }
    }

    private void run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment events = arena.allocate((long) MAX_EVENTS * Libc.EPOLL_EVENT_BYTES, 8);
            MemorySegment state = Native.errnoState(arena);
            while (true) {
                int n = Libc.epollWait(state, epfd, events, MAX_EVENTS, -1);
                if (n < 0) {
                    if (Native.errno(state) == Libc.EINTR) {
                        continue;
                    }
                    break; // cannot happen on a descriptor this class owns; waiters would hang
                }
                for (int i = 0; i < n; i++) {
                    long key = events.get(ValueLayout.JAVA_LONG_UNALIGNED,
                            (long) i * Libc.EPOLL_EVENT_BYTES + Libc.EPOLL_EVENT_DATA);
                    Waiter w = waiters.get(key);
                    if (w != null) {
                        w.wake(true);
                    }
                }
            }
        }
    }
}
