package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Whatever jmosh encodes, it decodes to the same value, on 1000 seeded random values each. */
class RoundTripTest {
    private static final int TRIES = 1000;

    @Test
    void instructions() {
        int checked = SeededCases.run("instructions", 0x7219_0001L, TRIES, c -> {
            Instruction inst = WireSamples.instruction(c.random(), 500);
            byte[] encoded = inst.encode();
            assertThat(encoded[0]).as("%s: protocol_version comes first", c).isEqualTo((byte) 0x08);
            assertThat(Instruction.decode(encoded)).as("%s", c).isEqualTo(inst);
        });
        assertThat(checked).isEqualTo(TRIES);
    }

    @Test
    void userMessages() {
        int checked = SeededCases.run("userMessages", 0x7219_0002L, TRIES, c -> {
            UserMessage m = WireSamples.userMessage(c.random());
            assertThat(UserMessage.decode(m.encode())).as("%s", c).isEqualTo(m);
        });
        assertThat(checked).isEqualTo(TRIES);
    }

    @Test
    void hostMessages() {
        int checked = SeededCases.run("hostMessages", 0x7219_0003L, TRIES, c -> {
            HostMessage m = WireSamples.hostMessage(c.random());
            assertThat(HostMessage.decode(m.encode())).as("%s", c).isEqualTo(m);
        });
        assertThat(checked).isEqualTo(TRIES);
    }

    @Test
    void compression() {
        int checked = SeededCases.run("compression", 0x7219_0004L, TRIES, c -> {
            byte[] data = WireSamples.payloads(c.random(), 5000);
            byte[] z = Compressor.compress(data);
            assertThat(Compressor.decompress(z, 0, z.length)).as("%s", c).isEqualTo(data);
        });
        assertThat(checked).isEqualTo(TRIES);
    }

    @Test
    void fragments() {
        int checked = SeededCases.run("fragments", 0x7219_0005L, TRIES, c -> {
            SplittableRandom r = c.random();
            Fragment f = new Fragment(WireSamples.anyLong(r), WireSamples.intBetween(r, 0, Fragment.MAX_NUMBER),
                    r.nextBoolean(), WireSamples.bytes(r, 40));
            assertThat(Fragment.parse(f.toBytes(), 0, f.size())).as("%s", c).isEqualTo(f);
        });
        assertThat(checked).isEqualTo(TRIES);
    }

    @Test
    void packets() {
        int checked = SeededCases.run("packets", 0x7219_0006L, TRIES, c -> {
            SplittableRandom r = c.random();
            long seq = WireSamples.longBetween(r, 0, Long.MAX_VALUE);
            Direction direction = r.nextBoolean() ? Direction.TO_CLIENT : Direction.TO_SERVER;
            int ts = WireSamples.intBetween(r, 0, 0xFFFF);
            int tsReply = WireSamples.intBetween(r, 0, 0xFFFF);
            byte[] payload = WireSamples.bytes(r, 60);
            Packet p = new Packet(Nonce.of(direction, seq), ts, tsReply, payload);
            PacketCipher cipher = TestCiphers.ocb(7);
            byte[] wire = p.seal(cipher);
            assertThat(wire).as("%s", c).hasSize(payload.length + Packet.OVERHEAD_BYTES);
            assertThat(Packet.open(wire, 0, wire.length, cipher)).as("%s", c).isEqualTo(p);
        });
        assertThat(checked).isEqualTo(TRIES);
    }
}
