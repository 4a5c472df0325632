package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Peer bytes never crash jmosh: every decoder either returns or throws {@link WireFormatException},
 * on random bytes and on valid messages with a few edits. Any other exception fails the test, naming
 * the seed, the case and the input.
 */
class DecodersNeverThrowTest {
    @Test
    void randomBytes() {
        int checked = SeededCases.run("randomBytes", 0x5EED_0001L, 2000,
                c -> decodeEverything(WireSamples.bytes(c.random(), 300)));
        assertThat(checked).isEqualTo(2000);
    }

    @Test
    void mutatedValidMessages() {
        int checked = SeededCases.run("mutatedValidMessages", 0x5EED_0002L, 3000, c -> {
            SplittableRandom r = c.random();
            decodeEverything(WireSamples.mutated(r, WireSamples.validEncoding(r)));
        });
        assertThat(checked).isEqualTo(3000);
    }

    @Test
    void mutatedZlibStreams() {
        int checked = SeededCases.run("mutatedZlibStreams", 0x5EED_0003L, 1000, c -> {
            SplittableRandom r = c.random();
            byte[] data = WireSamples.mutated(r, Compressor.compress(WireSamples.instruction(r, 300).encode()));
            try {
                byte[] inflated = Compressor.decompress(data, 0, data.length);
                Instruction.decode(inflated);
            } catch (WireFormatException expected) {
                // dropped, as it should be
            } catch (RuntimeException e) {
                throw new AssertionError("inflating and decoding " + Hex.dump(data) + " threw " + e, e);
            }
        });
        assertThat(checked).isEqualTo(1000);
    }

    @Test
    void randomFragmentsIntoOneAssembly() {
        int checked = SeededCases.run("randomFragmentsIntoOneAssembly", 0x5EED_0004L, 500, c -> {
            SplittableRandom r = c.random();
            int n = r.nextInt(31);
            List<Fragment> fragments = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                fragments.add(WireSamples.collidingFragment(r));
            }
            FragmentAssembly assembly = new FragmentAssembly();
            for (int i = 0; i < fragments.size(); i++) {
                Fragment f = fragments.get(i);
                try {
                    if (assembly.add(f)) {
                        assembly.assemble();
                    }
                } catch (WireFormatException expected) {
                    // dropped, as it should be
                } catch (RuntimeException e) {
                    throw new AssertionError("fragment " + i + " of " + fragments + " threw " + e, e);
                }
            }
        });
        assertThat(checked).isEqualTo(500);
    }

    private static void decodeEverything(byte[] data) {
        decode("Instruction.decode", data, () -> Instruction.decode(data));
        decode("UserMessage.decode", data, () -> UserMessage.decode(data));
        decode("HostMessage.decode", data, () -> HostMessage.decode(data));
        decode("Compressor.decompress", data, () -> Compressor.decompress(data, 0, data.length));
        decode("Fragment.parse", data, () -> Fragment.parse(data, 0, data.length));
    }

    @FunctionalInterface
    private interface Decoder {
        Object decode() throws WireFormatException;
    }

    private static void decode(String decoder, byte[] data, Decoder d) {
        try {
            d.decode();
        } catch (WireFormatException expected) {
            // dropped
        } catch (RuntimeException e) {
            throw new AssertionError(decoder + " of [" + Hex.dump(data) + "] threw " + e, e);
        }
    }
}
