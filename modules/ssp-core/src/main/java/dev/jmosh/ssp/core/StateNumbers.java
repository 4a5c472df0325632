package dev.jmosh.ssp.core;

/** Unsigned 64-bit state numbers, as mosh's {@code uint64_t}; -1 means shutdown. */
final class StateNumbers {
    /** The state number of a shutdown request (2^64 - 1). */
    static final long SHUTDOWN = -1L;

    private StateNumbers() {
    }

    static boolean less(long a, long b) {
        return Long.compareUnsigned(a, b) < 0;
    }

    static boolean greater(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }
}
