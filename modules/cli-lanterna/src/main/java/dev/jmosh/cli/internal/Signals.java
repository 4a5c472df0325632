package dev.jmosh.cli.internal;

/**
 * POSIX signals through {@code sun.misc.Signal} (module {@code jdk.unsupported}), the JDK's only
 * way to observe SIGWINCH, SIGTERM and SIGHUP. Handlers run on a JVM signal thread.
 */
public final class Signals {
    private Signals() {
    }

    /**
     * Runs {@code action} on each delivery of {@code name} ("WINCH", "TERM", "HUP", "INT").
     *
     * @return false if the JVM does not let us handle that signal
     */
    @SuppressWarnings("removal")
    public static boolean on(String name, Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> action.run());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
