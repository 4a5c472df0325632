/**
 * The native side of {@link dev.jmosh.pty.Pty}: libc bindings ({@link dev.jmosh.pty.internal.Libc},
 * {@link dev.jmosh.pty.internal.Termios}, {@link dev.jmosh.pty.internal.PtyMaster},
 * {@link dev.jmosh.pty.internal.Spawner}), all called through the one downcall handle of
 * {@link dev.jmosh.pty.internal.Native}, the close-safe I/O ({@link dev.jmosh.pty.internal.IoGate},
 * {@link dev.jmosh.pty.internal.PtyReader}, {@link dev.jmosh.pty.internal.PtyWriter}) and the
 * reaper ({@link dev.jmosh.pty.internal.ChildWatcher}). Not exported.
 */
package dev.jmosh.pty.internal;
