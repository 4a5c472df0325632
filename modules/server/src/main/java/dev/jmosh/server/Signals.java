package dev.jmosh.server;

/** POSIX signals through {@code sun.misc.Signal} (module {@code jdk.unsupported}). */
final class Signals {
    private Signals() {
    }

    @SuppressWarnings("removal")
    static void on(String name, Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> action.run());
        } catch (IllegalArgumentException e) {
            // the JVM keeps that signal for itself; mosh's behaviour for it cannot be offered
        }
    }

    @SuppressWarnings("removal")
    static void ignore(String name) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            // as above
        }
    }
}
