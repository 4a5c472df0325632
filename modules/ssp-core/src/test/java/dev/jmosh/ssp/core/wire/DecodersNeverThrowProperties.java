package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.WireFormatException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Peer bytes never crash jmosh: every decoder either returns or throws {@link WireFormatException},
 * on random bytes and on valid messages with a few edits. Any other exception fails the property.
 */
class DecodersNeverThrowProperties {
    @Property(tries = 2000)
    void randomBytes(@ForAll("random") byte[] data) {
        decodeEverything(data);
    }

    @Property(tries = 3000)
    void mutatedValidMessages(@ForAll("mutated") byte[] data) {
        decodeEverything(data);
    }

    @Property(tries = 1000)
    void mutatedZlibStreams(@ForAll("mutatedZlib") byte[] data) {
        try {
            byte[] inflated = Compressor.decompress(data, 0, data.length);
            Instruction.decode(inflated);
        } catch (WireFormatException expected) {
            // dropped, as it should be
        }
    }

    @Property(tries = 500)
    void randomFragmentsIntoOneAssembly(@ForAll("fragments") List<Fragment> fragments) {
        FragmentAssembly assembly = new FragmentAssembly();
        for (Fragment f : fragments) {
            try {
                if (assembly.add(f)) {
                    assembly.assemble();
                }
            } catch (WireFormatException expected) {
                // dropped, as it should be
            }
        }
    }

    @Provide
    Arbitrary<byte[]> random() {
        return WireArbitraries.bytes(300);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return WireArbitraries.mutated(WireArbitraries.validEncodings());
    }

    @Provide
    Arbitrary<byte[]> mutatedZlib() {
        return WireArbitraries.mutated(WireArbitraries.instructions(300).map(i -> Compressor.compress(i.encode())));
    }

    @Provide
    Arbitrary<List<Fragment>> fragments() {
        Arbitrary<Fragment> fragment = Combinators.combine(Arbitraries.longs().between(0, 2),
                Arbitraries.integers().between(0, 5), Arbitraries.of(true, false), WireArbitraries.bytes(20))
                .as(Fragment::new);
        return fragment.list().ofMaxSize(30);
    }

    private static void decodeEverything(byte[] data) {
        try {
            Instruction.decode(data);
        } catch (WireFormatException expected) {
            // dropped
        }
        try {
            UserMessage.decode(data);
        } catch (WireFormatException expected) {
            // dropped
        }
        try {
            HostMessage.decode(data);
        } catch (WireFormatException expected) {
            // dropped
        }
        try {
            Compressor.decompress(data, 0, data.length);
        } catch (WireFormatException expected) {
            // dropped
        }
        try {
            Fragment.parse(data, 0, data.length);
        } catch (WireFormatException expected) {
            // dropped
        }
    }
}
