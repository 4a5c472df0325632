package dev.jmosh.statesync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.core.wire.UserMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the shared-chunk {@link UserStream} behaves exactly as the one-object-per-event list
 * it replaced ({@link EventListModel}). Seeded random mixes of pushes (single bytes, short and
 * long runs, resizes), copies that then diverge, subtracts at arbitrary points, diffs between any
 * two states and peer diffs (empty, short and long keystroke elements) are applied to a pool of
 * streams and to their models; after every step every stream in the pool still matches its
 * model, so a copy's writes never show through in the stream it was copied from, or vice versa.
 */
class UserStreamPropertyTest {
    private static final int SEEDS = 200;
    private static final int STEPS_PER_SEED = 60;
    private static final int POOL_MAX = 6;

    /** A stream and its model, changed in step. */
    private record Twin(UserStream real, EventListModel model) {
        Twin copy() {
            return new Twin(real.copy(), model.copy());
        }
    }

    @Test
    void everyOperationMatchesTheOneObjectPerEventModel() throws Exception {
        for (long seed = 0; seed < SEEDS; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            List<Twin> pool = new ArrayList<>();
            pool.add(new Twin(new UserStream(), new EventListModel()));
            for (int step = 0; step < STEPS_PER_SEED; step++) {
                String where = "seed " + seed + " step " + step;
                Twin a = pool.get(r.nextInt(pool.size()));
                Twin b = pool.get(r.nextInt(pool.size()));
                switch (r.nextInt(8)) {
                    case 0, 1 -> pushBytes(r, a);
                    case 2 -> {
                        UserEvent e = r.nextBoolean() ? UserEvent.UserByte.of((byte) r.nextInt())
                                : new UserEvent.Resize(r.nextInt(300), r.nextInt(100));
                        a.real.push(e);
                        a.model.push(e);
                    }
                    case 3 -> add(pool, r, a.copy());
                    case 4 -> {
                        if (r.nextInt(8) == 0) {
                            a.real.subtract(a.real);
                            a.model.subtract(a.model);
                        } else {
                            a.real.subtract(b.real);
                            a.model.subtract(b.model);
                        }
                    }
                    case 5 -> { // the receiver's step: a reference state plus the sender's diff
                        byte[] diff = b.real.diffFrom(a.real);
                        assertThat(diff).as(where).isEqualTo(b.model.diffFrom(a.model));
                        Twin c = a.copy();
                        c.real.applyDiff(diff);
                        c.model.apply(UserMessage.decode(diff));
                        add(pool, r, c);
                    }
                    case 6 -> {
                        byte[] diff = peerDiff(r);
                        a.real.applyDiff(diff);
                        a.model.apply(UserMessage.decode(diff));
                    }
                    default -> assertThat(a.real.equals(b.real)).as(where).isEqualTo(a.model.events.equals(b.model.events));
                }
                for (Twin t : pool) {
                    check(t, r, where);
                }
            }
        }
    }

    private static void pushBytes(SplittableRandom r, Twin t) {
        int len = switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> UserStream.ADOPT_MIN_BYTES - 2 + r.nextInt(5);
            case 2 -> ByteChunk.TAIL_BYTES + r.nextInt(200);
            default -> 1 + r.nextInt(12);
        };
        byte[] b = new byte[len + 8];
        r.nextBytes(b);
        int off = r.nextInt(9);
        t.real.pushBytes(b, off, len);
        t.model.pushBytes(b, off, len);
        if (len > 0) {
            b[off] ^= 1; // the stream copied what it was given
        }
    }

    /** A well-formed client diff: keystroke elements of any length (empty too) and resizes. */
    private static byte[] peerDiff(SplittableRandom r) {
        List<UserMessage.Element> elements = new ArrayList<>();
        for (int n = r.nextInt(5); n > 0; n--) {
            if (r.nextInt(3) == 0) {
                elements.add(new UserMessage.Resize(r.nextInt(), r.nextInt()));
            } else {
                byte[] keys = new byte[switch (r.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> UserStream.ADOPT_MIN_BYTES - 1 + r.nextInt(3);
                    default -> 1 + r.nextInt(6);
                }];
                r.nextBytes(keys);
                elements.add(new UserMessage.Keystroke(keys));
            }
        }
        return new UserMessage(elements).encode();
    }

    private static void add(List<Twin> pool, SplittableRandom r, Twin t) {
        if (pool.size() < POOL_MAX) {
            pool.add(t);
        } else {
            pool.set(r.nextInt(POOL_MAX), t);
        }
    }

    private static void check(Twin t, SplittableRandom r, String where) {
        UserStream s = t.real;
        List<UserEvent> expected = t.model.events;
        assertThat(s.size()).as(where).isEqualTo(expected.size());
        assertThat(s.isEmpty()).as(where).isEqualTo(expected.isEmpty());
        assertThat(s.keystrokeBytes()).as(where).isEqualTo(t.model.keystrokeBytes());
        List<UserEvent> inOrder = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            inOrder.add(s.get(i));
        }
        assertThat(inOrder).as(where).isEqualTo(expected);
        for (int k = 0; k < 4 && !expected.isEmpty(); k++) {
            int i = r.nextInt(expected.size());
            assertThat(s.get(i)).as(where + " get(" + i + ")").isEqualTo(expected.get(i));
        }
        assertThat(runs(s)).as(where).isEqualTo(expected);
        assertThat(s.hashCode()).as(where).isEqualTo(expected.hashCode());
        assertThat(s.initDiff()).as(where).isEqualTo(t.model.diffFrom(new EventListModel()));
        assertThat(s.copy()).as(where).isEqualTo(s);
    }

    /** The events as {@link UserStream#forEachRun} hands them over. */
    private static List<UserEvent> runs(UserStream s) {
        List<UserEvent> out = new ArrayList<>();
        s.forEachRun(new UserStream.RunVisitor() {
            @Override
            public void keystrokes(ByteBuffer keys) {
                assertThat(keys.isReadOnly()).isTrue();
                assertThat(keys.hasRemaining()).isTrue();
                while (keys.hasRemaining()) {
                    out.add(UserEvent.UserByte.of(keys.get()));
                }
            }

            @Override
            public void resize(UserEvent.Resize resize) {
                out.add(resize);
            }
        });
        return out;
    }
}
