package dev.jmosh.statesync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A byte array that {@link UserStream}s and their copies share, filled from the front and never
 * rewritten: bytes below {@link #claimed} are immutable, and the space above belongs to whoever
 * claims it first. A stream whose last run ends exactly at the claimed mark appends in place;
 * any other stream (a copy that fell behind, or one that lost the race) starts a new chunk.
 * Claims are atomic, so copies used from different threads never write the same byte.
 */
final class ByteChunk {
    /** Capacity of a stream's first chunk for small pushes, in bytes; each next one doubles. */
    static final int FIRST_TAIL_BYTES = 64;

    /** Largest capacity of a chunk for small pushes, in bytes (a few seconds of fast typing). */
    static final int TAIL_BYTES = 1024;

    private static final VarHandle CLAIMED;

    static {
        try {
            CLAIMED = MethodHandles.lookup().findVarHandle(ByteChunk.class, "claimed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The bytes; only indices below the claimed mark hold data. */
    final byte[] bytes;

    /** Bytes written or being written, from index 0; accessed through {@link #CLAIMED}. */
    private volatile int claimed;

    private ByteChunk(byte[] bytes, int claimed) {
        this.bytes = bytes;
        this.claimed = claimed;
    }

    /** An empty chunk with room for {@code capacity} bytes. */
    static ByteChunk withCapacity(int capacity) {
        return new ByteChunk(new byte[capacity], 0);
    }

    /** Wraps {@code full}, which nobody else holds, as a chunk with no room left (not copied). */
    static ByteChunk adopt(byte[] full) {
        return new ByteChunk(full, full.length);
    }

    /**
     * Claims {@code [end, end + len)} for the caller, if nobody has claimed past {@code end} and
     * the bytes fit; the caller then writes them before anyone can see them.
     */
    boolean claim(int end, int len) {
        return len <= bytes.length - end && CLAIMED.compareAndSet(this, end, end + len);
    }
}
