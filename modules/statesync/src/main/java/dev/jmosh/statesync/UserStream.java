package dev.jmosh.statesync;

import dev.jmosh.ssp.SyncState;
import dev.jmosh.ssp.WireFormatException;
import dev.jmosh.ssp.core.wire.UserMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The client's state (mosh {@code Network::UserStream}): an append-only log of keystrokes and
 * resizes. A diff is the events after the reference state, with consecutive bytes merged into
 * one {@code Keystroke}; acknowledged prefixes are trimmed on both sides with {@link #subtract}.
 *
 * <p>Copies share structure: the bytes live in immutable chunks and the segments (runs of bytes,
 * resizes) in an append-only table, both shared with copies and written only past what any
 * stream sees ({@link ByteChunk}, {@link SegmentLog}). So {@link #copy} is O(1) and allocates no
 * per-event storage, a receiver that keeps many states built by copy and
 * {@link #applyDiff} holds each byte once, and a long keystroke element is kept as the array it
 * was decoded into. Small pushes fill a shared tail chunk in place, so the client's byte-at-a-time
 * typing costs no object per byte. Not thread-safe; copies may be used from different threads.
 */
public final class UserStream implements SyncState<UserStream> {
    /** Most events one stream holds (its {@link #size} is an int). */
    static final int MAX_EVENTS = Integer.MAX_VALUE - 8;

    /** Keystroke elements at least this long (bytes) are kept as their own chunk, not copied. */
    static final int ADOPT_MIN_BYTES = 256;

    /** {@code UserEvent.UserByte.of(b).hashCode()} for each unsigned byte {@code b}. */
    private static final int[] BYTE_HASH = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            BYTE_HASH[b] = UserEvent.UserByte.of((byte) b).hashCode();
        }
    }

    private SegmentLog log;
    /** Index in {@link #log} of the first segment held. */
    private int first;
    /** Index in {@link #log} past the last segment held; {@code first == end} when empty. */
    private int end;
    /** Stream position of the first event held (it may lie inside segment {@link #first}). */
    private long startPos;
    /** Stream position past the last event held. */
    private long endPos;
    private long keyBytes;
    /** The chunk small pushes go to, or null: bytes below {@link #tailAt} are written. */
    private ByteChunk tail;
    private int tailAt;
    /** The segment {@link #get} found last: a guess, checked before use. */
    private int hint;

    /** An empty stream (state 0). */
    public UserStream() {
        this.log = SegmentLog.EMPTY;
    }

    private UserStream(UserStream from) {
        this.log = from.log;
        this.first = from.first;
        this.end = from.end;
        this.startPos = from.startPos;
        this.endPos = from.endPos;
        this.keyBytes = from.keyBytes;
        this.tail = from.tail;
        this.tailAt = from.tailAt;
        this.hint = from.first;
    }

    /** What {@link #forEachRun} hands over, in stream order. */
    public interface RunVisitor {
        /**
         * Consecutive typed bytes, as a read-only buffer valid during the call; one stretch of
         * typing may arrive in several calls.
         */
        void keystrokes(ByteBuffer keys);

        /** A window resize. */
        void resize(UserEvent.Resize resize);
    }

    /**
     * Appends typed bytes (copied).
     *
     * @throws IllegalStateException when the stream would hold more than {@value #MAX_EVENTS} events
     */
    public void pushBytes(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        if (len == 0) {
            return;
        }
        checkRoom(len);
        if (len >= ADOPT_MIN_BYTES) {
            appendSegment(ByteChunk.adopt(Arrays.copyOfRange(bytes, off, off + len)), 0, len);
        } else {
            if (tail == null || !tail.claim(tailAt, len)) {
                int grown = tail == null ? ByteChunk.FIRST_TAIL_BYTES : 2 * tail.bytes.length;
                tail = ByteChunk.withCapacity(Math.max(len, Math.min(grown, ByteChunk.TAIL_BYTES)));
                tailAt = 0;
                tail.claim(0, len);
            }
            System.arraycopy(bytes, off, tail.bytes, tailAt, len);
            if (first < end && log.items[end - 1] == tail
                    && log.offsets[end - 1] + (endPos - log.starts[end - 1]) == tailAt) {
                endPos += len; // the last run of bytes grows in place
            } else {
                appendSegment(tail, tailAt, len);
            }
            tailAt += len;
        }
        keyBytes += len;
    }

    /**
     * Appends one event.
     *
     * @throws IllegalStateException when the stream would hold more than {@value #MAX_EVENTS} events
     */
    public void push(UserEvent event) {
        if (event instanceof UserEvent.UserByte b) {
            pushBytes(new byte[] {b.value()}, 0, 1);
        } else {
            checkRoom(1);
            appendSegment(Objects.requireNonNull(event, "event"), 0, 1);
        }
    }

    /** Number of events held (a byte or a resize each). */
    public int size() {
        return (int) (endPos - startPos);
    }

    /** Typed bytes held (events that are not resizes). */
    public long keystrokeBytes() {
        return keyBytes;
    }

    /**
     * The {@code i}th event held: O(1) when called in order (as in a loop over {@code i}), else
     * O(log segments).
     */
    public UserEvent get(int i) {
        Objects.checkIndex(i, size());
        long pos = startPos + i;
        int s = locate(pos);
        Object item = log.items[s];
        if (item instanceof ByteChunk c) {
            return UserEvent.UserByte.of(c.bytes[log.offsets[s] + (int) (pos - log.starts[s])]);
        }
        return (UserEvent.Resize) item;
    }

    /** Whether no events are held. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Hands every event held to {@code visitor}, in order, bytes by the run rather than one by one. */
    public void forEachRun(RunVisitor visitor) {
        for (RunCursor c = runs(0); !c.done(); c.advance(c.length())) {
            UserEvent.Resize r = c.resize();
            if (r != null) {
                visitor.resize(r);
            } else {
                visitor.keystrokes(ByteBuffer.wrap(c.bytes(), c.offset(), c.length()).slice().asReadOnlyBuffer());
            }
        }
    }

    /** An independent copy, in O(1): it shares the immutable storage and diverges on write. */
    @Override
    public UserStream copy() {
        return new UserStream(this);
    }

    /**
     * Trims the longest common prefix of this stream and {@code prefix} (all of {@code prefix}
     * when it is acknowledged state of this one); with {@code this}, empties the stream.
     */
    @Override
    public void subtract(UserStream prefix) {
        if (prefix == this) {
            clear();
            return;
        }
        long same = RunCursor.commonPrefix(runs(0), prefix.runs(0));
        if (same == size()) {
            clear();
        } else if (same > 0) {
            RunCursor c = runs(0);
            for (long left = same; left > 0; ) {
                int n = (int) Math.min(left, c.length());
                if (c.resize() == null) {
                    keyBytes -= n;
                }
                c.advance(n);
                left -= n;
            }
            startPos += same;
            first = locate(startPos); // a partly trimmed run stays a view of its chunk, uncopied
        }
    }

    @Override
    public byte[] diffFrom(UserStream existing) {
        int skip = Math.min(existing.size(), size());
        List<UserMessage.Element> out = new ArrayList<>();
        ByteArrayOutputStream keys = null;
        for (RunCursor c = runs(skip); !c.done(); c.advance(c.length())) {
            UserEvent.Resize r = c.resize();
            if (r == null) {
                if (keys == null) {
                    keys = new ByteArrayOutputStream();
                }
                keys.write(c.bytes(), c.offset(), c.length());
            } else {
                if (keys != null) {
                    out.add(new UserMessage.Keystroke(keys.toByteArray()));
                    keys = null;
                }
                out.add(new UserMessage.Resize(r.width(), r.height()));
            }
        }
        if (keys != null) {
            out.add(new UserMessage.Keystroke(keys.toByteArray()));
        }
        return out.isEmpty() ? new byte[0] : new UserMessage(out).encode();
    }

    @Override
    public byte[] initDiff() {
        return diffFrom(new UserStream());
    }

    /**
     * Appends the events of a peer's diff: each keystroke element as one run of bytes (a long one
     * kept as the array it was decoded into), each resize as one event.
     *
     * @throws WireFormatException when the diff does not parse or the stream would hold more than
     *     {@value #MAX_EVENTS} events; the stream is then unchanged
     */
    @Override
    public void applyDiff(byte[] diff) throws WireFormatException {
        UserMessage message = UserMessage.decode(diff);
        long events = 0;
        for (UserMessage.Element e : message.elements()) {
            events += e instanceof UserMessage.Keystroke k ? k.keys().length : 1;
        }
        if (events > MAX_EVENTS - size()) {
            throw new WireFormatException("user stream diff of " + events + " events overflows a stream of " + size());
        }
        for (UserMessage.Element e : message.elements()) {
            if (e instanceof UserMessage.Keystroke k) {
                byte[] keys = k.keys(); // decoded afresh, so nobody else holds it
                if (keys.length >= ADOPT_MIN_BYTES) {
                    appendSegment(ByteChunk.adopt(keys), 0, keys.length);
                    keyBytes += keys.length;
                } else {
                    pushBytes(keys, 0, keys.length);
                }
            } else if (e instanceof UserMessage.Resize r) {
                appendSegment(new UserEvent.Resize(r.width(), r.height()), 0, 1);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserStream other && other.size() == size()
                && RunCursor.commonPrefix(runs(0), other.runs(0)) == size();
    }

    /** The hash of the list of events held, as {@link java.util.List#hashCode} computes it. */
    @Override
    public int hashCode() {
        int h = 1;
        for (RunCursor c = runs(0); !c.done(); c.advance(c.length())) {
            UserEvent.Resize r = c.resize();
            if (r != null) {
                h = 31 * h + r.hashCode();
            } else {
                byte[] b = c.bytes();
                for (int i = c.offset(), to = i + c.length(); i < to; i++) {
                    h = 31 * h + BYTE_HASH[b[i] & 0xFF];
                }
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return "UserStream[" + size() + " events]";
    }

    /** The segment table this stream reads (for footprint tests). */
    SegmentLog segments() {
        return log;
    }

    /** Number of segments (runs of bytes and resizes) held. */
    int segmentCount() {
        return end - first;
    }

    private void checkRoom(int events) {
        if (events > MAX_EVENTS - size()) {
            throw new IllegalStateException("a user stream holds at most " + MAX_EVENTS + " events");
        }
    }

    /** Appends a segment of {@code events} events: a resize, or bytes from {@code offset} of a chunk. */
    private void appendSegment(Object item, int offset, int events) {
        if (!log.claim(end)) {
            log = log.grownCopy(first, end);
            end -= first;
            first = 0;
        }
        log.set(end, item, offset, endPos);
        end++;
        endPos += events;
    }

    private void clear() {
        log = SegmentLog.EMPTY;
        first = 0;
        end = 0;
        startPos = 0;
        endPos = 0;
        keyBytes = 0;
        tail = null;
        tailAt = 0;
    }

    /** A cursor at the {@code i}th event held ({@code 0 <= i <= size()}). */
    private RunCursor runs(int i) {
        long pos = startPos + i;
        return new RunCursor(log, pos < endPos ? locate(pos) : first, end, pos, endPos);
    }

    /** The segment holding stream position {@code pos}, which must be held. */
    private int locate(long pos) {
        int h = hint;
        if (h >= first && h < end && log.starts[h] <= pos) {
            if (h + 1 == end || pos < log.starts[h + 1]) {
                return h;
            }
            if (h + 2 == end || pos < log.starts[h + 2]) {
                hint = h + 1;
                return h + 1;
            }
        }
        int found = Arrays.binarySearch(log.starts, first, end, pos);
        h = found >= 0 ? found : -found - 2;
        hint = h;
        return h;
    }
}
