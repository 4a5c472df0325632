package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.WireFormatException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FragmenterTest {
    /** IPv4: 1252-byte datagrams minus 12 (nonce, timestamps), 16 (tag) and 10 (fragment header). */
    static final int IPV4_CONTENT_BYTES = 1214;

    private static Instruction inst(long oldNum, long newNum, long ack, long throwaway, String diff, String chaff) {
        return new Instruction(2, oldNum, newNum, ack, throwaway, Hex.bytes(diff), Hex.bytes(chaff));
    }

    @Test
    void firstIdOnTheWireIsOne() {
        Fragmenter f = new Fragmenter();
        assertThat(f.lastId()).isZero();
        List<Fragment> fragments = f.fragment(inst(0, 1, 0, 0, "0A 06 1A 04 28 50 30 18", ""), IPV4_CONTENT_BYTES);
        assertThat(fragments).singleElement().satisfies(frag -> {
            assertThat(frag.id()).isEqualTo(1);
            assertThat(frag.number()).isZero();
            assertThat(frag.last()).isTrue();
        });
        assertThat(f.lastId()).isEqualTo(1);
    }

    @Test
    void identicalRetransmissionReusesTheIdAndBytes() {
        Fragmenter f = new Fragmenter();
        List<Fragment> a = f.fragment(inst(0, 1, 0, 0, "01", "AA"), 100);
        List<Fragment> b = f.fragment(inst(0, 1, 0, 0, "01", "AA"), 100);
        assertThat(b).isEqualTo(a);
        assertThat(f.lastId()).isEqualTo(1);
    }

    @Test
    void anyChangedHeaderFieldTakesANewId() {
        Fragmenter f = new Fragmenter();
        f.fragment(inst(0, 1, 0, 0, "", ""), 100);
        long id = f.lastId();
        Instruction[] changes = {
            inst(1, 1, 0, 0, "", ""),
            inst(1, 2, 0, 0, "", ""),
            inst(1, 2, 3, 0, "", ""),
            inst(1, 2, 3, 1, "", ""),
            inst(1, 2, 3, 1, "", "00"),
            new Instruction(3, 1, 2, 3, 1, new byte[0], Hex.bytes("00")),
        };
        for (Instruction change : changes) {
            f.fragment(change, 100);
            assertThat(f.lastId()).as("after %s", change).isEqualTo(++id);
        }
    }

    @Test
    void changedDiffAloneTakesANewIdUnlikeMosh() {
        Fragmenter f = new Fragmenter();
        f.fragment(inst(0, 1, 0, 0, "01", ""), 100);
        f.fragment(inst(0, 1, 0, 0, "02", ""), 100);
        assertThat(f.lastId()).isEqualTo(2);
    }

    @Test
    void changedMtuTakesANewId() {
        Fragmenter f = new Fragmenter();
        f.fragment(inst(0, 1, 0, 0, "", ""), IPV4_CONTENT_BYTES);
        f.fragment(inst(0, 1, 0, 0, "", ""), 462);
        assertThat(f.lastId()).isEqualTo(2);
        f.fragment(inst(0, 1, 0, 0, "", ""), 462);
        assertThat(f.lastId()).isEqualTo(2);
    }

    @Test
    void bigScreenOfRandomTextSplitsIntoFullFragmentsAndAShortFinalOne() throws WireFormatException {
        // like a 200x60 screen of random printable text: ~12 kB that compresses poorly
        Random random = new Random(200 * 60);
        StringBuilder screen = new StringBuilder();
        for (int i = 0; i < 200 * 60; i++) {
            screen.append((char) (0x21 + random.nextInt(94)));
        }
        byte[] diff = HostMessage.of(new HostMessage.EchoAck(5),
                new HostMessage.HostBytes(screen.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .encode();
        Instruction inst = new Instruction(2, 3, 4, 2, 3, diff, Hex.bytes("0102030405060708"));

        List<Fragment> fragments = new Fragmenter().fragment(inst, IPV4_CONTENT_BYTES);

        assertThat(fragments).hasSizeGreaterThanOrEqualTo(7);
        for (int i = 0; i < fragments.size(); i++) {
            Fragment frag = fragments.get(i);
            assertThat(frag.id()).isEqualTo(1);
            assertThat(frag.number()).isEqualTo(i);
            assertThat(frag.last()).isEqualTo(i == fragments.size() - 1);
            if (!frag.last()) {
                assertThat(frag.contents()).hasSize(IPV4_CONTENT_BYTES);
                assertThat(frag.size() + Packet.OVERHEAD_BYTES).as("datagram bytes").isEqualTo(1252);
            } else {
                assertThat(frag.contents()).hasSizeBetween(1, IPV4_CONTENT_BYTES);
            }
        }
        FragmentAssembly assembly = new FragmentAssembly();
        for (Fragment frag : fragments) {
            assembly.add(frag);
        }
        assertThat(assembly.assemble()).isEqualTo(inst);
    }

    @Test
    void moreThan0x8000FragmentsIsRefusedAndLeavesTheIdAlone() {
        byte[] noise = new byte[40_000];
        new Random(3).nextBytes(noise);
        Fragmenter f = new Fragmenter();
        f.fragment(inst(0, 1, 0, 0, "", ""), 1);
        assertThatThrownBy(() -> f.fragment(new Instruction(2, 1, 2, 0, 0, noise, new byte[0]), 1))
                .isInstanceOf(IllegalStateException.class);
        assertThat(f.lastId()).isEqualTo(1);
    }

    @Test
    void fragmentNumbersMayReach0x7FFFButNotBeyond() {
        // incompressible diffs: grow one until the compressed instruction is exactly 0x8000 bytes
        Random random = new Random(4);
        byte[] noise = new byte[0x8000];
        random.nextBytes(noise);
        Instruction fits = null;
        Instruction tooBig = null;
        for (int len = 0x8000 - 200; len <= 0x8000 && tooBig == null; len++) {
            Instruction candidate = new Instruction(2, 1, 2, 0, 0, java.util.Arrays.copyOf(noise, len), new byte[0]);
            int compressed = Compressor.compress(candidate.encode()).length;
            if (compressed == 0x8000) {
                fits = candidate;
            } else if (compressed > 0x8000) {
                tooBig = candidate;
            }
        }
        assertThat(fits).as("an instruction compressing to exactly 0x8000 bytes").isNotNull();
        assertThat(tooBig).isNotNull();

        List<Fragment> fragments = new Fragmenter().fragment(fits, 1);
        assertThat(fragments).hasSize(0x8000);
        assertThat(fragments.get(0x7FFF).number()).isEqualTo(Fragment.MAX_NUMBER);
        assertThat(fragments.get(0x7FFF).last()).isTrue();
        Instruction over = tooBig;
        assertThatThrownBy(() -> new Fragmenter().fragment(over, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void instructionBeyondTheReceiversInflateLimitIsRefused() {
        Instruction huge = new Instruction(2, 1, 2, 0, 0, new byte[Compressor.MAX_INFLATED_BYTES], new byte[0]);
        assertThatThrownBy(() -> new Fragmenter().fragment(huge, IPV4_CONTENT_BYTES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("4194304");
    }

    @Test
    void zeroContentBytesIsAProgrammingError() {
        assertThatThrownBy(() -> new Fragmenter().fragment(inst(0, 1, 0, 0, "", ""), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
