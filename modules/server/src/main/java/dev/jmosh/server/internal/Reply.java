package dev.jmosh.server.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The per-user server's answer to a launcher, written in one piece to its reply pipe; the
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
     * Writes the reply to {@code pipe} (which must be a named pipe of user {@code uid}), then
     * removes it. Opened for reading and writing, so that a launcher that has gone cannot block
     * this server.
     *
     * @return whether it was written (false: the launcher is gone or its pipe is not right)
     */
    static boolean send(Path pipe, int uid, String stdout, String stderr, String status) {
        try {
            BasicFileAttributes a = Files.readAttributes(pipe, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isOther() || Rendezvous.uidOf(pipe) != uid) {
                return false;
            }
            try (FileChannel ch = FileChannel.open(pipe, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(format(stdout, stderr, status).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(pipe);
            } catch (IOException e) {
                // the launcher's own cleanup
            }
        }
    }
}
