package dev.jmosh.ssp.core;

import dev.jmosh.ssp.SyncState;

/**
 * A numbered version of a synchronised state with the time it was sent or received
 * (mosh {@code TimestampedState}). State numbers are unsigned 64-bit; -1 (2^64-1) is shutdown.
 *
 * @param <S> the state type
 */
public final class TimestampedState<S extends SyncState<S>> {
    long timestamp;
    final long num;
    final S state;
    /** The state the latest sending was a diff from (its {@code old_num}); -1 before it is sent. */
    long base = -1;
    /**
     * Whether the sender trusts it to have arrived until its own timeout, whatever became of older
     * states (jmosh's timing: a small state's first sending; see {@link SentStates#updateAssumed}).
     */
    boolean trusted;
    /** Bytes of diff this state added to its reference when it was received (what it holds beyond what it shares). */
    long addedBytes;

    TimestampedState(long timestamp, long num, S state) {
        this.timestamp = timestamp;
        this.num = num;
        this.state = state;
    }

    /** When this state was sent or received, in clock milliseconds. */
    public long timestamp() {
        return timestamp;
    }

    /** The state number (unsigned). */
    public long num() {
        return num;
    }

    /** The state itself; callers must not modify it. */
    public S state() {
        return state;
    }
}
