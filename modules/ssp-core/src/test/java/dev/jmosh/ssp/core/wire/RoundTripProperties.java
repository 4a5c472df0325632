package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.WireFormatException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Whatever jmosh encodes, it decodes to the same value. */
class RoundTripProperties {
    @Property
    void instructions(@ForAll("instructions") Instruction inst) throws WireFormatException {
        byte[] encoded = inst.encode();
        assertThat(encoded[0]).as("protocol_version comes first").isEqualTo((byte) 0x08);
        assertThat(Instruction.decode(encoded)).isEqualTo(inst);
    }

    @Property
    void userMessages(@ForAll("userMessages") UserMessage m) throws WireFormatException {
        assertThat(UserMessage.decode(m.encode())).isEqualTo(m);
    }

    @Property
    void hostMessages(@ForAll("hostMessages") HostMessage m) throws WireFormatException {
        assertThat(HostMessage.decode(m.encode())).isEqualTo(m);
    }

    @Property
    void compression(@ForAll("payloads") byte[] data) throws WireFormatException {
        byte[] z = Compressor.compress(data);
        assertThat(Compressor.decompress(z, 0, z.length)).isEqualTo(data);
    }

    @Property
    void fragments(@ForAll long id, @ForAll @IntRange(max = Fragment.MAX_NUMBER) int number, @ForAll boolean last,
            @ForAll @Size(max = 40) byte[] contents) throws WireFormatException {
        Fragment f = new Fragment(id, number, last, contents);
        assertThat(Fragment.parse(f.toBytes(), 0, f.size())).isEqualTo(f);
    }

    @Property
    void packets(@ForAll @LongRange(min = 0) long seq, @ForAll boolean toClient,
            @ForAll @IntRange(max = 0xFFFF) int ts, @ForAll @IntRange(max = 0xFFFF) int tsReply,
            @ForAll @Size(max = 60) byte[] payload) throws CryptoException {
        Packet p = new Packet(Nonce.of(toClient ? Direction.TO_CLIENT : Direction.TO_SERVER, seq), ts, tsReply, payload);
        FakeCipher cipher = new FakeCipher(7);
        byte[] wire = p.seal(cipher);
        assertThat(wire).hasSize(payload.length + Packet.OVERHEAD_BYTES);
        assertThat(Packet.open(wire, 0, wire.length, cipher)).isEqualTo(p);
    }

    @Provide
    Arbitrary<Instruction> instructions() {
        return WireArbitraries.instructions(500);
    }

    @Provide
    Arbitrary<UserMessage> userMessages() {
        return WireArbitraries.userMessages();
    }

    @Provide
    Arbitrary<HostMessage> hostMessages() {
        return WireArbitraries.hostMessages();
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return WireArbitraries.payloads(5000);
    }
}
