package dev.jmosh.cli.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * POSIX signals through {@code sun.misc.Signal} (module {@code jdk.unsupported}), the JDK's only
 * way to observe SIGWINCH, SIGTERM, SIGHUP, SIGPIPE and SIGCONT. Handlers run on a JVM signal
 * thread. {@link #close} gives every signal handled here its previous handler back, so a JVM
 * that goes on after the client (the {@code jmosh} front end) keeps its own behaviour.
 */
@SuppressWarnings("removal")
public final class Signals implements AutoCloseable {
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
            previous.push(new Previous(signal, sun.misc.Signal.handle(signal, s -> action.run())));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
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
