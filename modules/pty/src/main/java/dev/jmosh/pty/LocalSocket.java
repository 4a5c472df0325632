package dev.jmosh.pty;

import dev.jmosh.pty.internal.Libc;
import dev.jmosh.pty.internal.Native;
import dev.jmosh.pty.internal.PosixException;
import dev.jmosh.pty.internal.Sockets;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A listening Unix-domain stream socket that knows who connects: each {@link Connection}
 * carries the peer's process, user and group as the kernel recorded them ({@code SO_PEERCRED}),
 * which the JDK's own Unix-domain channels do not give (they name the user and group, not the
 * process). The per-user server's launchers reach it through one. Accept on one thread only.
 */
public final class LocalSocket implements Closeable {
    private static final int BACKLOG = 64;
    private static final int READ_CHUNK = 65536;

    private final int fd;
    private boolean accepting;
    private boolean closed;

    private LocalSocket(int fd) {
        this.fd = fd;
    }

    /**
     * Listens at {@code path} (which must not exist), mode 0600.
     *
     * @throws IOException "bind PATH: File name too long" (over 107 bytes), "bind PATH: Address already in use" and the like
     */
    public static LocalSocket listen(Path path) throws IOException {
        LocalSocket s = new LocalSocket(Sockets.listen(path.toString(), BACKLOG));
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * Waits for the next connection; its reads and writes fail once they wait longer than
     * {@code timeoutMillis}.
     *
     * @throws ClosedChannelException once this socket is closed (also when {@link #close} wakes this call)
     */
    public Connection accept(long timeoutMillis) throws IOException {
        synchronized (this) {
            if (closed) {
                throw new ClosedChannelException();
            }
            accepting = true;
        }
        int c = -1;
        PosixException failure = null;
        try {
            c = Sockets.accept(fd);
        } catch (PosixException e) {
            failure = e;
        }
        synchronized (this) {
            accepting = false;
            if (closed) {
                if (c >= 0) {
                    Libc.close(c);
                }
                Libc.close(fd);
                throw new ClosedChannelException();
            }
        }
        if (failure != null) {
            throw failure;
        }
        try {
            Sockets.timeouts(c, timeoutMillis);
            Sockets.Credentials who = Sockets.peer(c);
            return new Connection(c, who.pid(), who.uid(), who.gid());
        } catch (PosixException e) {
            Libc.close(c);
            throw e;
        }
    }

    /** Stops listening; a thread waiting in {@link #accept} gets {@link ClosedChannelException}. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (accepting) {
            Sockets.shutdown(fd); // the accepting thread closes the descriptor
        } else {
            Libc.close(fd);
        }
    }

    /** One accepted connection. */
    public static final class Connection implements Closeable {
        private final int fd;
        private final long pid;
        private final int uid;
        private final int gid;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Connection(int fd, long pid, int uid, int gid) {
            this.fd = fd;
            this.pid = pid;
            this.uid = uid;
            this.gid = gid;
        }

        /** The peer's process id when it connected (in this process's pid namespace; 0 if it has none here). */
        public long pid() {
            return pid;
        }

        /** The peer's user id. */
        public int uid() {
            return uid;
        }

        /** The peer's group id. */
        public int gid() {
            return gid;
        }

        /**
         * Reads until the peer ends its side ({@code shutdown(SHUT_WR)} or close).
         *
         * @throws IOException "more than MAX bytes", "timed out", or the read's error
         */
        public byte[] readToEnd(int max) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = Native.errnoState(arena);
                MemorySegment buf = arena.allocate(READ_CHUNK);
                while (true) {
                    long n = Libc.read(state, fd, buf, READ_CHUNK);
                    if (n == 0) {
                        return out.toByteArray();
                    }
                    if (n < 0) {
                        int errno = Native.errno(state);
                        if (errno == Libc.EINTR) {
                            continue;
                        }
                        throw errno == Libc.EAGAIN ? new IOException("read: timed out") : new PosixException("read", errno);
                    }
                    if (out.size() + n > max) {
                        throw new IOException("more than " + max + " bytes");
                    }
                    out.write(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
                }
            }
        }

        /**
         * Writes all of {@code bytes}.
         *
         * @throws IOException "timed out" (the peer reads nothing), or the write's error ("Broken pipe")
         */
        public void write(byte[] bytes) throws IOException {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = Native.errnoState(arena);
                MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
                long done = 0;
                while (done < bytes.length) {
                    long n = Libc.write(state, fd, buf.asSlice(done), bytes.length - done);
                    if (n < 0) {
                        int errno = Native.errno(state);
                        if (errno == Libc.EINTR) {
                            continue;
                        }
                        throw errno == Libc.EAGAIN ? new IOException("write: timed out") : new PosixException("write", errno);
                    }
                    done += n;
                }
            }
        }

        /** Closes the connection; a second call does nothing (the descriptor's number may belong to another file by then). */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                Libc.close(fd);
            }
        }
    }
}
