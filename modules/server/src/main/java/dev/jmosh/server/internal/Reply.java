package dev.jmosh.server.internal;

import dev.jmosh.pty.LocalSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The per-user server's answer to a launcher, written in one piece to its connection; the
 * launcher (bin/jmosh-server) prints it and exits with its status:
 *
 * <pre>
 * 1 TEXT    a line for standard output      1-TEXT   the same without a line end
 * 2 TEXT    a line for standard error       2-TEXT   the same without a line end
 * x STATUS  the end: exit with STATUS; "x -" means "start a server of your own for this"
 * </pre>
 */
final class Reply {
    /** The status that sends the launcher to start a server process of its own. */
    static final String OWN_PROCESS = "-";

    private Reply() {
    }

    /** The reply text for {@code stdout}, {@code stderr} and {@code status}. */
    static String format(String stdout, String stderr, String status) {
        StringBuilder sb = new StringBuilder();
        lines(sb, '1', stdout);
        lines(sb, '2', stderr);
        return sb.append("x ").append(status).append('\n').toString();
    }

    private static void lines(StringBuilder sb, char stream, String text) {
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                sb.append(stream).append('-').append(text, start, text.length()).append('\n');
                return;
            }
            sb.append(stream).append(' ').append(text, start, nl).append('\n');
            start = nl + 1;
        }
    }

    /**
     * Writes the reply to the launcher's connection (whoever accepted it closes it).
     *
     * @return whether it was written (false: the launcher is gone)
     */
    static boolean send(LocalSocket.Connection launcher, String stdout, String stderr, String status) {
        try {
            launcher.write(format(stdout, stderr, status).getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
