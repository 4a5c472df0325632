package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.WireFormatException;
import org.junit.jupiter.api.Test;

class FragmentTest {
    @Test
    void headerIsBigEndianIdThenFinalBitAndNumber() {
        Fragment f = new Fragment(2, 0, true, Hex.bytes("78 9C"));
        assertThat(Hex.dump(f.toBytes())).isEqualTo("00 00 00 00 00 00 00 02 80 00 78 9C");

        Fragment g = new Fragment(0x0102030405060708L, 0x1234, false, new byte[0]);
        assertThat(Hex.dump(g.toBytes())).isEqualTo("01 02 03 04 05 06 07 08 12 34");

        Fragment h = new Fragment(-1L, Fragment.MAX_NUMBER, true, new byte[] {5});
        assertThat(Hex.dump(h.toBytes())).isEqualTo("FF FF FF FF FF FF FF FF FF FF 05");
    }

    @Test
    void parseReadsWhatToBytesWrote() throws WireFormatException {
        Fragment f = new Fragment(-2L, 7, true, Hex.bytes("01 02 03"));
        byte[] framed = new byte[f.size() + 4];
        f.writeTo(framed, 2);
        assertThat(Fragment.parse(framed, 2, f.size())).isEqualTo(f);
    }

    @Test
    void capturedServerFragmentHeader() throws WireFormatException {
        // plaintext after the timestamps of mosh-server's first datagram: id 2, final, number 0
        Fragment f = Fragment.parse(Hex.bytes("00 00 00 00 00 00 00 02 80 00 78 9C"), 0, 12);
        assertThat(f.id()).isEqualTo(2);
        assertThat(f.number()).isZero();
        assertThat(f.last()).isTrue();
        assertThat(f.contents()).isEqualTo(Hex.bytes("78 9C"));
    }

    @Test
    void headerOnlyIsAnEmptyFragment() throws WireFormatException {
        Fragment f = Fragment.parse(new byte[10], 0, 10);
        assertThat(f).isEqualTo(new Fragment(0, 0, false, new byte[0]));
    }

    @Test
    void shorterThanTheHeaderIsAWireFormatException() {
        for (int len = 0; len < Fragment.HEADER_BYTES; len++) {
            int n = len;
            assertThatThrownBy(() -> Fragment.parse(new byte[10], 0, n)).isInstanceOf(WireFormatException.class);
        }
    }

    @Test
    void numbersOutsideFifteenBitsAreAProgrammingError() {
        assertThatThrownBy(() -> new Fragment(1, 0x8000, false, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fragment(1, -1, false, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityComparesContents() {
        assertThat(new Fragment(1, 2, true, new byte[] {3})).isEqualTo(new Fragment(1, 2, true, new byte[] {3}))
                .hasSameHashCodeAs(new Fragment(1, 2, true, new byte[] {3}))
                .isNotEqualTo(new Fragment(1, 2, false, new byte[] {3}))
                .isNotEqualTo(new Fragment(1, 2, true, new byte[] {4}));
    }
}
