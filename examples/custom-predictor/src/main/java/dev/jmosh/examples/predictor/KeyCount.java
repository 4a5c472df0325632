package dev.jmosh.examples.predictor;

import dev.jmosh.ssp.spi.Predictor;
import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Draws {@code keys:N} (N typed so far) in the top-right corner, followed by {@code +M} while M
 * of those keys wait for the server's echo ack: the same confirmation mosh's local echo relies
 * on, shown as a number instead of as predicted characters.
 */
final class KeyCount implements Predictor<Framebuffer> {
    /** For each read of input still unconfirmed: its client state number and how many keys it had. */
    private final Deque<long[]> pending = new ArrayDeque<>();
    private long typed;

    @Override
    public void userInput(byte[] bytes, int off, int len, Framebuffer frame, long stateNum, long nowMillis) {
        typed += len;
        pending.add(new long[] {stateNum, len});
    }

    @Override
    public void serverFrame(Framebuffer frame, long echoAck, long nowMillis) {
        while (!pending.isEmpty() && pending.peek()[0] <= echoAck) {
            pending.poll();
        }
    }

    @Override
    public void sendInterval(long millis) {
        // no adaptive behaviour
    }

    @Override
    public void overlay(Framebuffer frame, long nowMillis) {
        long waiting = pending.stream().mapToLong(p -> p[1]).sum();
        String text = "keys:" + typed + (waiting > 0 ? "+" + waiting : "");
        int start = Math.max(0, frame.columns() - text.length());
        for (int i = 0; i < text.length() && start + i < frame.columns(); i++) {
            frame.setCell(0, start + i, Cell.of(String.valueOf(text.charAt(i)), Rendition.DEFAULT));
        }
    }

    @Override
    public void reset() {
        pending.clear();
    }

    @Override
    public long wakeupMillis(long nowMillis) {
        return -1;
    }
}
