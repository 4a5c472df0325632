package dev.jmosh.ssp;

/** No provider, or more than one, matched a selection; the message lists the candidates. */
public class ProviderSelectionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** An exception with the full, user-facing message. */
    public ProviderSelectionException(String message) {
        super(message);
    }
}
