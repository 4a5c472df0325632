package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fragmenting then assembling under loss, reordering and duplication, on seeded random cases: the
 * assembly completes exactly when every distinct fragment has arrived, and yields the original
 * instruction; fragments of a newer id discard an older partial instruction.
 */
class FragmentAssemblyRandomTest {
    @Test
    void completesExactlyWhenAllDistinctFragmentsArrived() {
        int checked = SeededCases.run("completesExactlyWhenAllDistinctFragmentsArrived", 0xF7A6_0001L, 300, c -> {
            SplittableRandom r = c.random();
            Instruction inst = WireSamples.instruction(r, 3000);
            int maxContentBytes = WireSamples.intBetween(r, 1, 400);
            List<Fragment> fragments = new Fragmenter().fragment(inst, maxContentBytes);
            List<Fragment> arrivals = deliveries(fragments, r);
            FragmentAssembly assembly = new FragmentAssembly();
            Set<Integer> seen = new HashSet<>();

            for (int i = 0; i < arrivals.size(); i++) {
                Fragment f = arrivals.get(i);
                seen.add(f.number());
                boolean complete = assembly.add(f);
                assertThat(complete).as("%s: after %d of %d arrivals (%d fragments of %d bytes)", c, i + 1,
                        arrivals.size(), fragments.size(), maxContentBytes).isEqualTo(seen.size() == fragments.size());
                if (complete) {
                    assertThat(assembly.assemble()).as("%s", c).isEqualTo(inst);
                    return;
                }
            }
            throw new AssertionError(c + ": never completed");
        });
        assertThat(checked).isEqualTo(300);
    }

    @Test
    void aNewerIdDiscardsTheOlderPartialInstruction() {
        int checked = SeededCases.run("aNewerIdDiscardsTheOlderPartialInstruction", 0xF7A6_0002L, 200, c -> {
            SplittableRandom r = c.random();
            Instruction older = WireSamples.instruction(r, 3000);
            Instruction newer = WireSamples.instruction(r, 3000);
            int maxContentBytes = WireSamples.intBetween(r, 1, 100);
            Fragmenter fragmenter = new Fragmenter();
            List<Fragment> olderFragments = fragmenter.fragment(older, maxContentBytes);
            List<Fragment> newerFragments = fragmenter.fragment(newer, maxContentBytes);
            if (olderFragments.get(0).id() == newerFragments.get(0).id()) {
                return; // the same instruction twice: nothing to discard
            }
            FragmentAssembly assembly = new FragmentAssembly();
            List<Fragment> partial = new ArrayList<>(olderFragments);
            WireSamples.shuffle(partial, r);
            Fragment missing = partial.remove(partial.size() - 1);
            for (Fragment f : partial) {
                assertThat(assembly.add(f)).as("%s: older fragment %d", c, f.number()).isFalse();
            }

            List<Fragment> newerArrivals = deliveries(newerFragments, r);
            Instruction assembled = null;
            for (Fragment f : newerArrivals) {
                if (assembly.add(f) && assembled == null) {
                    assembled = assembly.assemble();
                }
            }
            assertThat(assembled).as("%s", c).isEqualTo(newer);

            // the older instruction's missing fragment cannot complete what was discarded
            if (olderFragments.size() > 1) {
                assertThat(assembly.add(missing)).as("%s: the older missing fragment", c).isFalse();
            }
        });
        assertThat(checked).isEqualTo(200);
    }

    /** Every fragment at least once, shuffled, with some duplicated and some lost then resent. */
    private static List<Fragment> deliveries(List<Fragment> fragments, SplittableRandom random) {
        List<Fragment> arrivals = new ArrayList<>(fragments);
        for (Fragment f : fragments) {
            if (random.nextInt(4) == 0) {
                arrivals.add(f); // duplicated (a resend that overtakes, or a network duplicate)
            }
        }
        WireSamples.shuffle(arrivals, random);
        // loss: remove a random subset of the first half, then deliver it again at the end
        List<Fragment> resent = new ArrayList<>();
        for (int i = arrivals.size() / 2 - 1; i >= 0; i--) {
            if (random.nextInt(3) == 0) {
                resent.add(arrivals.remove(i));
            }
        }
        arrivals.addAll(resent);
        return arrivals;
    }
}
