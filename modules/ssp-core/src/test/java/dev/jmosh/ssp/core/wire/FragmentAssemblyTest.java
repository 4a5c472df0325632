package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.WireFormatException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FragmentAssemblyTest {
    private static Instruction bigInstruction(long newNum, int seed) {
        byte[] diff = new byte[3000];
        new Random(seed).nextBytes(diff);
        return new Instruction(2, newNum - 1, newNum, 0, 0, diff, new byte[] {(byte) seed});
    }

    @Test
    void singleFinalFragmentCompletesAtOnce() throws WireFormatException {
        Instruction inst = new Instruction(2, 0, 1, 0, 0, Hex.bytes("0A 06 1A 04 28 50 30 18"), new byte[0]);
        Fragment only = new Fragmenter().fragment(inst, 1214).get(0);
        FragmentAssembly a = new FragmentAssembly();

        assertThat(a.add(only)).isTrue();
        assertThat(a.assemble()).isEqualTo(inst);
        assertThat(a.isComplete()).isFalse();
    }

    @Test
    void fragmentsInReverseOrderWithDuplicates() throws WireFormatException {
        Instruction inst = bigInstruction(5, 1);
        List<Fragment> fragments = new Fragmenter().fragment(inst, 500);
        assertThat(fragments).hasSizeGreaterThan(3);
        FragmentAssembly a = new FragmentAssembly();

        for (int i = fragments.size() - 1; i > 0; i--) {
            assertThat(a.add(fragments.get(i))).isFalse();
            assertThat(a.add(fragments.get(i))).isFalse();
        }
        assertThat(a.add(fragments.get(0))).isTrue();
        assertThat(a.add(fragments.get(1))).as("a duplicate after completion").isTrue();
        assertThat(a.assemble()).isEqualTo(inst);
    }

    @Test
    void newIdDiscardsThePartialInstruction() throws WireFormatException {
        Fragmenter fragmenter = new Fragmenter();
        List<Fragment> old = fragmenter.fragment(bigInstruction(5, 1), 500);
        Instruction newer = bigInstruction(6, 2);
        List<Fragment> fresh = fragmenter.fragment(newer, 500);
        FragmentAssembly a = new FragmentAssembly();

        for (int i = 0; i < old.size() - 1; i++) {
            a.add(old.get(i));
        }
        for (int i = 0; i < fresh.size() - 1; i++) {
            assertThat(a.add(fresh.get(i))).isFalse();
        }
        // the old instruction's final fragment now starts a new (hopeless) assembly of the old id
        assertThat(a.add(old.get(old.size() - 1))).isFalse();
        for (Fragment f : fresh) {
            a.add(f);
        }
        assertThat(a.isComplete()).isTrue();
        assertThat(a.assemble()).isEqualTo(newer);
    }

    @Test
    void lateDuplicateOfAnAssembledSingleFragmentCompletesAgainLikeMosh() throws WireFormatException {
        Instruction inst = new Instruction(2, 0, 1, 0, 0, new byte[0], new byte[0]);
        Fragment only = new Fragmenter().fragment(inst, 1214).get(0);
        FragmentAssembly a = new FragmentAssembly();
        a.add(only);
        a.assemble();
        assertThat(a.add(only)).isTrue();
        assertThat(a.assemble()).isEqualTo(inst);
    }

    @Test
    void fragmentBeyondTheFinalOneDropsTheAssembly() throws WireFormatException {
        FragmentAssembly a = new FragmentAssembly();
        a.add(new Fragment(9, 2, true, new byte[] {1}));
        assertThatThrownBy(() -> a.add(new Fragment(9, 3, false, new byte[] {2})))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("fragment 3 of instruction 9 lies beyond its final fragment 2");
        // dropped: the same id starts afresh
        assertThat(a.add(new Fragment(9, 0, true, new byte[] {3}))).isTrue();
    }

    @Test
    void finalFragmentBelowOneAlreadySeenDropsTheAssembly() throws WireFormatException {
        FragmentAssembly a = new FragmentAssembly();
        a.add(new Fragment(9, 4, false, new byte[] {1}));
        assertThatThrownBy(() -> a.add(new Fragment(9, 2, true, new byte[] {2})))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("final fragment 2 of instruction 9 follows fragment 4");
        assertThat(a.isComplete()).isFalse();
    }

    @Test
    void secondFinalWithAnotherNumberDropsTheAssembly() throws WireFormatException {
        FragmentAssembly a = new FragmentAssembly();
        a.add(new Fragment(9, 2, true, new byte[] {1}));
        assertThatThrownBy(() -> a.add(new Fragment(9, 1, true, new byte[] {2})))
                .isInstanceOf(WireFormatException.class);
    }

    @Test
    void differentFragmentUnderOneIdAndNumberDropsTheAssembly() throws WireFormatException {
        FragmentAssembly a = new FragmentAssembly();
        a.add(new Fragment(9, 0, false, new byte[] {1}));
        assertThatThrownBy(() -> a.add(new Fragment(9, 0, false, new byte[] {2})))
                .isInstanceOf(WireFormatException.class);
        a.add(new Fragment(9, 0, false, new byte[] {1}));
        assertThatThrownBy(() -> a.add(new Fragment(9, 0, true, new byte[] {1})))
                .isInstanceOf(WireFormatException.class);
    }

    @Test
    void everyFragmentDiscardedUnassembledIsCountedOnce() throws WireFormatException {
        FragmentAssembly a = new FragmentAssembly();
        a.add(new Fragment(5, 0, false, new byte[] {1}));
        a.add(new Fragment(5, 1, false, new byte[] {2}));
        a.add(new Fragment(5, 1, false, new byte[] {2})); // an identical duplicate is not a second fragment
        assertThat(a.abandoned()).isZero();
        a.add(new Fragment(6, 3, true, new byte[] {3}));
        assertThat(a.abandoned()).as("id 5 displaced by id 6").isEqualTo(2);
        assertThatThrownBy(() -> a.add(new Fragment(6, 5, false, new byte[] {4})))
                .isInstanceOf(WireFormatException.class);
        assertThat(a.abandoned()).as("id 6 dropped; the contradicting fragment is the caller's to count")
                .isEqualTo(3);
        Instruction inst = new Instruction(2, 0, 1, 0, 0, new byte[0], new byte[0]);
        assertThat(a.add(new Fragmenter().fragment(inst, 1214).get(0))).isTrue();
        assertThat(a.assemble()).isEqualTo(inst);
        assertThat(a.abandoned()).as("assembled fragments are not abandoned").isEqualTo(3);
    }

    @Test
    void completeGarbageIsAWireFormatExceptionAndResets() throws WireFormatException {
        FragmentAssembly a = new FragmentAssembly();
        assertThat(a.add(new Fragment(3, 0, true, Hex.bytes("DE AD BE EF")))).isTrue();
        assertThatThrownBy(a::assemble).isInstanceOf(WireFormatException.class);
        assertThat(a.isComplete()).isFalse();
    }

    @Test
    void validZlibOfBadProtobufIsAWireFormatException() throws WireFormatException {
        FragmentAssembly a = new FragmentAssembly();
        a.add(new Fragment(3, 0, true, Compressor.compress(Hex.bytes("0B 0C"))));
        assertThatThrownBy(a::assemble).isInstanceOf(WireFormatException.class);
    }

    @Test
    void assemblingTooEarlyIsAProgrammingError() throws WireFormatException {
        FragmentAssembly a = new FragmentAssembly();
        assertThatThrownBy(a::assemble).isInstanceOf(IllegalStateException.class);
        a.add(new Fragment(3, 1, false, new byte[1]));
        assertThatThrownBy(a::assemble).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInstructionThatCouldNeverInflateWithinTheLimitIsDroppedAsSoonAsItsFragmentsPassTheBound() throws WireFormatException {
        FragmentAssembly a = new FragmentAssembly();
        int size = 1300;
        int fit = FragmentAssembly.MAX_COMPRESSED_BYTES / size;
        for (int n = 0; n < fit; n++) {
            assertThat(a.add(new Fragment(9, n, false, new byte[size]))).isFalse();
        }
        Fragment over = new Fragment(9, fit, false, new byte[size]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.add(over))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("instruction 9 holds more than " + FragmentAssembly.MAX_COMPRESSED_BYTES
                        + " compressed bytes at fragment " + fit);
        assertThat(a.abandoned()).isEqualTo(fit);
        assertThat(a.add(new Fragment(9, 0, false, new byte[size]))).as("it starts afresh, empty").isFalse();
    }
}
