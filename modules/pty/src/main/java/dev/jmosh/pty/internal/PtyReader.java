package dev.jmosh.pty.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads the child's output from the (non-blocking) master: waits in {@code poll} on the master
 * and the gate's eventfd (on a virtual thread: in the {@link SharedPoller}), so a close wakes it instead of pulling the descriptor from under a
 * blocked {@code read} (pty-ffm.md pitfall 8). {@code EIO} (every slave descriptor closed) is
 * end of file once a second read confirms it (see {@link #readEntered}). Concurrent callers are
 * served one at a time.
 */
public final class PtyReader {
    /** Native buffer size: the kernel hands out at most a few KiB per read anyway. */
    private static final int BUFFER_BYTES = 64 * 1024;

    private final int fd;
    private final IoGate gate;
    private final ReentrantLock serial = new ReentrantLock();
    /** Reachable from this reader only; freed by the GC with it, never while in use. */
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment buffer = arena.allocate(BUFFER_BYTES);
    private final MemorySegment state = Native.errnoState(arena);
    private final Poller poller;

    /** A reader of master {@code fd}, guarded by {@code gate}. */
    public PtyReader(int fd, IoGate gate) {
        this.fd = fd;
        this.gate = gate;
        this.poller = new Poller(arena, fd, Libc.POLLIN, gate.wakeFd());
    }

    /**
     * Blocks until output is available, then copies up to {@code len} bytes.
     *
     * @return the count read (at least 1 when {@code len > 0}), or -1 at EOF ({@code EIO}) or
     *         once the pty is closed
     */
    public int read(byte[] buf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len == 0) {
            return 0;
        }
        serial.lock();
        try {
            if (!gate.enter()) {
                return -1;
            }
            try {
                return readEntered(buf, off, len);
            } finally {
                gate.exit();
            }
        } finally {
            serial.unlock();
        }
    }

    /** Waits for output: in {@code poll} on a platform thread, parked on the {@link SharedPoller} on a virtual one. */
    private boolean awaitOutput() throws PosixException {
        return Thread.currentThread().isVirtual() ? SharedPoller.get().await(fd, Libc.POLLIN, gate) : poller.await();
    }

    /**
     * One {@code EIO} is not yet end of file. Linux's {@code n_tty_read} flushes the pty's
     * pending input, finds none, and only then tests whether the slave has closed: a child that
     * writes its last chunk and exits in between leaves that chunk queued behind an {@code EIO}
     * (seen in CI: the last 960 bytes of {@code seq 1 200000} lost). Once the slave is closed
     * nothing more can be queued, so a second read flushes what is left and returns it, or
     * confirms the end with a second {@code EIO}.
     */
    private int readEntered(byte[] buf, int off, int len) throws IOException {
        boolean eioOnce = false;
        while (true) {
            long n = Libc.read(state, fd, buffer, Math.min(len, BUFFER_BYTES));
            if (n > 0) {
                MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, buf, off, (int) n);
                return (int) n;
            }
            if (n == 0) {
                return -1;
            }
            int errno = Native.errno(state);
            if (errno == Libc.EIO) {
                if (eioOnce) {
                    return -1;
                }
                eioOnce = true;
                continue;
            }
            if (errno != Libc.EAGAIN && errno != Libc.EINTR) {
                throw new PosixException("read (pty master)", errno);
            }
            if (errno == Libc.EAGAIN && !awaitOutput()) {
                return -1;
            }
        }
    }
}
