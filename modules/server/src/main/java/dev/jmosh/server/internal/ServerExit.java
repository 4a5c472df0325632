package dev.jmosh.server.internal;

/**
 * The server must stop before it serves: the texts to print and the exit status, as
 * mosh-server prints and returns them for bad arguments, locales or binds.
 */
public final class ServerExit extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String stdout;

    /** An exit with {@code stderr} text (may be empty) and {@code stdout} text. */
    public ServerExit(int status, String stderr, String stdout) {
        super(stderr, null, false, false);
        this.status = status;
        this.stdout = stdout;
    }

    /** The process exit status. */
    public int status() {
        return status;
    }

    /** Text for standard output. */
    public String stdout() {
        return stdout;
    }

    /** Text for standard error. */
    public String stderr() {
        return getMessage();
    }
}
