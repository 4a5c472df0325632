package dev.jmosh.pty;

import dev.jmosh.pty.internal.ChildWatcher;
import dev.jmosh.pty.internal.IoGate;
import dev.jmosh.pty.internal.Libc;
import dev.jmosh.pty.internal.PathSearch;
import dev.jmosh.pty.internal.PtyMaster;
import dev.jmosh.pty.internal.PtyReader;
import dev.jmosh.pty.internal.PtyWriter;
import dev.jmosh.pty.internal.Spawner;
import dev.jmosh.pty.internal.Termios;
import dev.jmosh.pty.internal.WarmUp;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A pseudo-terminal and the child running on it, as mosh-server's {@code forkpty} gives it:
 * the child leads a new session with the slave as its controlling terminal, {@code IUTF8} is
 * set, and every signal disposition and mask is back to the default.
 *
 * <p>Life cycle: {@link #spawn} (or {@link #open} then {@link #start}); {@link #read} the
 * output until it returns -1; {@link #write} input, {@link #resize};
 * {@link #exit()} completes when the child is reaped. End of output does not mean the child
 * has exited, nor the reverse (a background job may hold the slave open): drive the session from
 * {@link #exit()}, drain the output briefly, then {@link #close} (which hangs up what is left).
 *
 * <p>Thread-safe. A pty opened on a platform thread uses two platform threads: a writer and, once
 * started, a reaper, and its reads wait in {@code poll}. A pty opened on a virtual thread uses
 * virtual ones, and every wait of them (and of a read on a virtual thread) is parked on one
 * {@code epoll} thread for the whole process: a server hosting many sessions on virtual threads
 * keeps no platform thread per terminal.
 */
public final class Pty implements AutoCloseable {
    /** How long {@link #writeAndFlushInput} waits for its bytes. */
    private static final Duration INPUT_PATIENCE = Duration.ofSeconds(10);

    private final PtyMaster master;
    private final IoGate gate;
    private final PtyReader reader;
    private final PtyWriter writer;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    /** Guards {@link #heldSlave}; taken last (after the gate and this monitor). */
    private final Object slaveLock = new Object();
    /** The parent's slave descriptor until the child opens its own, or -1 (pitfall 6). */
    private int heldSlave;
    private ChildWatcher child;

    /** Whether this pty's helper threads are virtual (it was opened on a virtual thread). */
    private final boolean virtual;

    private Pty(PtyMaster master, int heldSlave, IoGate gate, boolean virtual) throws IOException {
        this.master = master;
        this.heldSlave = heldSlave;
        this.gate = gate;
        this.virtual = virtual;
        this.reader = new PtyReader(master.fd(), gate);
        this.writer = PtyWriter.start(master.fd(), gate, "jmosh-pty-writer-" + master.slavePath(), virtual);
    }

    /**
     * Pays the one-time cost of the native bindings now (tens of milliseconds in a fresh JVM):
     * links the downcall handle and finds every function, then opens and closes a pty, so that
     * the first real {@link #spawn} is fast. Spawns nothing. Call it at server start.
     *
     * @throws IOException if no pty can be opened
     */
    public static void warmUp() throws IOException {
        WarmUp.bindings();
        Pty pty = open(80, 24);
        pty.flushInput();
        pty.close();
    }

    /**
     * Opens a pty of {@code columns x rows} and starts {@code spec}'s child on it; returns as
     * soon as the child has exec'd.
     *
     * @throws IOException e.g. "posix_openpt: ..." or "posix_spawn /bin/x (in /home/u): No such
     *         file or directory"
     */
    public static Pty spawn(PtySpec spec) throws IOException {
        Pty pty = open(spec.columns(), spec.rows());
        try {
            pty.start(spec);
            return pty;
        } catch (IOException | RuntimeException e) {
            pty.close();
            throw e;
        }
    }

    /**
     * Opens a pty of {@code columns x rows} (with {@code IUTF8}) and spawns nothing yet. Bytes
     * written before {@link #start} are processed by the line discipline (their echo can be
     * read) and wait for the child unless {@link #flushInput} discards them: mosh-server writes
     * {@code "\n"} before the shell runs, and its echo moves the first screen down a row (see
     * {@link #writeAndFlushInput}). Reads block until output comes, not {@code EIO}: the slave
     * is held open here until the child has opened its own.
     */
    public static Pty open(int columns, int rows) throws IOException {
        PtySpec.checkSize(columns, rows);
        PtyMaster master = PtyMaster.open(columns, rows);
        int slave = -1;
        try {
            // held until start(): keeps the slave side "open", so reads block instead of EIO
            slave = Libc.open(master.slavePath(), Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC);
            return new Pty(master, slave, new IoGate(), Thread.currentThread().isVirtual());
        } catch (IOException | RuntimeException e) {
            if (slave >= 0) {
                Libc.close(slave);
            }
            Libc.close(master.fd());
            throw e;
        }
    }

    /**
     * Starts {@code spec}'s child on this pty, first setting the window to the spec's size.
     * The executable is resolved in the spec's {@code PATH}; the child gets exactly the spec's
     * environment and working directory.
     *
     * @throws IOException if the executable is not found, or spawning fails
     * @throws IllegalStateException if a child was already started
     */
    public void start(PtySpec spec) throws IOException {
        Path directory = spec.workingDirectory().toAbsolutePath();
        Path executable = PathSearch.find(spec.executable(), spec.environment().get("PATH"), directory)
                .orElseThrow(() -> new IOException("posix_spawn " + spec.executable()
                        + ": no such executable (PATH=" + spec.environment().get("PATH") + ")"));
        List<String> environment = new ArrayList<>(spec.environment().size());
        spec.environment().forEach((name, value) -> environment.add(name + "=" + value));
        enter(); // always the gate first, then this monitor (close() takes them in that order)
        try {
            synchronized (this) {
                if (child != null) {
                    throw new IllegalStateException("a child was already started on " + master.slavePath());
                }
                Termios.setWindowSize(master.fd(), spec.columns(), spec.rows());
                int pid = Spawner.spawn(master.slavePath(), executable.toString(), spec.argv(),
                        environment, directory.toString());
                child = ChildWatcher.start(pid, exit, virtual);
                synchronized (slaveLock) {
                    Libc.close(heldSlave);
                    heldSlave = -1;
                }
            }
        } finally {
            gate.exit();
        }
    }

    /** The child's PID, or -1 before {@link #start}. */
    public synchronized long pid() {
        return child == null ? -1 : child.pid();
    }

    /** The slave's path, e.g. {@code /dev/pts/3}: the child's {@code tty}. */
    public String slavePath() {
        return master.slavePath();
    }

    /**
     * Blocking read of the child's output: on a platform thread the wait is a native {@code poll};
     * a virtual thread parks until the process's {@code epoll} thread finds output.
     *
     * @return the count read, or -1 at end of output (every slave descriptor closed: {@code
     *         EIO}) or once closed, including when {@link #close} wakes this read
     */
    public int read(byte[] buf, int off, int len) throws IOException {
        return reader.read(buf, off, len);
    }

    /**
     * Queues input for the child and returns at once; a writer thread delivers the bytes in
     * order, waiting while the child does not read. Dropped after {@link #close} or once the
     * child side is gone.
     */
    public void write(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        writer.submit(data, off, len);
    }

    /**
     * Input bytes {@linkplain #write written} that the writer has not yet handed to the terminal
     * (the child is not reading them): a caller bounds it.
     */
    public long inputQueued() {
        return writer.queuedBytes();
    }

    /** Sets the window size ({@code TIOCSWINSZ}); the foreground job gets {@code SIGWINCH}. */
    public void resize(int columns, int rows) throws IOException {
        PtySpec.checkSize(columns, rows);
        enter();
        try {
            Termios.setWindowSize(master.fd(), columns, rows);
        } finally {
            gate.exit();
        }
    }

    /**
     * Discards input the child has not read yet (bytes already written; the writer thread's
     * queue is not affected). Their echo, if any, stays in the output. This is {@code tcflush(
     * TCIFLUSH)} on the slave: on the master it would discard the child's unread output instead.
     * The line discipline receives written bytes a moment after the write (they wait in the
     * kernel's flip buffer, which this also empties, unechoed): to have bytes just written
     * echoed and then discarded, use {@link #writeAndFlushInput}.
     */
    public void flushInput() throws IOException {
        withSlave(Termios::flushInput);
    }

    /**
     * Writes {@code data} (after what is already queued), waits until the line discipline holds
     * it ({@code TIOCINQ}; so it has been echoed), then discards it from the input. Flushing
     * right after the write would often (about half the time, in a probe) discard the bytes
     * still in the kernel's flip buffer, echo and all. This is mosh-server's first
     * {@code "\n"}, whose echo moves the first screen down a row while the shell, started after
     * this, never reads it. Meant for a line ending in {@code '\n'} before {@link #start}
     * (in canonical mode the kernel counts complete lines only).
     *
     * @throws IOException if closed, or if the bytes are not written within 10 s
     */
    public void writeAndFlushInput(byte[] data) throws IOException {
        write(data, 0, data.length);
        try {
            writer.barrier().get(INPUT_PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("writeAndFlushInput interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("write to " + master.slavePath() + " timed out", e);
        }
        withSlave(slave -> {
            long deadline = System.nanoTime() + INPUT_PATIENCE.toNanos();
            while (Termios.inputQueued(slave) < data.length && System.nanoTime() < deadline) {
                LockSupport.parkNanos(50_000);
            }
            Termios.flushInput(slave);
        });
    }

    /** Runs {@code action} on a slave descriptor: the held one, else one opened for the call. */
    private void withSlave(SlaveAction action) throws IOException {
        enter();
        try {
            synchronized (slaveLock) {
                if (heldSlave >= 0) {
                    action.run(heldSlave);
                    return;
                }
            }
            int slave = Libc.open(master.slavePath(), Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC);
            try {
                action.run(slave);
            } finally {
                Libc.close(slave);
            }
        } finally {
            gate.exit();
        }
    }

    /** Something done with a slave descriptor. */
    @FunctionalInterface
    private interface SlaveAction {
        void run(int slave) throws IOException;
    }

    /**
     * The child's exit, completed when it has been reaped: its exit code, or 128 + the signal
     * number if a signal killed it. Completes exceptionally if the pty is closed before any
     * child was started. Plain dependent stages run on the reaper thread: keep them short.
     */
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    /**
     * Sends {@code signal} (e.g. 1 {@code SIGHUP}, 15 {@code SIGTERM}) to the child's process
     * group; does nothing once the child has been reaped or before it was started.
     *
     * @throws IllegalArgumentException for an invalid signal number
     */
    public void signal(int signal) {
        ChildWatcher watcher;
        synchronized (this) {
            watcher = child;
        }
        if (watcher != null) {
            watcher.signal(signal);
        }
    }

    /**
     * Closes the master, which hangs up the session (the child's session gets {@code SIGHUP});
     * wakes a blocked {@link #read}, which returns -1, and stops the writer. Does not wait for
     * the child: see {@link #exit()}. Idempotent. Must not be called from inside {@link #read}.
     */
    @Override
    public void close() {
        boolean closedNow = gate.close(() -> {
            synchronized (slaveLock) {
                if (heldSlave >= 0) {
                    Libc.close(heldSlave);
                    heldSlave = -1;
                }
            }
            if (writer.descriptor() != master.fd()) {
                Libc.close(writer.descriptor());
            }
            Libc.close(master.fd());
        });
        writer.stop();
        if (closedNow) {
            synchronized (this) {
                if (child == null) {
                    exit.completeExceptionally(new IOException("pty closed before a child was started"));
                }
            }
        }
    }

    private void enter() throws IOException {
        if (!gate.enter()) {
            throw new IOException(master.slavePath() + ": pty closed");
        }
    }

    /** Debugging aid: the slave path and the child's PID. */
    @Override
    public String toString() {
        return "Pty[" + master.slavePath() + ", pid " + pid() + "]";
    }
}
