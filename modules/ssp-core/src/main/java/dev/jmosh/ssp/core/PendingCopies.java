package dev.jmosh.ssp.core;

import java.util.List;

/**
 * The copies of one state still to be sent (loss duplication, see {@link TransportSender}): the
 * datagrams of its first sending again, {@value TransportSender#DUPLICATE_GAP_MS}, 10 and 20 ms
 * apart. A newer state's copies replace them.
 */
final class PendingCopies {
    private static final long NONE = Long.MAX_VALUE;

    private List<byte[]> datagrams;
    private long num;
    private long dueAt = NONE;
    private int left;
    private int sent;

    /** Schedules {@code copies} copies of state {@code num}'s {@code datagrams}, sent at {@code now}. */
    void schedule(List<byte[]> datagrams, long num, int copies, long now) {
        this.datagrams = datagrams;
        this.num = num;
        this.left = copies;
        this.sent = 0;
        this.dueAt = copies > 0 ? now + TransportSender.DUPLICATE_GAP_MS : NONE;
    }

    /** When the next copy is due; {@link Long#MAX_VALUE} if none is pending. */
    long dueAt() {
        return dueAt;
    }

    /** Whether a copy is due at {@code now}. */
    boolean isDue(long now) {
        return dueAt != NONE && now >= dueAt;
    }

    /** The state the pending copies are of. */
    long num() {
        return num;
    }

    /** The datagrams of the copy due now, scheduling the next one (each gap twice the last). */
    List<byte[]> take(long now) {
        List<byte[]> due = datagrams;
        if (--left > 0) {
            dueAt = now + TransportSender.DUPLICATE_GAP_MS * (1L << ++sent);
        } else {
            cancel();
        }
        return due;
    }

    /** Drops whatever is pending. */
    void cancel() {
        datagrams = null;
        dueAt = NONE;
        left = 0;
    }
}
