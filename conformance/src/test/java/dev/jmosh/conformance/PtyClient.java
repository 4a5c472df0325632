package dev.jmosh.conformance;

import dev.jmosh.conformance.trace.ScreenLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client program on a pseudo-terminal of its own (util-linux {@code script}, which is in
 * every Debian), with the test holding the terminal's two ends: keystrokes are written to it and
 * everything the client draws is read back as it happens. This is the keystroke-to-echo probe of
 * {@link EchoLatencyMeasurement}: no screen polling, so the time is what a terminal would see.
 *
 * <p>Echoes are recognised by Cyrillic letters (U+0430–U+044F, two bytes of UTF-8 each), which
 * no escape sequence and no notification text contains.
 */
final class PtyClient implements AutoCloseable {
    private final Process process;
    private final OutputStream keys;
    private final int[] counts = new int[64]; // occurrences of U+0430 + i in the output
    private final long[] drawnAt = new long[64]; // when the last of them was read (System.nanoTime)
    private final Thread reader;
    private final ScreenLog screens;
    private long bytesRead;
    /** Echo letters drawn while {@link #openLoop} runs: {slot, System.nanoTime()}. */
    private final List<long[]> draws = new java.util.ArrayList<>();
    private boolean recording;
    /** What {@link #watchFor} looks for in the output, the bytes kept to match across reads, and when it came. */
    private byte[] needle;
    private byte[] carry = new byte[0];
    private long foundAt = -1;
    /** Everything the client wrote to its terminal so far. */
    private final java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();

    /** Starts {@code shellCommand} on a {@code cols} x {@code rows} terminal. */
    PtyClient(int cols, int rows, String shellCommand) throws IOException {
        this(cols, rows, shellCommand, null);
    }

    /**
     * The same, and everything the client draws also goes to {@code screens} (if not null) as
     * it is read, so that the screen can be followed over time.
     */
    PtyClient(int cols, int rows, String shellCommand, ScreenLog screens) throws IOException {
        this.screens = screens;
        ProcessBuilder pb = new ProcessBuilder(List.of("script", "-q", "-e", "-c",
                "stty rows " + rows + " cols " + cols + " && exec " + shellCommand, "/dev/null"))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        process = pb.start();
        keys = process.getOutputStream();
        InputStream out = process.getInputStream();
        reader = new Thread(() -> read(out), "pty-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The process ids of the program under the terminal (the one {@code script} started, and its descendants). */
    List<Long> programPids() {
        return process.descendants().map(ProcessHandle::pid).toList();
    }

    private void read(InputStream out) {
        byte[] buf = new byte[8192];
        int lead = -1;
        try {
            for (int n; (n = out.read(buf)) > 0; ) {
                long now = System.nanoTime();
                if (screens != null) {
                    screens.feed(now, buf, n);
                }
                synchronized (this) {
                    for (int i = 0; i < n; i++) {
                        int b = buf[i] & 0xFF;
                        int slot = lead == 0xD0 && b >= 0xB0 && b <= 0xBF ? b - 0xB0
                                : lead == 0xD1 && b >= 0x80 && b <= 0x8F ? 16 + b - 0x80 : -1;
                        if (slot >= 0) {
                            counts[slot]++;
                            drawnAt[slot] = now;
                            if (recording) {
                                draws.add(new long[] {slot, now});
                            }
                        }
                        lead = b;
                    }
                    bytesRead += n;
                    output.write(buf, 0, n);
                    if (needle != null && foundAt < 0) {
                        look(buf, n, now);
                    }
                    notifyAll();
                }
            }
        } catch (IOException closed) {
            // the client is gone
        }
    }

    /** The i-th letter of the alphabet used for echoes (32 of them). */
    static char letter(int i) {
        return (char) (0x430 + Math.floorMod(i, 32));
    }

    /**
     * Types {@code c} (one of {@link #letter}) and returns the ms until the client drew it once
     * more than before, or -1 after {@code timeoutMillis}.
     */
    long keystroke(char c, long timeoutMillis) throws IOException, InterruptedException {
        long nanos = keystrokeNanos(c, timeoutMillis);
        return nanos < 0 ? -1 : nanos / 1_000_000;
    }

    /** The same in ns, or -1 after {@code timeoutMillis}. */
    long keystrokeNanos(char c, long timeoutMillis) throws IOException, InterruptedException {
        int slot = c - 0x430;
        if (slot < 0 || slot >= 32) {
            throw new IllegalArgumentException("not an echo letter: " + c);
        }
        long deadline;
        long start;
        synchronized (this) {
            int before = counts[slot];
            start = System.nanoTime();
            deadline = start + timeoutMillis * 1_000_000L;
            keys.write(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            keys.flush();
            while (counts[slot] <= before) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return -1;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return drawnAt[slot] - start;
        }
    }

    /**
     * Open-loop typing: types letters {@code first}, {@code first + 1}, ... ({@code count} of
     * them, at most 32 so that no letter repeats) one every {@code intervalMillis} whatever the
     * echoes do, then waits up to {@code timeoutMillis} after the last for the rest. A key's time
     * runs from its writing to the first draw of its letter after that.
     *
     * @return each key's time in ns, -1 for a key whose letter was not drawn in time
     */
    long[] openLoop(int first, int count, long intervalMillis, long timeoutMillis)
            throws IOException, InterruptedException {
        if (count > 32) {
            throw new IllegalArgumentException("at most 32 keys, so that no letter repeats: " + count);
        }
        long[] sent = new long[count];
        synchronized (this) {
            draws.clear();
            recording = true;
        }
        try {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + TimeUnit.MILLISECONDS.toNanos(i * intervalMillis);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                synchronized (this) {
                    sent[i] = System.nanoTime();
                    keys.write(String.valueOf(letter(first + i)).getBytes(StandardCharsets.UTF_8));
                    keys.flush();
                }
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            synchronized (this) {
                long[] times = match(first, sent);
                while (java.util.Arrays.stream(times).anyMatch(t -> t < 0)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                    times = match(first, sent);
                }
                return times;
            }
        } finally {
            synchronized (this) {
                recording = false;
            }
        }
    }

    /** Each key's first draw of its letter at or after its writing (no letter repeats within a call). */
    private long[] match(int first, long[] sent) {
        long[] times = new long[sent.length];
        for (int i = 0; i < sent.length; i++) {
            int slot = letter(first + i) - 0x430;
            times[i] = -1;
            for (long[] d : draws) {
                if (d[0] == slot && d[1] >= sent[i]) {
                    times[i] = d[1] - sent[i];
                    break;
                }
            }
        }
        return times;
    }

    /**
     * From now on, watches the client's output for {@code text} (UTF-8); {@link #awaitWatched}
     * says when it came. Only output read after this call counts.
     */
    synchronized void watchFor(String text) {
        needle = text.getBytes(StandardCharsets.UTF_8);
        carry = new byte[0];
        foundAt = -1;
    }

    /** Waits up to {@code millis} for the watched text; its arrival ({@link System#nanoTime}) or -1. */
    synchronized long awaitWatched(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (foundAt < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return foundAt;
    }

    /** Searches what was carried over plus this read for the needle; keeps the last needle-1 bytes. */
    private void look(byte[] buf, int n, long now) {
        byte[] hay = new byte[carry.length + n];
        System.arraycopy(carry, 0, hay, 0, carry.length);
        System.arraycopy(buf, 0, hay, carry.length, n);
        if (com.google.common.primitives.Bytes.indexOf(hay, needle) >= 0) {
            foundAt = now;
            return;
        }
        int keep = Math.min(hay.length, needle.length - 1);
        carry = java.util.Arrays.copyOfRange(hay, hay.length - keep, hay.length);
    }

    /** Writes raw bytes (Enter is "\r"). */
    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** The bytes the client has written to its terminal so far (its raw output stream). */
    synchronized byte[] output() {
        return output.toByteArray();
    }

    /** How many bytes the client has written to its terminal so far. */
    synchronized long bytesRead() {
        return bytesRead;
    }

    /** Waits until the client has drawn at least {@code n} bytes, at most {@code millis}; returns whether it did. */
    synchronized boolean awaitOutput(long n, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (bytesRead < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Quits the client with its escape sequence, then makes sure it and {@code script} are gone. */
    @Override
    public void close() throws Exception {
        try {
            type("\u001e.");
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException gone) {
            // already exited
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
