package dev.jmosh.ssp;

/**
 * A monotonic millisecond clock. Every jmosh timer reads one injected {@code Clock}, so tests
 * drive time by hand instead of sleeping (mosh reads {@code CLOCK_MONOTONIC} once per loop).
 */
@FunctionalInterface
public interface Clock {
    /** Milliseconds since an arbitrary fixed origin; never decreases. */
    long millis();

    /** The system's monotonic clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}

/** {@link System#nanoTime()} in milliseconds. */
enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long millis() {
        return System.nanoTime() / 1_000_000L;
    }
}
