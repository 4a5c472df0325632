package dev.jmosh.statesync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The segments of a {@link UserStream} and of its copies, in one append-only table the copies
 * share: a segment is a {@link UserEvent.Resize} or a run of bytes in a {@link ByteChunk}. Entries
 * below {@link #claimed} never change, and each stream sees a range of them; as with
 * {@link ByteChunk}, the stream whose range ends at the claimed mark appends in place, and any
 * other grows a table of its own. A copy therefore costs nothing until it diverges.
 *
 * <p>Segment {@code i} starts at stream position {@code starts[i]} (positions count events from
 * the stream's first push, and only grow); where it ends depends on the stream looking at it (at
 * the next segment it sees, or at its own end), which lets a stream extend its last run of bytes
 * without touching the table.
 */
final class SegmentLog {
    /** A table with no room, shared by empty streams. */
    static final SegmentLog EMPTY = new SegmentLog(0, 0);

    /** Smallest capacity of a grown table, in segments. */
    private static final int MIN_SEGMENTS = 8;

    private static final VarHandle CLAIMED;

    static {
        try {
            CLAIMED = MethodHandles.lookup().findVarHandle(SegmentLog.class, "claimed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Each segment: a {@link ByteChunk} or a {@link UserEvent.Resize}. */
    final Object[] items;
    /** For a run of bytes, the index in its chunk of the byte at {@code starts[i]}. */
    final int[] offsets;
    /** The stream position of each segment's first event. */
    final long[] starts;

    /** Entries written or being written, from index 0; accessed through {@link #CLAIMED}. */
    private volatile int claimed;

    private SegmentLog(int capacity, int claimed) {
        this.items = new Object[capacity];
        this.offsets = new int[capacity];
        this.starts = new long[capacity];
        this.claimed = claimed;
    }

    /** Claims entry {@code index} for the caller if it is the next free one and fits. */
    boolean claim(int index) {
        return index < items.length && CLAIMED.compareAndSet(this, index, index + 1);
    }

    /** Writes a claimed entry. */
    void set(int index, Object item, int offset, long start) {
        items[index] = item;
        offsets[index] = offset;
        starts[index] = start;
    }

    /**
     * A new table holding entries {@code [from, to)} of this one at index 0, with the entry after
     * them already claimed for the caller (room for live segments to double, so appending stays
     * amortised O(1), and entries no stream needs any more are left behind).
     */
    SegmentLog grownCopy(int from, int to) {
        int live = to - from;
        SegmentLog grown = new SegmentLog(Math.max(MIN_SEGMENTS, 2 * live + 2), live + 1);
        System.arraycopy(items, from, grown.items, 0, live);
        System.arraycopy(offsets, from, grown.offsets, 0, live);
        System.arraycopy(starts, from, grown.starts, 0, live);
        return grown;
    }
}
