package dev.jmosh.ssp.transport.memory;

import dev.jmosh.ssp.Clock;

/** A {@link Clock} moved by hand, for simulations: time passes only when the program says so. */
public final class ManualClock implements Clock {
    private long now;

    /** A clock that reads {@code start} until moved. */
    public ManualClock(long start) {
        this.now = start;
    }

    @Override
    public long millis() {
        return now;
    }

    /** Moves the clock {@code ms} forward. */
    public void advance(long ms) {
        set(now + ms);
    }

    /**
     * Sets the time.
     *
     * @throws IllegalArgumentException if that would move the clock backwards
     */
    public void set(long ms) {
        if (ms < now) {
            throw new IllegalArgumentException("a clock never goes back: " + ms + " < " + now);
        }
        now = ms;
    }
}
