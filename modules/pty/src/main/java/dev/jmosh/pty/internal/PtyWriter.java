package dev.jmosh.pty.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes the user's input to the master on a thread of its own, in order, so that a child which
 * does not read cannot block the caller (pty-ffm.md pitfall 12). The master is non-blocking: a
 * full input queue waits in {@code poll} on the master and the gate's eventfd, or, when the
 * writer is a virtual thread, in the {@link SharedPoller} on a descriptor of its own (the reader
 * may wait there on the master's at the same time, and {@code epoll} takes one registration per
 * descriptor). After {@code EIO} (the child side is gone) bytes are dropped.
 */
public final class PtyWriter implements Runnable {
    /** Native buffer size; longer chunks go in several writes. */
    private static final int BUFFER_BYTES = 16 * 1024;
    /** Ends the thread. */
    private static final byte[] STOP = new byte[0];

    private final int fd;
    private final IoGate gate;
    /** {@code byte[]} chunks and {@code CompletableFuture} barriers, in order. */
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile boolean stopped;
    /** Bytes submitted and not yet written or dropped. */
    private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();

    private final boolean virtual;

    private PtyWriter(int fd, IoGate gate, boolean virtual) {
        this.fd = fd;
        this.gate = gate;
        this.virtual = virtual;
    }

    /**
     * Starts the writer thread {@code name} for master {@code fd}: a virtual thread, writing to a
     * duplicate of {@code fd} ({@link #descriptor}, which the caller closes with the master), if
     * {@code virtual}, else a platform thread writing to {@code fd}.
     */
    public static PtyWriter start(int fd, IoGate gate, String name, boolean virtual) throws PosixException {
        PtyWriter writer = new PtyWriter(virtual ? Libc.dup(fd) : fd, gate, virtual);
        (virtual ? Thread.ofVirtual().name(name) : Thread.ofPlatform().name(name).daemon()).start(writer);
        return writer;
    }

    /** The descriptor this writer writes to. */
    public int descriptor() {
        return fd;
    }

    /** Queues a copy of {@code data[off, off + len)}; dropped once stopped. */
    public void submit(byte[] data, int off, int len) {
        if (len > 0 && !stopped) {
            byte[] copy = new byte[len];
            System.arraycopy(data, off, copy, 0, len);
            queued.addAndGet(len);
            queue.add(copy);
        }
    }

    /**
     * A barrier: completes once every chunk submitted before it has been written (or dropped),
     * or when the writer stops.
     */
    public CompletableFuture<Void> barrier() {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        queue.add(reached);
        if (stopped) {
            releaseBarriers();
        }
        return reached;
    }

    /** Bytes submitted and not yet written (or dropped): what the child has not read yet beyond the kernel's buffer. */
    public long queuedBytes() {
        return queued.get();
    }

    /** Ends the thread once it has left the gate; queued bytes are dropped. */
    public void stop() {
        stopped = true;
        releaseBarriers();
        queue.add(STOP);
    }

    /** Drops the queued chunks and completes the queued barriers. */
    private void releaseBarriers() {
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof CompletableFuture<?> barrier) {
                barrier.complete(null);
            } else {
                queued.addAndGet(-((byte[]) item).length);
            }
        }
    }

    @Override
    public void run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(BUFFER_BYTES);
            MemorySegment state = Native.errnoState(arena);
            Poller poller = virtual ? null : new Poller(arena, fd, Libc.POLLOUT, gate.wakeFd());
            while (true) {
                Object item = queue.take();
                if (item instanceof CompletableFuture<?> barrier) {
                    barrier.complete(null);
                    continue;
                }
                byte[] chunk = (byte[]) item;
                if (chunk == STOP || !gate.enter()) {
                    return;
                }
                try {
                    if (!writeAll(chunk, buffer, state, poller)) {
                        return;
                    }
                } finally {
                    queued.addAndGet(-chunk.length);
                    gate.exit();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (PosixException e) {
            // poll failed on a descriptor we own: nothing sensible is left to write to
            stopped = true;
        } finally {
            releaseBarriers();
        }
    }

    /** Writes one chunk; returns false if the gate is closing. */
    private boolean writeAll(byte[] chunk, MemorySegment buffer, MemorySegment state, Poller poller)
            throws PosixException {
        int done = 0;
        while (done < chunk.length) {
            int n = Math.min(chunk.length - done, BUFFER_BYTES);
            MemorySegment.copy(chunk, done, buffer, ValueLayout.JAVA_BYTE, 0, n);
            int sent = 0;
            while (sent < n) {
                long w = Libc.write(state, fd, buffer.asSlice(sent), n - sent);
                if (w >= 0) {
                    sent += (int) w;
                    continue;
                }
                int errno = Native.errno(state);
                if (errno == Libc.EAGAIN) {
                    if (!(poller == null ? SharedPoller.get().await(fd, Libc.POLLOUT, gate) : poller.await())) {
                        return false;
                    }
                } else if (errno != Libc.EINTR) {
                    return true; // EIO: no one reads the slave any more; drop the chunk
                }
            }
            done += n;
        }
        return true;
    }
}
