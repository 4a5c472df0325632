package dev.jmosh.ssp;

/**
 * The peer made this end hold more than a bound allows (e.g. more bytes of received states than
 * {@code Transport.RECEIVED_BYTES_MAX}): the offending state is dropped like any malformed one,
 * and a server ends the session, alone, rather than let one client exhaust a process that hosts
 * others.
 */
public class LimitExceededException extends WireFormatException {
    private static final long serialVersionUID = 1L;

    /** An exception with a one-line reason. */
    public LimitExceededException(String message) {
        super(message);
    }
}
