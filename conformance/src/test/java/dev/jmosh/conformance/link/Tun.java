package dev.jmosh.conformance.link;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TUN device (IPv4 packets, no packet-information header) created inside a network namespace
 * through FFM: the calling code never leaves its own namespace. A thread of its own enters the
 * namespace ({@code setns}), opens {@code /dev/net/tun} and creates the device there with
 * {@code TUNSETIFF}; the descriptor then keeps reading and writing that namespace's device from
 * any thread. (A device moved with {@code ip link set ... netns} instead loses its queue: reads
 * fail with {@code EBADFD}.) Test code only: the JDK has no TUN or {@code setns}, and the pty
 * module's libc binding is internal to it.
 */
final class Tun implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final MethodHandle OPEN = downcall("open",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle IOCTL = downcall("ioctl",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SETNS = downcall("setns",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle READ = downcall("read",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle WRITE = downcall("write",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle POLL = downcall("poll",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = downcall("close",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private static final int O_RDWR = 2;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;
    private static final int IFREQ_BYTES = 40;
    private static final int IFNAMSIZ = 16;
    private static final short POLLIN = 1;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    /** The largest packet read at once (the device's MTU is 1500). */
    static final int MAX_PACKET = 65536;

    private final int fd;
    private final String name;
    private volatile boolean closed;

    private Tun(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    private static MethodHandle downcall(String function, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = ERRNO_OPTION;
        MemorySegment address = LINKER.defaultLookup().find(function)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + function));
        return LINKER.downcallHandle(address, descriptor, all);
    }

    /**
     * Creates device {@code name} inside the namespace {@code ip netns add} made as
     * {@code /run/netns/NAMESPACE}.
     */
    static Tun create(String namespace, String name) throws IOException, InterruptedException {
        if (name.getBytes(StandardCharsets.US_ASCII).length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name too long: " + name);
        }
        return inNamespace(namespace, () -> createHere(namespace, name));
    }

    /**
     * Runs {@code action} on a new thread that has entered {@code namespace}, and returns its
     * result: sockets and devices it opens belong to that namespace and keep working from any
     * thread. The thread ends there, so no pooled thread is ever moved.
     */
    static <T> T inNamespace(String namespace, Callable<T> action) throws IOException, InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("netns-" + namespace).start(() -> {
            try {
                enter(namespace);
                result.set(new Success(action.call()));
            } catch (Exception | Error e) {
                result.set(e);
            }
        });
        t.join(10_000);
        Object r = result.get();
        if (r instanceof Success s) {
            @SuppressWarnings("unchecked")
            T value = (T) s.value;
            return value;
        }
        if (r instanceof IOException e) {
            throw e;
        }
        if (r instanceof RuntimeException e) {
            throw e;
        }
        if (r instanceof Throwable e) {
            throw new IOException("in " + namespace + ": " + e, e);
        }
        throw new IOException("work in namespace " + namespace + " did not finish in 10 s");
    }

    private record Success(Object value) {
    }

    private static void enter(String namespace) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int ns = open(arena, state, "/run/netns/" + namespace, O_RDONLY);
            try {
                check(state, (int) SETNS.invokeExact(state, ns, CLONE_NEWNET), "setns " + namespace);
            } finally {
                int ignored = (int) CLOSE.invokeExact(state, ns);
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Tun createHere(String namespace, String name) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = open(arena, state, "/dev/net/tun", O_RDWR);
            MemorySegment ifreq = arena.allocate(IFREQ_BYTES, 8);
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(bytes, 0, ifreq, ValueLayout.JAVA_BYTE, 0, bytes.length);
            ifreq.set(ValueLayout.JAVA_SHORT, IFNAMSIZ, (short) (IFF_TUN | IFF_NO_PI));
            int rc = (int) IOCTL.invokeExact(state, fd, TUNSETIFF, ifreq);
            if (rc < 0) {
                int errno = errno(state);
                int ignored = (int) CLOSE.invokeExact(state, fd);
                throw new IOException("TUNSETIFF " + name + " in " + namespace + ": errno " + errno);
            }
            return new Tun(fd, name);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static int open(Arena arena, MemorySegment state, String path, int flags) throws Throwable {
        int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path), flags | O_CLOEXEC, 0);
        return check(state, fd, "open " + path);
    }

    private static int check(MemorySegment state, int rc, String what) throws IOException {
        if (rc < 0) {
            throw new IOException(what + ": errno " + errno(state));
        }
        return rc;
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** The device's name. */
    String name() {
        return name;
    }

    /**
     * Waits up to {@code timeoutMillis} for a packet and reads it into {@code buffer} (at least
     * {@link #MAX_PACKET} bytes, native).
     *
     * @return its length, 0 if none came in time, or -1 once closed
     */
    int read(MemorySegment buffer, MemorySegment pollfd, MemorySegment state, int timeoutMillis) throws IOException {
        try {
            if (closed) {
                return -1;
            }
            pollfd.set(ValueLayout.JAVA_INT, 0, fd);
            pollfd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
            pollfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
            int ready = (int) POLL.invokeExact(state, pollfd, 1L, timeoutMillis);
            if (closed) {
                return -1;
            }
            if (ready <= 0) {
                if (ready < 0 && errno(state) != EINTR) {
                    throw new IOException("poll " + name + ": errno " + errno(state));
                }
                return 0;
            }
            long n = (long) READ.invokeExact(state, fd, buffer, (long) MAX_PACKET);
            if (n < 0) {
                int errno = errno(state);
                if (errno == EINTR || errno == EAGAIN) {
                    return 0;
                }
                throw new IOException("read " + name + ": errno " + errno);
            }
            return (int) n;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Writes one packet of {@code length} bytes from {@code packet} (native). */
    void write(MemorySegment packet, int length, MemorySegment state) throws IOException {
        try {
            if (closed) {
                return;
            }
            long n = (long) WRITE.invokeExact(state, fd, packet, (long) length);
            if (n < 0 && !closed) {
                throw new IOException("write " + name + ": errno " + errno(state));
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Allocates a {@code pollfd} and a call state for one thread's {@link #read}. */
    static MemorySegment[] readScratch(Arena arena) {
        return new MemorySegment[] {arena.allocate(MAX_PACKET, 8), arena.allocate(8, 8), arena.allocate(CALL_STATE)};
    }

    /** A call state for {@link #write}. */
    static MemorySegment callState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    /**
     * Marks the device closed, then closes its descriptor; the caller has stopped the threads
     * that read and write it (a read in {@code poll} returns within its timeout).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) CLOSE.invokeExact(arena.allocate(CALL_STATE), fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
