package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.WireFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fragmenting then assembling under loss, reordering and duplication: the assembly completes
 * exactly when every distinct fragment has arrived, and yields the original instruction.
 */
class FragmentAssemblyProperties {
    @Property(tries = 300)
    void completesExactlyWhenAllDistinctFragmentsArrived(@ForAll("instructions") Instruction inst,
            @ForAll @IntRange(min = 1, max = 400) int maxContentBytes, @ForAll Random random)
            throws WireFormatException {
        List<Fragment> fragments = new Fragmenter().fragment(inst, maxContentBytes);
        List<Fragment> arrivals = deliveries(fragments, random);
        FragmentAssembly assembly = new FragmentAssembly();
        Set<Integer> seen = new HashSet<>();

        for (int i = 0; i < arrivals.size(); i++) {
            Fragment f = arrivals.get(i);
            seen.add(f.number());
            boolean complete = assembly.add(f);
            assertThat(complete).as("after %d of %d arrivals", i + 1, arrivals.size())
                    .isEqualTo(seen.size() == fragments.size());
            if (complete) {
                assertThat(assembly.assemble()).isEqualTo(inst);
                return;
            }
        }
        throw new AssertionError("never completed");
    }

    @Property(tries = 200)
    void aNewerIdDiscardsTheOlderPartialInstruction(@ForAll("instructions") Instruction older,
            @ForAll("instructions") Instruction newer, @ForAll @IntRange(min = 1, max = 100) int maxContentBytes,
            @ForAll Random random) throws WireFormatException {
        Fragmenter fragmenter = new Fragmenter();
        List<Fragment> olderFragments = fragmenter.fragment(older, maxContentBytes);
        List<Fragment> newerFragments = fragmenter.fragment(newer, maxContentBytes);
        if (olderFragments.get(0).id() == newerFragments.get(0).id()) {
            return; // the same instruction twice: nothing to discard
        }
        FragmentAssembly assembly = new FragmentAssembly();
        List<Fragment> partial = new ArrayList<>(olderFragments);
        Collections.shuffle(partial, random);
        Fragment missing = partial.remove(partial.size() - 1);
        for (Fragment f : partial) {
            assertThat(assembly.add(f)).isFalse();
        }

        List<Fragment> newerArrivals = deliveries(newerFragments, random);
        Instruction assembled = null;
        for (Fragment f : newerArrivals) {
            if (assembly.add(f) && assembled == null) {
                assembled = assembly.assemble();
            }
        }
        assertThat(assembled).isEqualTo(newer);

        // the older instruction's missing fragment cannot complete what was discarded
        if (olderFragments.size() > 1) {
            assertThat(assembly.add(missing)).isFalse();
        }
    }

    /** Every fragment at least once, shuffled, with some duplicated and some lost then resent. */
    private static List<Fragment> deliveries(List<Fragment> fragments, Random random) {
        List<Fragment> arrivals = new ArrayList<>(fragments);
        for (Fragment f : fragments) {
            if (random.nextInt(4) == 0) {
                arrivals.add(f); // duplicated (a resend that overtakes, or a network duplicate)
            }
        }
        Collections.shuffle(arrivals, random);
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

    @Provide
    Arbitrary<Instruction> instructions() {
        return WireArbitraries.instructions(3000);
    }
}
