package dev.jmosh.pty;

import dev.jmosh.pty.internal.Libc;
import dev.jmosh.pty.internal.PathSearch;
import dev.jmosh.pty.internal.PosixException;
import dev.jmosh.pty.internal.Termios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Small POSIX helpers for jmosh-server: the {@code PATH} search, terminal queries on the
 * server's own descriptors or a terminal's path, and detaching its standard
 * descriptors.
 */
public final class Posix {
    private Posix() {
    }

    /**
     * Searches {@code program} like {@code execvp} would, in {@code pathVariable} rather than the
     * JVM's {@code PATH}: a name with a slash is a path; an empty entry is the current
     * directory; without a {@code PATH} ({@code null}), glibc's default {@code /bin:/usr/bin}.
     *
     * @return the absolute path of the first regular executable file found
     */
    public static Optional<Path> which(String program, String pathVariable) {
        return PathSearch.find(program, pathVariable, Path.of("").toAbsolutePath());
    }

    /**
     * The window size of terminal {@code fd} ({@code ioctl TIOCGWINSZ}).
     *
     * @return {columns, rows} (either may be 0 if never set), or an empty array when {@code fd}
     *         is not a terminal
     */
    public static int[] windowSize(int fd) {
        try {
            return Termios.windowSize(fd);
        } catch (PosixException e) {
            return new int[0];
        }
    }

    /**
     * The window size of the terminal at {@code path} (e.g. another process's standard input,
     * {@code /proc/PID/fd/0}), opened without becoming this process's controlling terminal.
     *
     * @return {columns, rows}, or an empty array when it cannot be opened or is not a terminal
     */
    public static int[] windowSize(Path path) {
        int fd;
        try {
            fd = Libc.open(path.toString(), Libc.O_NOCTTY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        } catch (PosixException e) {
            return new int[0];
        }
        try {
            return windowSize(fd);
        } finally {
            Libc.close(fd);
        }
    }

    /** Whether {@code fd} is a terminal ({@code isatty}). */
    public static boolean isatty(int fd) {
        return Libc.isatty(fd);
    }

    /**
     * Points each descriptor at {@code /dev/null} ({@code open O_RDWR}, then {@code dup2}), as
     * mosh-server does with its standard descriptors once detached. The JVM's
     * {@code System.out} and friends keep working and write nowhere.
     *
     * @throws IOException "open /dev/null: ..." or "dup2(3, 1): ..."
     */
    public static void redirectToDevNull(int... fds) throws IOException {
        int devNull = Libc.open("/dev/null", Libc.O_RDWR);
        boolean keep = false;
        try {
            for (int fd : fds) {
                if (fd == devNull) {
                    keep = true;
                } else {
                    Libc.dup2(devNull, fd);
                }
            }
        } finally {
            if (!keep) {
                Libc.close(devNull);
            }
        }
    }
}
