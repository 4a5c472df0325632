package dev.jmosh.ssp;

/**
 * Bytes from the peer that do not parse: a truncated header, bad protobuf, an undecodable zlib
 * stream or a diff the state cannot apply. The datagram or instruction is dropped and counted;
 * the session goes on. It carries no stack trace: a flood of garbage makes one per datagram.
 */
public class WireFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with a one-line reason. */
    public WireFormatException(String message) {
        super(message, null, false, false);
    }

    /** An exception with a one-line reason and its cause. */
    public WireFormatException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
