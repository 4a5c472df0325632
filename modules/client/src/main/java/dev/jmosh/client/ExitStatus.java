package dev.jmosh.client;

/** How a {@link ClientSession} ended, with mosh-client's exit code and farewell text. */
public enum ExitStatus {
    /** The shutdown handshake completed in either direction: exit code 0. */
    CLEAN(0),
    /** The session ended without a completed handshake: exit code 1. */
    NOT_CLEAN(1),
    /** No state ever arrived from the server: exit code 1. */
    NEVER_CONNECTED(1),
    /** A fatal error (key-usage limit, broken socket): exit code 1. */
    FAILED(1);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** The process exit code mosh-client uses. */
    public int exitCode() {
        return code;
    }
}
