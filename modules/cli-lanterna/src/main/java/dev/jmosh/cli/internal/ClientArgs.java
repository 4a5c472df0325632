package dev.jmosh.cli.internal;


/**
 * mosh-client's command line: {@code --help} and {@code --version} anywhere, then getopt
 * {@code "#:cv"} and exactly two operands, IP and an all-digit PORT.
 *
 * @param mode what to do
 * @param verbose how many {@code -v}
 * @param ip the server's address as given
 * @param port the UDP port as given
 */
public record ClientArgs(Mode mode, int verbose, String ip, String port) {
    /** What the command line asks for. */
    public enum Mode { RUN, HELP, VERSION, COLORS }

    /** A command line mosh-client would refuse; the message (or null) precedes the usage text. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Parses {@code argv} as mosh-client does. */
    public static ClientArgs parse(String[] argv) throws UsageException {
        for (String a : argv) {
            if (a.equals("--help")) {
                return new ClientArgs(Mode.HELP, 0, null, null);
            }
            if (a.equals("--version")) {
                return new ClientArgs(Mode.VERSION, 0, null, null);
            }
        }
        int verbose = 0;
        int i = 0;
        for (; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                break;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                if (c == '#') {
                    if (j + 1 == a.length() && ++i >= argv.length) {
                        throw new UsageException(null);
                    }
                    break; // the wrapper's original arguments: ignored
                } else if (c == 'c') {
                    return new ClientArgs(Mode.COLORS, verbose, null, null);
                } else if (c == 'v') {
                    verbose++;
                } else {
                    throw new UsageException(null);
                }
            }
        }
        if (argv.length - i != 2) {
            throw new UsageException(null);
        }
        String ip = argv[i];
        String port = argv[i + 1];
        if (!port.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new UsageException("Bad UDP port (" + port + ")");
        }
        return new ClientArgs(Mode.RUN, verbose, ip, port);
    }
}
