package dev.jmosh.cli.internal.bootstrap;

/**
 * The wrapper gives up: {@code message} (complete lines, possibly empty) goes to standard error
 * and the process exits with {@code status}, as mosh.pl's {@code die} does (its status is Perl's
 * {@code $!} at that point: 255 for a bad command line, 29 inside the startup-message loop, 10
 * after it, which is what mosh 1.4.0 users and their scripts see).
 */
public final class WrapperFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Exit status of a refused command line. */
    public static final int USAGE = 255;
    /** Exit status of a malformed line while reading the server's startup messages. */
    public static final int BAD_LINE = 29;
    /** Exit status when the startup messages ended without what was needed. */
    public static final int NOT_FOUND = 10;

    private final int status;

    /** A failure printing {@code message} and exiting with {@code status}. */
    public WrapperFailure(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The exit status. */
    public int status() {
        return status;
    }
}
