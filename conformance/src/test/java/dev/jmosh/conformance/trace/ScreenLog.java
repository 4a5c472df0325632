package dev.jmosh.conformance.trace;

import dev.jmosh.vt.Emulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a client drew on its terminal, over time: its output runs through jmosh's emulator as it
 * is read, and every read that changes the text or the cursor adds a timestamped
 * {@link Snapshot}. Thread-safe: a reader thread feeds it while the test waits on it.
 */
public final class ScreenLog {
    /** The screen after a read at {@code nanos} ({@link System#nanoTime}). */
    public record Snapshot(long nanos, Screen screen) {
    }

    private final Emulator emulator;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private Screen current;
    private long lastChangeNanos;

    public ScreenLog(int columns, int rows) {
        emulator = new Emulator(columns, rows);
        current = Screen.of(emulator.framebuffer());
        lastChangeNanos = System.nanoTime();
        snapshots.add(new Snapshot(lastChangeNanos, current));
    }

    /** Takes what the client wrote, read at {@code nanos}. */
    public synchronized void feed(long nanos, byte[] data, int len) {
        emulator.write(data, 0, len);
        emulator.takeReplies(); // a terminal's answers would go back to the client; none are needed
        Screen s = Screen.of(emulator.framebuffer());
        if (!s.equals(current)) {
            current = s;
            lastChangeNanos = nanos;
            snapshots.add(new Snapshot(nanos, s));
            notifyAll();
        }
    }

    /** The screen now. */
    public synchronized Screen current() {
        return current;
    }

    /** Every change so far, oldest first. */
    public synchronized List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    /** The number of snapshots so far (an index for {@link #since}). */
    public synchronized int count() {
        return snapshots.size();
    }

    /** The screens from snapshot {@code index} on. */
    public synchronized List<Screen> since(int index) {
        return snapshots.subList(index, snapshots.size()).stream().map(Snapshot::screen).toList();
    }

    /**
     * Waits until the screen has not changed for {@code quietMillis}, counted from now or from its
     * last change if later, at most {@code maxMillis}; returns whether it went quiet.
     */
    public synchronized boolean awaitQuiet(long quietMillis, long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + maxMillis * 1_000_000L;
        while (true) {
            long now = System.nanoTime();
            long quietUntil = Math.max(lastChangeNanos, start) + quietMillis * 1_000_000L;
            if (now >= quietUntil) {
                return true;
            }
            if (now >= deadline) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(quietUntil, deadline) - now);
        }
    }

    /** Waits until the screen satisfies {@code p}, at most {@code maxMillis}; returns whether it did. */
    public synchronized boolean await(Predicate<Screen> p, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        while (!p.test(current)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
