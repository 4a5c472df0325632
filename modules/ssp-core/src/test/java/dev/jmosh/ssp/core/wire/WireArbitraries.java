package dev.jmosh.ssp.core.wire;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid mosh messages for the property tests. */
final class WireArbitraries {
    private WireArbitraries() {
    }

    static Arbitrary<byte[]> bytes(int maxLength) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxLength);
    }

    /** Byte arrays that compress well or badly: random bytes, or runs of a few values. */
    static Arbitrary<byte[]> payloads(int maxLength) {
        Arbitrary<byte[]> runs = Arbitraries.bytes().between((byte) 'a', (byte) 'd').array(byte[].class)
                .ofMaxSize(maxLength);
        return Arbitraries.oneOf(bytes(maxLength), runs);
    }

    static Arbitrary<Long> unsigned64() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 1000), Arbitraries.longs(), Arbitraries.of(-1L, 0L));
    }

    static Arbitrary<Instruction> instructions(int maxDiff) {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.just(2), Arbitraries.integers()),
                unsigned64(), unsigned64(), unsigned64(), unsigned64(), payloads(maxDiff), bytes(16))
                .as(Instruction::new);
    }

    static Arbitrary<UserMessage> userMessages() {
        Arbitrary<UserMessage.Element> keystroke = payloads(50).map(UserMessage.Keystroke::new);
        Arbitrary<UserMessage.Element> resize = Combinators.combine(Arbitraries.integers(), Arbitraries.integers())
                .as(UserMessage.Resize::new);
        return Arbitraries.oneOf(keystroke, resize).list().ofMaxSize(8).map(UserMessage::new);
    }

    static Arbitrary<HostMessage> hostMessages() {
        Arbitrary<HostMessage.Element> bytes = payloads(200).map(HostMessage.HostBytes::new);
        Arbitrary<HostMessage.Element> resize = Combinators.combine(Arbitraries.integers(), Arbitraries.integers())
                .as(HostMessage.Resize::new);
        Arbitrary<HostMessage.Element> echo = unsigned64().map(HostMessage.EchoAck::new);
        return Arbitraries.oneOf(bytes, resize, echo).list().ofMaxSize(5).map(HostMessage::new);
    }

    /** A valid encoding of any of the three messages. */
    static Arbitrary<byte[]> validEncodings() {
        return Arbitraries.oneOf(instructions(100).map(Instruction::encode), userMessages().map(UserMessage::encode),
                hostMessages().map(HostMessage::encode));
    }

    /** Bytes with a few edits: flipped, overwritten, inserted or deleted bytes, or a truncation. */
    static Arbitrary<byte[]> mutated(Arbitrary<byte[]> valid) {
        Arbitrary<List<int[]>> edits = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 255))
                .as((kind, where, value) -> new int[] {kind, where, value}).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(valid, edits).as(WireArbitraries::apply);
    }

    private static byte[] apply(byte[] data, List<int[]> edits) {
        byte[] b = data.clone();
        for (int[] e : edits) {
            int at = b.length == 0 ? 0 : e[1] % b.length;
            switch (e[0]) {
                case 0 -> {
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << (e[2] & 7));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b[at] = (byte) e[2];
                    }
                }
                case 2 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) e[2];
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                case 3 -> {
                    if (b.length > 0) {
                        byte[] c = new byte[b.length - 1];
                        System.arraycopy(b, 0, c, 0, at);
                        System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                        b = c;
                    }
                }
                default -> b = java.util.Arrays.copyOf(b, at);
            }
        }
        return b;
    }
}
