package dev.jmosh.server.internal;

/**
 * mosh-server's {@code -p PORT[:PORT2]} (network.cc {@code parse_portrange}), with its messages.
 * Without {@code -p} the search runs over {@value #DEFAULT_LOW}..{@value #DEFAULT_HIGH}.
 *
 * @param low first port to try
 * @param high last port to try
 */
public record PortRange(int low, int high) {
    /** First port of the default search. */
    public static final int DEFAULT_LOW = 60001;
    /** Last port of the default search. */
    public static final int DEFAULT_HIGH = 60999;

    /** The default search range. */
    public static PortRange defaults() {
        return new PortRange(DEFAULT_LOW, DEFAULT_HIGH);
    }

    /**
     * Parses a port or range.
     *
     * @throws IllegalArgumentException whose message is mosh's explanation (one line, with newline)
     */
    public static PortRange parse(String text) {
        int colon = text.indexOf(':');
        String lowText = colon < 0 ? text : text.substring(0, colon);
        Long low = number(lowText);
        if (low == null) {
            throw new IllegalArgumentException("Invalid (low) port number (" + text + ")\n");
        }
        if (low < 0 || low > 65535) {
            throw new IllegalArgumentException("(Low) port number " + low + " outside valid range [0..65535]\n");
        }
        if (colon < 0) {
            return new PortRange(low.intValue(), low.intValue());
        }
        String highText = text.substring(colon + 1);
        Long high = number(highText);
        if (high == null) {
            throw new IllegalArgumentException("Invalid high port number (" + highText + ")\n");
        }
        if (high < 0 || high > 65535) {
            throw new IllegalArgumentException("High port number " + high + " outside valid range [0..65535]\n");
        }
        if (low > high) {
            throw new IllegalArgumentException("Low port " + low + " greater than high port " + high + "\n");
        }
        if (low == 0) {
            throw new IllegalArgumentException("Low port 0 incompatible with port ranges\n");
        }
        return new PortRange(low.intValue(), high.intValue());
    }

    /** strtol(s, &end, 10) that must consume everything; "" is 0 as in C; null when invalid or out of long range. */
    private static Long number(String s) {
        String t = s.stripLeading();
        if (t.isEmpty()) {
            return s.isEmpty() ? 0L : null;
        }
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
