package dev.jmosh.vt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: for frames {@code a} and {@code b}, a receiver showing {@code a} (built only from
 * diffs, as a mosh client is) that applies {@code diff(a, b)} shows {@code b}, and never replies.
 * Seeded, so failures reproduce; each message names the seed.
 */
class FrameDiffPropertyTest {
    private static final int SESSIONS = Integer.getInteger("soak", 1) * 1500;
    private static final int STEPS = 12;
    private static final int PAIRS = Integer.getInteger("soak", 1) * 3000;

    /** A server emulator runs random output; each state is diffed from the newest or an older one. */
    @Test
    void sessionsOfRealisticFrames() {
        for (int seed = 0; seed < SESSIONS; seed++) {
            Random rnd = new Random(seed);
            int w = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 100 : 16);
            int h = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 40 : 8);
            Emulator server = new Emulator(w, h);
            RandomInput input = new RandomInput(rnd, true, rnd.nextInt(3) == 0);
            List<Framebuffer> states = new ArrayList<>();
            List<Emulator> receivers = new ArrayList<>();
            states.add(server.framebuffer().copy());
            receivers.add(new Emulator(w, h));
            for (int step = 0; step < STEPS; step++) {
                if (rnd.nextInt(8) == 0) {
                    w = Math.max(1, w + rnd.nextInt(7) - 3);
                    h = Math.max(1, h + rnd.nextInt(5) - 2);
                    server.resize(w, h);
                }
                server.write(input.next(1 + rnd.nextInt(30), w, h));
                server.takeReplies();
                Framebuffer to = server.framebuffer().copy();
                int k = rnd.nextInt(3) == 0 ? rnd.nextInt(states.size()) : states.size() - 1;
                Emulator receiver = rnd.nextInt(4) == 0
                        ? Emulator.receiving(states.get(k)) : receivers.get(k).copy();
                check(states.get(k), to, receiver, "seed " + seed + " step " + step + " from state " + k);
                states.add(to);
                receivers.add(receiver);
            }
        }
    }

    /** Scrolling output, the case the scroll shortcut exists for. */
    @Test
    void scrollingOutput() {
        for (int seed = 0; seed < Integer.getInteger("soak", 1) * 400; seed++) {
            Random rnd = new Random(seed);
            int w = 2 + rnd.nextInt(20);
            int h = 2 + rnd.nextInt(10);
            Emulator server = new Emulator(w, h);
            Emulator receiver = new Emulator(w, h);
            Framebuffer last = server.framebuffer().copy();
            RandomInput input = new RandomInput(rnd, false, false);
            for (int step = 0; step < 10; step++) {
                StringBuilder out = new StringBuilder();
                int lines = 1 + rnd.nextInt(h + 2);
                for (int i = 0; i < lines; i++) {
                    out.append("line ").append(step).append('.').append(i);
                    if (rnd.nextBoolean()) {
                        out.append(Term.utf8(input.next(3, w, h)).replace("\033", ""));
                    }
                    out.append("\r\n");
                }
                if (rnd.nextInt(3) == 0) {
                    out.append("\033[").append(1 + rnd.nextInt(h)).append(';').append(h).append('r')
                            .append("\033[").append(h).append(";1H\n\n\033[r");
                }
                Term.feed(server, out.toString());
                Framebuffer to = server.framebuffer().copy();
                check(last, to, receiver, "seed " + seed + " step " + step);
                last = to;
            }
        }
    }

    /** Unrelated frames of possibly different sizes. */
    @Test
    void unrelatedPairs() {
        for (int seed = 0; seed < PAIRS; seed++) {
            Random rnd = new Random(1_000_000 + seed);
            Framebuffer a = randomFrame(rnd);
            Framebuffer b = rnd.nextInt(4) == 0 ? randomFrame(rnd, a.columns(), a.rows()) : randomFrame(rnd);
            if (b.bellCount() < a.bellCount()) {
                continue; // a peer's bell count only grows
            }
            check(a, b, Term.receiverOf(a), "pair seed " + seed);
            check(a, b, Emulator.receiving(a), "pair seed " + seed + " (receiving)");
        }
    }

    private static Framebuffer randomFrame(Random rnd) {
        return randomFrame(rnd, 1 + rnd.nextInt(20), 1 + rnd.nextInt(8));
    }

    private static Framebuffer randomFrame(Random rnd, int w, int h) {
        Emulator e = new Emulator(w, h);
        e.write(new RandomInput(rnd, rnd.nextBoolean(), rnd.nextBoolean()).next(rnd.nextInt(120), w, h));
        return e.framebuffer().copy();
    }

    private static void check(Framebuffer from, Framebuffer to, Emulator receiver, String what) {
        assertThat(receiver.framebuffer()).as("receiver before, %s", what).isEqualTo(from);
        byte[] diff = FrameDiff.diff(from, to);
        Term.apply(receiver, to, diff);
        if (!receiver.framebuffer().equals(to)) {
            throw new AssertionError(what + "\nfrom:\n" + from + "to:\n" + to + "got:\n"
                    + receiver.framebuffer() + "diff: " + Term.visible(Term.utf8(diff)));
        }
        assertThat(receiver.takeReplies()).as(what).isEmpty();
    }
}
