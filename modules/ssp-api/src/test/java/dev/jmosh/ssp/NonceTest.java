package dev.jmosh.ssp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The 8-byte clear nonce {@code (direction << 63) | seq} and the 12-byte cipher nonce. */
class NonceTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void serverDatagramsStartWithTheDirectionBit() {
        Nonce nonce = Nonce.of(Direction.TO_CLIENT, 1);

        assertThat(nonce.value()).isEqualTo(0x8000_0000_0000_0001L);
        byte[] wire = new byte[8];
        nonce.toWire(wire, 0);
        assertThat(HEX.formatHex(wire)).isEqualTo("8000000000000001");
        assertThat(HEX.formatHex(nonce.cipherBytes())).isEqualTo("000000008000000000000001");
        assertThat(nonce.direction()).isEqualTo(Direction.TO_CLIENT);
        assertThat(nonce.seq()).isEqualTo(1);
    }

    @Test
    void clientDatagramsHaveBitSixtyThreeClear() {
        Nonce nonce = Nonce.of(Direction.TO_SERVER, 0x0102_0304_0506_0708L);

        assertThat(HEX.formatHex(nonce.cipherBytes())).isEqualTo("000000000102030405060708");
        assertThat(nonce.direction()).isEqualTo(Direction.TO_SERVER);
        assertThat(Nonce.of(Direction.TO_SERVER, 0).cipherBytes()).containsOnly(0);
    }

    @Test
    void sequenceIsMaskedToSixtyThreeBits() {
        Nonce nonce = Nonce.of(Direction.TO_SERVER, -1L);

        assertThat(nonce.value()).isEqualTo(Long.MAX_VALUE);
        assertThat(nonce.direction()).isEqualTo(Direction.TO_SERVER);
        assertThat(Nonce.of(Direction.TO_CLIENT, -1L).value()).isEqualTo(-1L);
    }

    @Test
    void wireRoundTripAtAnOffset() {
        byte[] datagram = HEX.parseHex("ffff8000000000000002ff");
        Nonce nonce = Nonce.fromWire(datagram, 2);

        assertThat(nonce).isEqualTo(Nonce.of(Direction.TO_CLIENT, 2));
        byte[] out = new byte[12];
        nonce.toWire(out, 3);
        assertThat(HEX.formatHex(out)).isEqualTo("000000800000000000000200");
        assertThat(Nonce.WIRE_BYTES).isEqualTo(8);
        assertThat(Nonce.CIPHER_BYTES).isEqualTo(12);
    }

    @Test
    void directionBits() {
        assertThat(Direction.TO_SERVER.bit()).isZero();
        assertThat(Direction.TO_CLIENT.bit()).isOne();
        assertThat(Direction.ofBit(0)).isEqualTo(Direction.TO_SERVER);
        assertThat(Direction.ofBit(1)).isEqualTo(Direction.TO_CLIENT);
        assertThat(Direction.TO_SERVER.reverse()).isEqualTo(Direction.TO_CLIENT);
        assertThat(Direction.TO_CLIENT.reverse()).isEqualTo(Direction.TO_SERVER);
    }
}
