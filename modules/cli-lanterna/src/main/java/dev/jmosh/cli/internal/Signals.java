package dev.jmosh.cli.internal;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * POSIX signals through {@code sun.misc.Signal} (module {@code jdk.unsupported}), the JDK's only
 * way to observe SIGWINCH, SIGTERM, SIGHUP, SIGPIPE and SIGCONT. Handlers run on a JVM signal
 * thread. {@link #close} gives every signal handled here its previous handler back, so a JVM
 * that goes on after the client (the {@code jmosh} front end) keeps its own behaviour.
 *
 * <p>Like mosh-client's {@code sigaction}, a handler here also takes a signal the process
 * started with ignored (e.g. SIGINT in a shell's background job, SIGHUP under {@code nohup}):
 * the JVM would leave such a signal ignored, so its disposition is first set back to the
 * default through the C library (glibc's {@code struct sigaction} starts with the handler), called
 * through {@link Native#call}.
 */
@SuppressWarnings("removal")
public final class Signals implements AutoCloseable {
    private static final long SIG_IGN = 1;
    private static final int SIGACTION_BYTES = 152;
    /** {@code int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact)}. */
    private static final MemorySegment SIGACTION = Native.function("sigaction");
    /** {@code sighandler_t signal(int signum, sighandler_t handler)}. */
    private static final MemorySegment SIGNAL = Native.function("signal");

    private record Previous(sun.misc.Signal signal, sun.misc.SignalHandler handler) {
    }

    private final Deque<Previous> previous = new ArrayDeque<>();

    /**
     * Runs {@code action} on each delivery of {@code name} ("WINCH", "TERM", "HUP", "INT",
     * "PIPE", "CONT") until {@link #close}.
     *
     * @return false if the JVM does not let us handle that signal
     */
    public synchronized boolean on(String name, Runnable action) {
        try {
            sun.misc.Signal signal = new sun.misc.Signal(name);
            unignore(signal.getNumber());
            previous.push(new Previous(signal, sun.misc.Signal.handle(signal, s -> action.run())));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Sets {@code number}'s disposition back to the default if it is ignored. */
    private static void unignore(int number) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Native.errnoState(arena);
            MemorySegment old = arena.allocate(SIGACTION_BYTES);
            long none = Native.address(MemorySegment.NULL);
            if ((int) Native.call(SIGACTION, state, number, none, Native.address(old)) == 0
                    && old.get(JAVA_LONG, 0) == SIG_IGN) {
                Native.call(SIGNAL, state, number, none); // SIG_DFL
            }
        } catch (Throwable e) {
            // leave it as it is: the JVM's handling is all that is left
        }
    }

    /** Restores the handlers these replaced, newest first. */
    @Override
    public synchronized void close() {
        for (Previous p; (p = previous.poll()) != null; ) {
            try {
                sun.misc.Signal.handle(p.signal(), p.handler());
            } catch (IllegalArgumentException e) {
                // cannot happen: the JVM let us handle this signal before
            }
        }
    }
}
