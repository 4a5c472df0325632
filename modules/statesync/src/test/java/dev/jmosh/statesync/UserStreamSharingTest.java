package dev.jmosh.statesync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.core.wire.UserMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: states made by {@code copy()} share their bytes. Memory is measured structurally:
 * {@link #footprint} adds up the storage objects the states reach, each counted once however
 * many states share it (no timing, no {@code Runtime} figures).
 */
class UserStreamSharingTest {
    /** Bytes of an object header, rounded up (compressed or not). */
    private static final long HEADER_BYTES = 16;
    /** Bytes of one segment table entry: a reference, an int offset and a long start. */
    private static final long ENTRY_BYTES = 8 + 4 + 8;
    /** Bytes of a {@link UserStream} object itself, generously. */
    private static final long STREAM_BYTES = 96;
    /** The hostile client's first state, in bytes (issue 17's 3.9 MB). */
    private static final int ATTACK_BYTES = 3_900_000;
    /** Slack allowed over the bytes actually typed, in bytes. */
    private static final long SLACK_BYTES = 64 * 1024;

    @Test
    void aHostileClientsRetainedStatesShareOneCopyOfItsKeystrokes() throws Exception {
        byte[] big = new byte[ATTACK_BYTES];
        new SplittableRandom(17).nextBytes(big);
        UserStream client = new UserStream();
        client.pushBytes(big, 0, big.length);
        byte[] firstDiff = client.diffFrom(new UserStream());

        // the server's receiver, as Transport does it with a throwaway number that never moves:
        // state 0 stays the oldest; each state is the previous one's copy plus its diff, and
        // lastReceiverState is a copy of the newest
        List<UserStream> retained = new ArrayList<>();
        UserStream state0 = new UserStream();
        retained.add(state0);
        UserStream state = state0.copy();
        state.applyDiff(firstDiff);
        retained.add(state);
        UserStream lastReceiverState = state.copy();
        for (int k = 1; k <= 6; k++) {
            UserStream next = state.copy();
            next.applyDiff(UserMessage.of(new UserMessage.Keystroke(new byte[] {(byte) k})).encode());
            retained.add(next);
            assertThat(next.diffFrom(lastReceiverState)).as("the remote diff is the new byte only").hasSizeLessThan(16);
            for (UserStream s : retained) {
                s.subtract(state0); // received.subtractAll(front)
            }
            lastReceiverState = next.copy();
            state = next;
        }
        retained.add(lastReceiverState);

        assertThat(state.size()).isEqualTo(ATTACK_BYTES + 6);
        assertThat(state.keystrokeBytes()).isEqualTo(ATTACK_BYTES + 6);
        assertThat(state.get(ATTACK_BYTES - 1)).isEqualTo(UserEvent.UserByte.of(big[ATTACK_BYTES - 1]));
        assertThat(state.get(ATTACK_BYTES + 5)).isEqualTo(UserEvent.UserByte.of((byte) 6));
        long perEventLayout = 4L * (ATTACK_BYTES + 3) * (retained.size() - 1);
        assertThat(footprint(retained))
                .as("8 states of 3.9 MB each; one reference per byte would take %d bytes", perEventLayout)
                .isLessThan(ATTACK_BYTES + SLACK_BYTES);
    }

    @Test
    void statesBranchingFromOneReferenceShareItsKeystrokes() throws Exception {
        byte[] big = new byte[ATTACK_BYTES];
        new SplittableRandom(18).nextBytes(big);
        UserStream reference = new UserStream();
        reference.pushBytes(big, 0, big.length);
        List<UserStream> retained = new ArrayList<>(List.of(reference));
        for (int k = 0; k < 64; k++) {
            UserStream s = reference.copy();
            s.applyDiff(UserMessage.of(new UserMessage.Resize(80 + k, 24),
                    new UserMessage.Keystroke(new byte[] {(byte) k})).encode());
            retained.add(s);
            assertThat(s.size()).isEqualTo(ATTACK_BYTES + 2);
            assertThat(s.get(ATTACK_BYTES)).isEqualTo(new UserEvent.Resize(80 + k, 24));
        }
        assertThat(footprint(retained)).isLessThan(ATTACK_BYTES + 64 * ByteChunk.TAIL_BYTES + SLACK_BYTES);
    }

    @Test
    void subtractKeepsAViewOfAChunkInsteadOfCopyingIt() throws Exception {
        byte[] big = new byte[100_000];
        new SplittableRandom(19).nextBytes(big);
        UserStream acked = new UserStream();
        acked.pushBytes(big, 0, 60_000);
        UserStream current = acked.copy();
        current.pushBytes(big, 60_000, 40_000);
        UserStream trimmed = new UserStream();
        trimmed.applyDiff(current.initDiff()); // the same bytes in arrays of its own
        trimmed.subtract(acked);
        assertThat(trimmed.size()).isEqualTo(40_000);
        assertThat(trimmed.get(0)).isEqualTo(UserEvent.UserByte.of(big[60_000]));
        long before = footprint(List.of(current));
        current.subtract(acked);
        assertThat(current.size()).isEqualTo(40_000);
        assertThat(current).isEqualTo(trimmed);
        assertThat(footprint(List.of(current, acked))).as("trimming allocates no bytes").isEqualTo(before + STREAM_BYTES);
    }

    @Test
    void typingAByteAtATimeFillsSharedChunks() {
        UserStream current = new UserStream();
        List<UserStream> sent = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            current.pushBytes(new byte[] {(byte) i}, 0, 1);
            if (i % 3 == 0) {
                sent.add(current.copy()); // TransportSender keeps a copy of each state it sends
            }
            if (sent.size() > 32) { // an ack arrives
                UserStream acked = sent.remove(0);
                current.subtract(acked);
                for (UserStream s : sent) {
                    s.subtract(acked);
                }
            }
        }
        assertThat(current.size()).isBetween(90, 100);
        assertThat(current.get(current.size() - 1)).isEqualTo(UserEvent.UserByte.of((byte) 99_999));
        assertThat(current.segmentCount()).isLessThanOrEqualTo(2);
        List<UserStream> all = new ArrayList<>(sent);
        all.add(current);
        assertThat(footprint(all)).isLessThan(16 * 1024);
    }

    @Test
    void copiesWrittenFromTwoThreadsKeepTheirOwnBytes() throws Exception {
        int n = 200_000;
        UserStream a = new UserStream();
        a.pushBytes("base".getBytes(), 0, 4);
        UserStream b = a.copy();
        Thread other = new Thread(() -> type(b, (byte) 'B', n));
        other.start();
        type(a, (byte) 'A', n);
        other.join();
        for (UserStream s : List.of(a, b)) {
            byte expected = s == a ? (byte) 'A' : (byte) 'B';
            assertThat(s.size()).isEqualTo(4 + n);
            for (int i = 4; i < s.size(); i++) {
                if (!s.get(i).equals(UserEvent.UserByte.of(expected))) {
                    throw new AssertionError("event " + i + " of " + (char) expected + "'s copy is " + s.get(i));
                }
            }
        }
    }

    private static void type(UserStream s, byte key, int n) {
        List<UserStream> copies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.pushBytes(new byte[] {key}, 0, 1);
            if (i % 7 == 0) {
                copies.add(s.copy());
            }
        }
    }

    /** Heap bytes of the storage {@code states} reach, each object counted once. */
    static long footprint(List<UserStream> states) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long total = 0;
        for (UserStream s : states) {
            total += STREAM_BYTES;
            SegmentLog log = s.segments();
            if (!seen.add(log)) {
                continue;
            }
            total += 4 * HEADER_BYTES + log.items.length * ENTRY_BYTES;
            for (Object item : log.items) {
                if (item != null && seen.add(item)) {
                    total += item instanceof ByteChunk c ? 2 * HEADER_BYTES + 8 + c.bytes.length : HEADER_BYTES + 8;
                }
            }
        }
        return total;
    }
}
