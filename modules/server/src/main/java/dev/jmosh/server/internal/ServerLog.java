package dev.jmosh.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The per-user server's log, {@code DIR/log}: one line per event, each stamped with the time
 * and the session it concerns ({@code session PORT}), so that what one session did (ended on a
 * limit, failed) can be told apart. It never grows past {@value #MAX_BYTES} bytes: the full file
 * becomes {@code log.1} and a new one starts. A line that cannot be written is dropped. What a
 * session prints is limited to {@value #LINES_PER_MINUTE} lines a minute (a flood of forged
 * datagrams would otherwise write one line each); the next line that passes says how many were
 * left out.
 */
public final class ServerLog {
    /** A log file is rotated once it holds this many bytes. */
    static final long MAX_BYTES = 1 << 20;
    /** Lines a session may log per minute. */
    static final int LINES_PER_MINUTE = 60;
    private final Path file;
    private long size;

    /** A log at {@code file}. */
    public ServerLog(Path file) {
        this.file = file;
        long s = 0;
        try {
            s = Files.size(file);
        } catch (IOException e) {
            // a new log
        }
        this.size = s;
    }

    /** Appends {@code line} under {@code who}. */
    public synchronized void line(String who, String line) {
        byte[] bytes = (Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + who + ": " + line + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            if (size + bytes.length > MAX_BYTES) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                size = 0;
            }
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            size += bytes.length;
        } catch (IOException e) {
            // nowhere left to say it
        }
    }

    /** A stream whose lines go to this log under {@code who} (what a session prints as its log). */
    public PrintStream stream(String who) {
        return new PrintStream(new LineSink(who), true, StandardCharsets.UTF_8);
    }

    /** Collects bytes into lines and logs each complete one, within the rate; a line is cut at 4 KiB. */
    private final class LineSink extends OutputStream {
        private static final int MAX_LINE = 4096;
        private static final long MINUTE_NANOS = 60_000_000_000L;
        private final String who;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private long windowStart = System.nanoTime();
        private int linesInWindow;
        private long suppressed;

        LineSink(String who) {
            this.who = who;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            } else if (pending.size() < MAX_LINE) {
                pending.write(b);
            }
        }

        private void emit(String text) {
            long now = System.nanoTime();
            if (now - windowStart >= MINUTE_NANOS) {
                windowStart = now;
                linesInWindow = 0;
            }
            if (linesInWindow >= LINES_PER_MINUTE) {
                suppressed++;
                return;
            }
            linesInWindow++;
            if (suppressed > 0) {
                line(who, "(" + suppressed + " more lines left out: over " + LINES_PER_MINUTE + " a minute)");
                suppressed = 0;
            }
            line(who, text);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }
}
