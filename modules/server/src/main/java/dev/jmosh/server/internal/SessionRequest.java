package dev.jmosh.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code jmosh-server new ...} to serve: what mosh-server reads from its own process.
 *
 * @param program argv[0], for messages
 * @param argv the arguments after the program name
 * @param environment the launcher's environment
 * @param stdinTerminal whether the launcher's standard input is a terminal (then "\r\n\n"
 *        precedes {@code MOSH CONNECT}, as mosh-server prints it)
 * @param windowSize that terminal's {columns, rows}, or empty (80x24 is used)
 */
public record SessionRequest(String program, List<String> argv, Map<String, String> environment,
        boolean stdinTerminal, int[] windowSize) {

    /** The terminal size to start with: the launcher's, else 80x24 as mosh-server uses. */
    public int[] size() {
        if (windowSize.length == 2 && windowSize[0] > 0 && windowSize[1] > 0) {
            return windowSize.clone();
        }
        return new int[] {80, 24};
    }

    /**
     * Whether the descriptor behind {@code fdLink} (e.g. {@code /proc/PID/fd/0}) is a terminal,
     * told by the link's target without a native call.
     *
     * @throws IOException if the link cannot be read
     */
    public static boolean isTerminal(Path fdLink) throws IOException {
        String target = Files.readSymbolicLink(fdLink).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
