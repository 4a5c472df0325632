package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import org.junit.jupiter.api.Test;

class PacketTest {
    private final PacketCipher cipher = TestCiphers.ocb(0x5A);

    @Test
    void sealLaysOutNonceCiphertextAndTag() throws CryptoException {
        byte[] payload = Hex.bytes("00 00 00 00 00 00 00 02 80 00 78 9C");
        Packet p = new Packet(Nonce.of(Direction.TO_CLIENT, 1), 0xD9EB, Packet.TIMESTAMP_NONE, payload);

        byte[] wire = p.seal(cipher);

        assertThat(wire).hasSize(payload.length + Packet.OVERHEAD_BYTES);
        assertThat(Hex.dump(java.util.Arrays.copyOf(wire, 8))).isEqualTo("80 00 00 00 00 00 00 01");
        byte[] plain = cipher.open(Nonce.of(Direction.TO_CLIENT, 1), wire, 8, wire.length - 8);
        assertThat(Hex.dump(plain)).isEqualTo("D9 EB FF FF 00 00 00 00 00 00 00 02 80 00 78 9C");
    }

    @Test
    void roundTripAtAnOffset() throws CryptoException {
        Packet p = new Packet(Nonce.of(Direction.TO_SERVER, 12345), 1, 2, Hex.bytes("01 02 03"));
        byte[] wire = p.seal(cipher);
        byte[] framed = new byte[wire.length + 5];
        System.arraycopy(wire, 0, framed, 3, wire.length);

        Packet q = Packet.open(framed, 3, wire.length, cipher);

        assertThat(q).isEqualTo(p).hasSameHashCodeAs(p);
        assertThat(q.nonce().direction()).isEqualTo(Direction.TO_SERVER);
        assertThat(q.nonce().seq()).isEqualTo(12345);
    }

    @Test
    void emptyPayloadIsTheSmallestValidDatagram() throws CryptoException {
        Packet p = new Packet(Nonce.of(Direction.TO_SERVER, 0), 0, Packet.TIMESTAMP_NONE, new byte[0]);
        byte[] wire = p.seal(cipher);
        assertThat(wire).hasSize(28);
        assertThat(Packet.open(wire, 0, wire.length, cipher)).isEqualTo(p);
    }

    @Test
    void shorterThanNonceAndTagIsRejectedFirst() {
        for (int len = 0; len < 24; len++) {
            int n = len;
            assertThatThrownBy(() -> Packet.open(new byte[30], 0, n, cipher))
                    .isInstanceOf(CryptoException.class)
                    .hasMessage("Ciphertext must contain nonce and tag.");
        }
    }

    @Test
    void badTagIsAnIntegrityFailure() {
        byte[] wire = new Packet(Nonce.of(Direction.TO_SERVER, 3), 1, 2, new byte[20]).seal(cipher);
        for (int i = 0; i < wire.length; i++) {
            byte[] bad = wire.clone();
            bad[i] ^= 0x10;
            assertThatThrownBy(() -> Packet.open(bad, 0, bad.length, cipher)).as("bit flipped in byte %d", i)
                    .isInstanceOf(CryptoException.class)
                    .hasMessage("Packet failed integrity check.");
        }
    }

    @Test
    void plaintextShorterThanTheTimestampsIsIllegalCounterpartyInput() {
        Nonce nonce = Nonce.of(Direction.TO_CLIENT, 4);
        for (int plain = 0; plain < 4; plain++) {
            byte[] sealed = TestCiphers.ocb(0x5A).seal(nonce, new byte[plain], 0, plain); // OCB: one seal per nonce and instance
            byte[] wire = new byte[8 + sealed.length];
            nonce.toWire(wire, 0);
            System.arraycopy(sealed, 0, wire, 8, sealed.length);
            assertThatThrownBy(() -> Packet.open(wire, 0, wire.length, cipher))
                    .isInstanceOf(CryptoException.class)
                    .hasMessage("Illegal counterparty input (possible denial of service)")
                    .matches(e -> !((CryptoException) e).isFatal());
        }
    }

    @Test
    void wrongDirectionIsLeftToTheCaller() throws CryptoException {
        byte[] wire = new Packet(Nonce.of(Direction.TO_SERVER, 3), 1, 2, new byte[0]).seal(cipher);
        assertThat(Packet.open(wire, 0, wire.length, cipher).nonce().direction()).isEqualTo(Direction.TO_SERVER);
    }

    @Test
    void timestampsAreSixteenBits() {
        Nonce n = Nonce.of(Direction.TO_SERVER, 0);
        assertThatThrownBy(() -> new Packet(n, 0x10000, 0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Packet(n, 0, -1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Packet.OVERHEAD_BYTES).isEqualTo(28);
        assertThat(Packet.MIN_SEALED_BYTES).isEqualTo(24);
    }
}
