/**
 * A pseudo-terminal for jmosh-server through Java's Foreign Function and Memory API (Linux,
 * x86_64, glibc 2.36 or later): {@code posix_openpt} for the master, {@code posix_spawn} with
 * {@code POSIX_SPAWN_SETSID} for the child, which opens the slave by path and so gets it as its
 * controlling terminal. The JVM is never forked and no helper binary or bundled library is used.
 *
 * <p>Exports {@code dev.jmosh.pty}: {@link dev.jmosh.pty.Pty}, {@link dev.jmosh.pty.PtySpec},
 * the {@link dev.jmosh.pty.Posix} helpers and {@link dev.jmosh.pty.LocalSocket} (a Unix-domain
 * socket whose connections carry the peer's kernel-recorded credentials). The calls are restricted methods: run with
 * {@code --enable-native-access=dev.jmosh.pty} to allow them without a warning.
 *
 * <p>System properties: none.
 */
module dev.jmosh.pty {
    exports dev.jmosh.pty;
}
