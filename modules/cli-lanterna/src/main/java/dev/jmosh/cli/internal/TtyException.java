package dev.jmosh.cli.internal;

/** A terminal call failed; the message reads like C's {@code perror} ("tcgetattr: ..."). */
public final class TtyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with a perror-style message. */
    public TtyException(String message) {
        super(message);
    }
}
