/**
 * A pseudo-terminal for jmosh-server: {@link dev.jmosh.pty.Pty} opens one and runs a child
 * described by a {@link dev.jmosh.pty.PtySpec} as the session leader with the slave as its
 * controlling terminal, relays its input and output, resizes it and reaps it;
 * {@link dev.jmosh.pty.Posix} has the small POSIX helpers the server needs around it, and
 * {@link dev.jmosh.pty.LocalSocket} the socket its launchers reach it through.
 * Linux x86_64 with glibc 2.36 or later only.
 */
package dev.jmosh.pty;
