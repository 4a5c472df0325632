package dev.jmosh.pty.internal;

import java.io.IOException;

/**
 * A failed C library call, worded like {@code perror}: "{@code posix_openpt: No such device}".
 * Keeps the error number for callers that treat some values specially.
 */
public final class PosixException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The error number ({@code errno}, or the value a {@code posix_spawn*} call returned). */
    private final int errno;

    /**
     * @param what the failed call and, if useful, its argument ("open /dev/null")
     * @param errno the error number
     */
    public PosixException(String what, int errno) {
        super(what + ": " + Native.strerror(errno));
        this.errno = errno;
    }

    /** The error number. */
    public int errno() {
        return errno;
    }
}
