package dev.jmosh.statesync;

import java.util.Arrays;

/**
 * Walks the events of a {@link UserStream} a run at a time: a run is one resize, or bytes that
 * lie together in one {@link ByteChunk}. Consecutive runs of bytes are consecutive typed bytes,
 * whichever chunks hold them. The stream must not change while a cursor walks it.
 */
final class RunCursor {
    private final SegmentLog log;
    private final int endSegment;
    private final long endPos;
    private int segment;
    private long pos;

    /** A cursor at position {@code pos}, inside segment {@code segment} of those up to {@code endSegment}. */
    RunCursor(SegmentLog log, int segment, int endSegment, long pos, long endPos) {
        this.log = log;
        this.segment = segment;
        this.endSegment = endSegment;
        this.pos = pos;
        this.endPos = endPos;
    }

    /** Whether every event has been walked. */
    boolean done() {
        return pos >= endPos;
    }

    /** The current run's resize, or null when it is a run of bytes. */
    UserEvent.Resize resize() {
        return log.items[segment] instanceof UserEvent.Resize r ? r : null;
    }

    /** Events left in the current run (1 for a resize). */
    int length() {
        long segmentEnd = segment + 1 < endSegment ? log.starts[segment + 1] : endPos;
        return (int) (segmentEnd - pos);
    }

    /** The array holding the current run of bytes; read only, never write. */
    byte[] bytes() {
        return ((ByteChunk) log.items[segment]).bytes;
    }

    /** The index in {@link #bytes} of the current run's next byte. */
    int offset() {
        return log.offsets[segment] + (int) (pos - log.starts[segment]);
    }

    /** Moves past {@code n} events of the current run ({@code 0 < n <= length()}). */
    void advance(int n) {
        boolean runEnds = n == length();
        pos += n;
        if (runEnds && segment + 1 < endSegment) {
            segment++;
        }
    }

    /** How many events {@code x} and {@code y} have in common from where they are, walking both. */
    static long commonPrefix(RunCursor x, RunCursor y) {
        long same = 0;
        while (!x.done() && !y.done()) {
            UserEvent.Resize rx = x.resize();
            UserEvent.Resize ry = y.resize();
            int n;
            if (rx != null || ry != null) {
                if (rx == null || !rx.equals(ry)) {
                    break;
                }
                n = 1;
            } else {
                n = Math.min(x.length(), y.length());
                if (x.bytes() != y.bytes() || x.offset() != y.offset()) { // else the very same bytes
                    int diff = Arrays.mismatch(x.bytes(), x.offset(), x.offset() + n, y.bytes(), y.offset(), y.offset() + n);
                    if (diff >= 0) {
                        return same + diff;
                    }
                }
            }
            x.advance(n);
            y.advance(n);
            same += n;
        }
        return same;
    }
}
