package dev.jmosh.pty.internal;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * Reaps one child on a thread of its own (the JDK reaps only the processes it started,
 * pty-ffm.md pitfall 9): {@code waitid(..., WEXITED | WNOWAIT)} waits for the exit without
 * reaping (a virtual watcher first waits for the child's pidfd in the {@link SharedPoller}, so
 * that {@code waitid} finds the exit at once instead of blocking its carrier), then {@code waitpid} reaps under the same lock that {@link #signal} takes, so a
 * signal can never reach a recycled PID.
 *
 * <p>The exit value is the exit code, or 128 + the signal number if a signal killed the child
 * (as shells report it).
 */
public final class ChildWatcher implements Runnable {
    private final int pid;
    private final CompletableFuture<Integer> exit;
    /** A pidfd of the child, to wait for its exit in the {@link SharedPoller}, or -1. */
    private final int pidfd;
    private boolean reaped;

    private ChildWatcher(int pid, CompletableFuture<Integer> exit, int pidfd) {
        this.pid = pid;
        this.exit = exit;
        this.pidfd = pidfd;
    }

    /**
     * Starts watching child {@code pid}; completes {@code exit} when it is reaped (exceptionally
     * if it cannot be waited for, e.g. {@code SIGCHLD} set to {@code SIG_IGN} lets the kernel
     * reap it). Dependent stages of a plain {@code thenX} run on the watcher thread: a virtual
     * thread if {@code virtual} and the kernel gives a pidfd, else a platform thread.
     */
    public static ChildWatcher start(int pid, CompletableFuture<Integer> exit, boolean virtual) {
        int pidfd = virtual ? Libc.pidfdOpen(pid) : -1;
        ChildWatcher watcher = new ChildWatcher(pid, exit, pidfd);
        String name = "jmosh-pty-reaper-" + pid;
        (pidfd >= 0 ? Thread.ofVirtual().name(name) : Thread.ofPlatform().name(name).daemon()).start(watcher);
        return watcher;
    }

    /** The child's PID. */
    public int pid() {
        return pid;
    }

    @Override
    public void run() {
        int status;
        try {
            if (pidfd >= 0) {
                try {
                    SharedPoller.get().await(pidfd, Libc.POLLIN, null);
                } catch (PosixException e) {
                    // waitid below waits instead, blocking the carrier
                } finally {
                    Libc.close(pidfd);
                }
            }
            Libc.awaitExit(pid);
            synchronized (this) {
                try {
                    status = Libc.reap(pid);
                } finally {
                    reaped = true;
                }
            }
        } catch (PosixException e) {
            synchronized (this) {
                reaped = true;
            }
            exit.completeExceptionally(e);
            return;
        }
        exit.complete(exitValue(status));
    }

    /**
     * The shell-style value of a wait status: {@code WEXITSTATUS} if it exited
     * ({@code (status & 0x7f) == 0}), else 128 + {@code WTERMSIG}.
     */
    static int exitValue(int status) {
        int signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    /**
     * Sends {@code signal} to the child's process group (it is a session leader, so its PGID
     * is its PID); nothing once it has been reaped or when the group is already gone.
     *
     * @return whether the signal was sent
     * @throws IllegalArgumentException for an invalid signal number
     */
    public synchronized boolean signal(int signal) {
        if (reaped) {
            return false;
        }
        try {
            Libc.kill(-pid, signal);
            return true;
        } catch (PosixException e) {
            if (e.errno() == Libc.ESRCH) {
                return false;
            }
            if (e.errno() == Libc.EINVAL) {
                throw new IllegalArgumentException("invalid signal " + signal, e);
            }
            throw new UncheckedIOException(e);
        }
    }
}
