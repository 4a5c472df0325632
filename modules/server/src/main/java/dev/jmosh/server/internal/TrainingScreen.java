package dev.jmosh.server.internal;

import dev.jmosh.pty.Pty;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The screen a program on a pseudo-terminal draws, as a terminal would show it: a reader thread
 * feeds everything the program writes to an emulator, and {@link #await} waits, with a
 * deadline, until some text is on the screen. Used by the AOT training run to follow the client.
 */
public final class TrainingScreen {
    private final Emulator emulator;
    private boolean ended;

    private TrainingScreen(int columns, int rows) {
        this.emulator = new Emulator(columns, rows);
    }

    /** Starts following {@code pty}'s output on a {@code columns} x {@code rows} screen. */
    public static TrainingScreen follow(Pty pty, int columns, int rows) {
        TrainingScreen screen = new TrainingScreen(columns, rows);
        Thread reader = new Thread(() -> screen.read(pty), "aot-training-screen");
        reader.setDaemon(true);
        reader.start();
        return screen;
    }

    private void read(Pty pty) {
        byte[] buf = new byte[16384];
        try {
            for (int n; (n = pty.read(buf, 0, buf.length)) >= 0; ) {
                synchronized (this) {
                    emulator.write(buf, 0, n);
                    emulator.takeReplies(); // a person's terminal would answer; the client asks nothing it needs
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the program is gone
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    /** Resizes the screen, as a terminal does before it signals the program. */
    public synchronized void resize(int columns, int rows) {
        emulator.resize(columns, rows);
    }

    /** The screen's rows, one line each. */
    public synchronized String text() {
        Framebuffer f = emulator.framebuffer();
        StringBuilder b = new StringBuilder();
        for (int row = 0; row < f.rows(); row++) {
            b.append(f.rowText(row).stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /**
     * Waits until {@code text} is on the screen.
     *
     * @throws TimeoutException after {@code millis}, or once the program has ended without it,
     *         with the screen in the message
     */
    public synchronized void await(String text, long millis) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!text().contains(text)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || ended) {
                throw new TimeoutException((ended ? "the client ended" : "gave up after " + millis + " ms")
                        + " before showing '" + text + "'; its screen:\n" + text());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
