package dev.jmosh.cli.internal;

/** mosh-client's user-facing texts, kept word for word (users and scripts know them). */
public final class Messages {
    /** Printed last on every exit path. */
    public static final String EXITING = "[mosh is exiting.]";
    /** Printed after a suspend. */
    public static final String SUSPENDED = "\n\033[37;44m[mosh is suspended.]\033[m\n";

    private Messages() {
    }

    /** The version banner ({@code --version}). */
    public static String version(String program) {
        return program + " (jmosh 0.1.0, mosh 1.4.0 protocol)\n"
                + "A Java implementation of the mobile shell; wire-compatible with mosh 1.4.0.\n";
    }

    /** The usage text. */
    public static String usage(String program) {
        return version(program) + "\nUsage: " + program + " [-# 'ARGS'] IP PORT\n"
                + "       " + program + " -c\n";
    }

    /** After a session in which the server never answered. */
    public static String neverConnected(String ip, String port) {
        return "\nmosh did not make a successful connection to " + ip + ":" + port + ".\n"
                + "Please verify that UDP port " + port + " is not firewalled and can reach the server.\n\n"
                + "(By default, mosh uses a UDP port between 60000 and 61000. The -p option\n"
                + "selects a specific UDP port number.)\n";
    }

    /** After a session that ended without a completed shutdown handshake. */
    public static final String NOT_CLEAN = "\n\nmosh did not shut down cleanly. Please note that the\n"
            + "mosh-server process may still be running on the server.\n";

    /** The locale check's complaint; {@code ctype} is e.g. "LC_ALL=C", {@code charset} e.g. "US-ASCII". */
    public static String needUtf8(String ctype, String charset) {
        return "mosh-client needs a UTF-8 native locale to run.\n\n"
                + "Unfortunately, the client's environment (" + ctype + ") specifies\n"
                + "the character set \"" + charset + "\".\n\n";
    }
}
