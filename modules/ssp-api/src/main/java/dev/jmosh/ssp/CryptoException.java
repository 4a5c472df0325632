package dev.jmosh.ssp;

/**
 * A cryptographic or authenticity failure, as mosh's {@code CryptoException}: a bad key, a
 * datagram that fails its integrity check, or a key used past its safe limit.
 *
 * <p>Non-fatal exceptions concern one datagram, which is dropped; fatal ones end the session.
 * They carry no stack trace: a flood of forged datagrams makes one each, and the message says
 * all there is.
 */
public class CryptoException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean fatal;

    /** A non-fatal exception with mosh's message text. */
    public CryptoException(String message) {
        this(message, false);
    }

    /** An exception with mosh's message text; {@code fatal} ends the session. */
    public CryptoException(String message, boolean fatal) {
        super(message, null, false, false);
        this.fatal = fatal;
    }

    /** Whether the session cannot continue after this exception. */
    public boolean isFatal() {
        return fatal;
    }
}
