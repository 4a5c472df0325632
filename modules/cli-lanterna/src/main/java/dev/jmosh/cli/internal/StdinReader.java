package dev.jmosh.cli.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * mosh-client's reads of the user's input: up to 16384 bytes at a time from a descriptor
 * (standard input), on a thread of its own. End of input and read errors are reported once, as
 * mosh treats both. {@link #close} stops the thread without closing the descriptor and without
 * reading another byte, so a JVM that goes on after the client keeps its standard input whole:
 * the thread waits in {@code poll} on the descriptor and an eventfd that {@code close} writes.
 *
 * <p>struct pollfd (8 bytes): +0 int fd, +4 short events, +6 short revents. The calls go through
 * {@link Native#call}.
 */
public final class StdinReader implements AutoCloseable {
    /** What the reader reports, on its own thread. */
    public interface Sink {
        /** Bytes the user typed. */
        void input(byte[] bytes, int off, int len);

        /** The input ended (EOF) or failed; nothing follows. */
        void ended();
    }

    private static final int BUFFER_BYTES = 16384;
    private static final short POLLIN = 0x1;
    private static final short POLLERR = 0x8;
    private static final short POLLHUP = 0x10;
    private static final short POLLNVAL = 0x20;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int EFD_CLOEXEC = 02000000;

    private static final MemorySegment POLL = Native.function("poll");
    private static final MemorySegment READ = Native.function("read");
    private static final MemorySegment WRITE = Native.function("write");
    private static final MemorySegment EVENTFD = Native.function("eventfd");
    private static final MemorySegment CLOSE = Native.function("close");

    private final int fd;
    private final Sink sink;
    private final int wakeFd;
    private final Thread thread;

    /** A reader of {@code fd} for {@code sink}; {@link #start} starts it. */
    public StdinReader(int fd, Sink sink) {
        this.fd = fd;
        this.sink = sink;
        try (Arena arena = Arena.ofConfined()) {
            this.wakeFd = (int) Native.call(EVENTFD, Native.errnoState(arena), 0, EFD_CLOEXEC);
        }
        if (wakeFd < 0) {
            throw new IllegalStateException("eventfd failed");
        }
        this.thread = new Thread(this::run, "jmosh-stdin");
        thread.setDaemon(true);
    }

    /** Starts reading. */
    public void start() {
        thread.start();
    }

    private void run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(16);
            MemorySegment buf = arena.allocate(BUFFER_BYTES);
            MemorySegment state = Native.errnoState(arena);
            byte[] bytes = new byte[BUFFER_BYTES];
            while (true) {
                fds.set(JAVA_INT, 0, fd);
                fds.set(JAVA_SHORT, 4, POLLIN);
                fds.set(JAVA_SHORT, 6, (short) 0);
                fds.set(JAVA_INT, 8, wakeFd);
                fds.set(JAVA_SHORT, 12, POLLIN);
                fds.set(JAVA_SHORT, 14, (short) 0);
                int rc = (int) Native.call(POLL, state, Native.address(fds), 2, -1);
                if (rc < 0) {
                    if (Native.errno(state) == EINTR) {
                        continue;
                    }
                    break;
                }
                if (fds.get(JAVA_SHORT, 14) != 0) {
                    return; // closed: report nothing more
                }
                short revents = fds.get(JAVA_SHORT, 6);
                if ((revents & POLLNVAL) != 0) {
                    break;
                }
                if ((revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
                    continue;
                }
                long n = Native.call(READ, state, fd, Native.address(buf), BUFFER_BYTES);
                if (n > 0) {
                    MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, bytes, 0, (int) n);
                    sink.input(bytes, 0, (int) n);
                } else if (n == 0) {
                    break; // EOF
                } else {
                    int errno = Native.errno(state);
                    if (errno != EINTR && errno != EAGAIN) {
                        break; // mosh: perror("read"), then as EOF
                    }
                }
            }
        } catch (Throwable e) {
            // a broken native call: end the input as a read error would
        }
        sink.ended();
    }

    /** Stops the reader (waiting for it briefly) without closing the descriptor it reads. */
    @Override
    public void close() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(JAVA_LONG);
            one.set(JAVA_LONG, 0, 1L);
            MemorySegment state = Native.errnoState(arena);
            Native.call(WRITE, state, wakeFd, Native.address(one), 8);
            if (thread.isAlive()) {
                thread.join(1_000);
            }
            Native.call(CLOSE, state, wakeFd);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            // nothing more to do: the thread is a daemon
        }
    }
}
