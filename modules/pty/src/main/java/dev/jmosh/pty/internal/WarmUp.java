package dev.jmosh.pty.internal;

import java.lang.invoke.MethodHandles;

/**
 * Creates every native binding ahead of the first pty. In a fresh JVM that costs tens of
 * milliseconds once, nearly all of it the JDK linking {@link Native}'s one downcall handle (with
 * a handle of its own shape per function it was a few hundred, pty-ffm.md "Timings"); a server
 * pays that at start rather than on its first client's packet.
 */
public final class WarmUp {
    private WarmUp() {
    }

    /** Initializes the binding classes (linking every downcall handle). */
    public static void bindings() {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> c : new Class<?>[] {Native.class, Libc.class, Termios.class, PtyMaster.class,
                Spawner.class, CStrings.class, IoGate.class, Poller.class, PtyReader.class, PtyWriter.class,
                ChildWatcher.class, PathSearch.class, PosixException.class}) {
            try {
                lookup.ensureInitialized(c);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
