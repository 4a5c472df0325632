package dev.jmosh.ssp.core;

import dev.jmosh.ssp.Clock;

/** A clock tests move by hand. */
final class ManualClock implements Clock {
    private long now;

    ManualClock(long start) {
        this.now = start;
    }

    @Override
    public long millis() {
        return now;
    }

    void advance(long ms) {
        now += ms;
    }

    void set(long ms) {
        now = ms;
    }
}
