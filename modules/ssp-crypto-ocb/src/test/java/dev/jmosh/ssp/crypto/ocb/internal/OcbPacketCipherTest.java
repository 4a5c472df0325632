package dev.jmosh.ssp.crypto.ocb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.spi.CipherProvider;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OcbPacketCipherTest {
    private static final byte[] TEXT = "\u0000\u0001\u0002\u0003 some terminal bytes, more than one block long"
            .getBytes(StandardCharsets.ISO_8859_1);

    private static PacketCipher cipher() throws CryptoException {
        return new OcbCipherProvider().create(SessionKey.parse("jeYHHLGDF4noDdb3vKJtZQ"));
    }

    @Test
    void roundTripWithTheServersSecondNonce() throws CryptoException {
        PacketCipher c = cipher();
        Nonce nonce = Nonce.of(Direction.TO_CLIENT, 1);
        assertThat(HexFormat.of().formatHex(nonce.cipherBytes())).isEqualTo("000000008000000000000001");

        byte[] sealed = c.seal(nonce, TEXT, 0, TEXT.length);

        assertThat(sealed).hasSize(TEXT.length + PacketCipher.TAG_BYTES);
        assertThat(c.open(nonce, sealed, 0, sealed.length)).isEqualTo(TEXT);
        // an independent instance with the same key agrees: nothing depends on instance state
        assertThat(cipher().open(nonce, sealed, 0, sealed.length)).isEqualTo(TEXT);
    }

    @Test
    void sealAndOpenHonourOffsets() throws CryptoException {
        PacketCipher c = cipher();
        Nonce nonce = Nonce.of(Direction.TO_SERVER, 7);
        byte[] framed = new byte[TEXT.length + 10];
        System.arraycopy(TEXT, 0, framed, 5, TEXT.length);
        byte[] sealed = c.seal(nonce, framed, 5, TEXT.length);
        assertThat(sealed).isEqualTo(cipher().seal(nonce, TEXT, 0, TEXT.length));

        byte[] padded = new byte[sealed.length + 3];
        System.arraycopy(sealed, 0, padded, 2, sealed.length);
        assertThat(c.open(nonce, padded, 2, sealed.length)).isEqualTo(TEXT);
    }

    @Test
    void emptyPlaintextSealsToJustATag() throws CryptoException {
        PacketCipher c = cipher();
        Nonce nonce = Nonce.of(Direction.TO_SERVER, 0);
        byte[] sealed = c.seal(nonce, new byte[0], 0, 0);
        assertThat(sealed).hasSize(16);
        assertThat(c.open(nonce, sealed, 0, 16)).isEmpty();
    }

    @Test
    void tamperedCiphertextFails() throws CryptoException {
        PacketCipher c = cipher();
        Nonce nonce = Nonce.of(Direction.TO_CLIENT, 1);
        byte[] sealed = c.seal(nonce, TEXT, 0, TEXT.length);
        sealed[3] ^= 0x40;
        assertIntegrityFailure(c, nonce, sealed);
    }

    @Test
    void tamperedTagFails() throws CryptoException {
        PacketCipher c = cipher();
        Nonce nonce = Nonce.of(Direction.TO_CLIENT, 1);
        byte[] sealed = c.seal(nonce, TEXT, 0, TEXT.length);
        sealed[sealed.length - 16] ^= 0x01;
        assertIntegrityFailure(c, nonce, sealed);
    }

    @Test
    void differentNonceFails() throws CryptoException {
        PacketCipher c = cipher();
        byte[] sealed = c.seal(Nonce.of(Direction.TO_CLIENT, 1), TEXT, 0, TEXT.length);
        assertIntegrityFailure(c, Nonce.of(Direction.TO_CLIENT, 2), sealed);
        // same sequence number, other direction: the reflection case
        assertIntegrityFailure(c, Nonce.of(Direction.TO_SERVER, 1), sealed);
    }

    @Test
    void differentKeyFails() throws CryptoException {
        Nonce nonce = Nonce.of(Direction.TO_CLIENT, 1);
        byte[] sealed = cipher().seal(nonce, TEXT, 0, TEXT.length);
        PacketCipher other = new OcbCipherProvider().create(SessionKey.parse("d7spzA/7dxvI1+Xu41fpFg"));
        assertIntegrityFailure(other, nonce, sealed);
    }

    @Test
    void inputShorterThanATagIsRejected() throws CryptoException {
        PacketCipher c = cipher();
        assertThatThrownBy(() -> c.open(Nonce.of(Direction.TO_CLIENT, 1), new byte[15], 0, 15))
                .isInstanceOf(CryptoException.class)
                .hasMessage("Ciphertext must contain nonce and tag.");
    }

    @Test
    void failureDoesNotPoisonTheInstance() throws CryptoException {
        PacketCipher c = cipher();
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            Nonce nonce = Nonce.of(Direction.TO_SERVER, i);
            byte[] text = new byte[random.nextInt(100)];
            random.nextBytes(text);
            byte[] sealed = c.seal(nonce, text, 0, text.length);
            if (random.nextBoolean()) {
                sealed[random.nextInt(sealed.length)] ^= (byte) (1 + random.nextInt(255));
                assertIntegrityFailure(c, nonce, sealed);
            } else {
                assertThat(c.open(nonce, sealed, 0, sealed.length)).isEqualTo(text);
            }
        }
    }

    @Test
    void sealingTwiceInARowUnderOneNonceIsRefused() throws CryptoException {
        PacketCipher c = cipher();
        Nonce nonce = Nonce.of(Direction.TO_CLIENT, 5);
        c.seal(nonce, TEXT, 0, TEXT.length);
        assertThatThrownBy(() -> c.seal(nonce, TEXT, 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reuse nonce");
        // the refusal leaves the instance usable
        Nonce next = Nonce.of(Direction.TO_CLIENT, 6);
        byte[] sealed = c.seal(next, TEXT, 0, TEXT.length);
        assertThat(c.open(next, sealed, 0, sealed.length)).isEqualTo(TEXT);
    }

    @Test
    void providerIsFoundByName() {
        CipherProvider p = Providers.choose(CipherProvider.class, List.of(new OcbCipherProvider()), "aes-128-ocb");
        assertThat(p.name()).isEqualTo("aes-128-ocb");
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        CipherProvider p = Providers.select(CipherProvider.class, "aes-128-ocb");
        assertThat(p).isInstanceOf(OcbCipherProvider.class);
    }

    private static void assertIntegrityFailure(PacketCipher c, Nonce nonce, byte[] sealed) {
        assertThatThrownBy(() -> c.open(nonce, sealed, 0, sealed.length))
                .isInstanceOf(CryptoException.class)
                .hasMessage("Packet failed integrity check.");
    }
}
