package dev.jmosh.pty.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Guards the master descriptor against being closed while a thread uses it (a closed number may
 * be reused at once by an unrelated open). Users {@link #enter} before a native call and
 * {@link #exit} after; every wait they make is a {@code poll} that includes {@link #wakeFd()},
 * an eventfd, or a wait in the {@link SharedPoller}. {@link #close} marks the gate closed, writes
 * the eventfd (waking every poller, about 0.4 ms) and wakes the shared poller's waiters, then
 * waits for the users to leave before it releases the descriptors.
 */
public final class IoGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int wakeFd;
    private volatile boolean closed;
    /** Threads waiting in the {@link SharedPoller} under this gate: woken by {@link #close}. */
    private final java.util.Set<SharedPoller.Waiter> waiters = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Creates the eventfd. */
    public IoGate() throws PosixException {
        this.wakeFd = Libc.eventfd();
    }

    /** The eventfd that becomes readable, and stays so, once {@link #close} has begun. */
    public int wakeFd() {
        return wakeFd;
    }

    /** Whether {@link #close} has begun. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Enters the gate.
     *
     * @return false if closed (then do not call {@link #exit})
     */
    public boolean enter() {
        lock.readLock().lock();
        if (closed) {
            lock.readLock().unlock();
            return false;
        }
        return true;
    }

    /** Leaves the gate after a successful {@link #enter}. */
    public void exit() {
        lock.readLock().unlock();
    }

    /**
     * Closes the gate: wakes the pollers, waits for every user to leave, then runs
     * {@code release} (which closes the guarded descriptors) and closes the eventfd.
     * Must not be called by a thread inside the gate.
     *
     * @return false if the gate was already closed (nothing done)
     */
    public boolean close(Runnable release) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
        }
        wake();
        lock.writeLock().lock();
        try {
            release.run();
        } finally {
            Libc.close(wakeFd);
            lock.writeLock().unlock();
        }
        return true;
    }

    void addWaiter(SharedPoller.Waiter w) {
        waiters.add(w);
    }

    void removeWaiter(SharedPoller.Waiter w) {
        waiters.remove(w);
    }

    private void wake() {
        for (SharedPoller.Waiter w : waiters) {
            w.wake(false);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(ValueLayout.JAVA_LONG);
            one.set(ValueLayout.JAVA_LONG, 0, 1L);
            Libc.write(Native.errnoState(arena), wakeFd, one, 8);
        }
    }
}
