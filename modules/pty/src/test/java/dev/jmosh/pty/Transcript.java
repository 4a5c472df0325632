package dev.jmosh.pty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Test helper: reads a pty's output on a platform thread until EOF and lets a test wait, with a
 * deadline, for a condition on the text so far.
 */
final class Transcript {
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean eof;
    private IOException failure;
    private long firstByteNanos;

    private Transcript() {
    }

    /** Starts reading {@code pty}. */
    static Transcript of(Pty pty) {
        Transcript t = new Transcript();
        Thread.ofPlatform().name("transcript").daemon().start(() -> t.pump(pty));
        return t;
    }

    private void pump(Pty pty) {
        byte[] buf = new byte[8192];
        try {
            while (true) {
                int n = pty.read(buf, 0, buf.length);
                synchronized (this) {
                    if (n < 0) {
                        eof = true;
                        notifyAll();
                        return;
                    }
                    if (bytes.size() == 0) {
                        firstByteNanos = System.nanoTime();
                    }
                    bytes.write(buf, 0, n);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
                eof = true;
                notifyAll();
            }
        }
    }

    /** The output so far, decoded as UTF-8. */
    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The output so far. */
    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    /** {@link System#nanoTime()} when the first byte arrived, or 0. */
    synchronized long firstByteNanos() {
        return firstByteNanos;
    }

    /** Whether read() has returned -1. */
    synchronized boolean atEof() {
        return eof;
    }

    /** Waits until the text contains {@code s}; returns the text. */
    String awaitText(String s) throws InterruptedException, TimeoutException {
        return await(text -> text.contains(s), "output containing " + s.replace("\r", "\\r").replace("\n", "\\n"));
    }

    /** Waits until {@code condition} holds on the text; returns the text. */
    synchronized String await(Predicate<String> condition, String what) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.test(text())) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || (eof && !condition.test(text()))) {
                throw new TimeoutException("no " + what + (eof ? " before EOF" : " in " + PATIENCE)
                        + "; got: " + text().replace("\r", "\\r").replace("\n", "\\n"));
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return text();
    }

    /** Waits for EOF (read() returned -1); returns the whole text. */
    synchronized String awaitEof() throws InterruptedException, TimeoutException, IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!eof) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no EOF in " + PATIENCE + "; got: " + text());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (failure != null) {
            throw failure;
        }
        return text();
    }
}
