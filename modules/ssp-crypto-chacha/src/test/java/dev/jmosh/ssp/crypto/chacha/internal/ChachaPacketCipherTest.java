package dev.jmosh.ssp.crypto.chacha.internal;

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
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChachaPacketCipherTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8439 §2.8.2, the AEAD_CHACHA20_POLY1305 example (with associated data). */
    @Test
    void rfc8439Section282Encryption() throws CryptoException {
        byte[] key = HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = HEX.parseHex("070000004041424344454647");
        byte[] ad = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
        byte[] plain = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future,"
                + " sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        String expected = "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                + "3ff4def08e4b7a9de576d26586cec64b6116"
                + "1ae10b594f09e26a7e902ecbd0600691"; // the tag
        ChachaPacketCipher c = new ChachaPacketCipher(key);
        byte[] sealed = c.encrypt(nonce, ad, plain, 0, plain.length);
        assertThat(HEX.formatHex(sealed)).isEqualTo(expected);
        assertThat(new ChachaPacketCipher(key).decrypt(nonce, ad, sealed, 0, sealed.length)).isEqualTo(plain);
    }

    /** RFC 8439 Appendix A.5, the decryption example. */
    @Test
    void rfc8439AppendixA5Decryption() throws CryptoException {
        byte[] key = HEX.parseHex("1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0");
        byte[] nonce = HEX.parseHex("000000000102030405060708");
        byte[] ad = HEX.parseHex("f33388860000000000004e91");
        byte[] sealed = HEX.parseHex("64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb2"
                + "4c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf"
                + "332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c855"
                + "9797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4"
                + "b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523e"
                + "af4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a"
                + "0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a10"
                + "49e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c29"
                + "a6ad5cb4022b02709b" + "eead9d67890cbb22392336fea1851f38");
        byte[] plain = new ChachaPacketCipher(key).decrypt(nonce, ad, sealed, 0, sealed.length);
        assertThat(new String(plain, StandardCharsets.UTF_8)).startsWith("Internet-Drafts are draft documents valid")
                .endsWith("as /\u201cwork in progress./\u201d"); // the RFC's text, slashes and all
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> new ChachaPacketCipher(key).decrypt(nonce, ad, sealed, 0, sealed.length))
                .isInstanceOf(CryptoException.class).hasMessage("Packet failed integrity check.");
    }

    private static SessionKey key(long seed) {
        byte[] raw = new byte[32];
        new SplittableRandom(seed).nextBytes(raw);
        return SessionKey.ofBytes(ChachaCipherProvider.NAME, raw);
    }

    /** mosh's datagram layout: the nonce is 4 zero bytes and the wire nonce, no associated data. */
    @Test
    void aDatagramSealsUnderMoshsNonceAndOpensOnlyUnderItsOwnNonceDirectionAndKey() throws CryptoException {
        PacketCipher server = new ChachaCipherProvider().create(key(1));
        PacketCipher client = new ChachaCipherProvider().create(key(1));
        byte[] text = "\u0000\u0001 terminal bytes, more than one 64-byte ChaCha block long, to cross a block edge"
                .getBytes(StandardCharsets.ISO_8859_1);
        Nonce nonce = Nonce.of(Direction.TO_CLIENT, 1);
        byte[] framed = new byte[text.length + 7];
        System.arraycopy(text, 0, framed, 3, text.length);
        byte[] sealed = server.seal(nonce, framed, 3, text.length);
        assertThat(sealed).hasSize(text.length + PacketCipher.TAG_BYTES);
        assertThat(sealed).isEqualTo(new ChachaPacketCipher(key(1).bytes())
                .encrypt(HEX.parseHex("000000008000000000000001"), null, text, 0, text.length));
        assertThat(client.open(nonce, sealed, 0, sealed.length)).isEqualTo(text);

        for (Nonce other : new Nonce[] {Nonce.of(Direction.TO_CLIENT, 2), Nonce.of(Direction.TO_SERVER, 1)}) {
            assertThatThrownBy(() -> client.open(other, sealed, 0, sealed.length))
                    .isInstanceOf(CryptoException.class).hasMessage("Packet failed integrity check.");
        }
        PacketCipher stranger = new ChachaCipherProvider().create(key(2));
        assertThatThrownBy(() -> stranger.open(nonce, sealed, 0, sealed.length))
                .isInstanceOf(CryptoException.class).hasMessage("Packet failed integrity check.");
        assertThatThrownBy(() -> client.open(nonce, sealed, 0, 15))
                .isInstanceOf(CryptoException.class).hasMessage("Ciphertext must contain nonce and tag.");
    }

    @Test
    void everyFlippedByteFailsAndLeavesTheInstanceUsable() throws CryptoException {
        PacketCipher c = new ChachaCipherProvider().create(key(3));
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 300; i++) {
            Nonce nonce = Nonce.of(Direction.TO_SERVER, i);
            byte[] text = new byte[random.nextInt(1200)];
            random.nextBytes(text);
            byte[] sealed = c.seal(nonce, text, 0, text.length);
            if (i % 2 == 0) {
                sealed[random.nextInt(sealed.length)] ^= (byte) (1 + random.nextInt(255));
                assertThatThrownBy(() -> c.open(nonce, sealed, 0, sealed.length)).isInstanceOf(CryptoException.class);
            } else {
                assertThat(c.open(nonce, sealed, 0, sealed.length)).isEqualTo(text);
            }
        }
    }

    @Test
    void sealingTwiceUnderOneNonceIsRefused() {
        PacketCipher c = new ChachaCipherProvider().create(key(5));
        Nonce nonce = Nonce.of(Direction.TO_CLIENT, 9);
        c.seal(nonce, new byte[10], 0, 10);
        assertThatThrownBy(() -> c.seal(nonce, new byte[3], 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.seal(Nonce.of(Direction.TO_CLIENT, 10), new byte[3], 0, 3)).hasSize(19);
    }

    @Test
    void theKeyNamesItsCipherAndTheProviderIsSelectedByIt() throws CryptoException {
        SessionKey generated = SessionKey.generate(ChachaCipherProvider.NAME, 32, new SecureRandom());
        String printed = generated.printable();
        assertThat(printed).startsWith("chacha20-poly1305:").hasSize("chacha20-poly1305:".length() + 43);
        SessionKey parsed = SessionKey.parse(printed);
        assertThat(parsed).isEqualTo(generated);
        assertThat(Providers.select(CipherProvider.class, ChachaCipherProvider.NAME))
                .isInstanceOf(ChachaCipherProvider.class);
        PacketCipher c = Providers.cipher(parsed, null);
        byte[] sealed = c.seal(Nonce.of(Direction.TO_SERVER, 0), new byte[] {42}, 0, 1);
        assertThat(Providers.cipher(parsed, ChachaCipherProvider.NAME).open(Nonce.of(Direction.TO_SERVER, 0), sealed, 0,
                sealed.length)).containsExactly(42);
    }

    @Test
    void aKeyForAnotherCipherOrOfAnotherLengthIsRefusedInOneLine() throws CryptoException {
        SessionKey mosh = SessionKey.parse("jeYHHLGDF4noDdb3vKJtZQ");
        assertThatThrownBy(() -> Providers.cipher(mosh, ChachaCipherProvider.NAME))
                .hasMessage("the session key is for aes-128-ocb, not chacha20-poly1305");
        assertThatThrownBy(() -> new ChachaCipherProvider().create(mosh))
                .isInstanceOf(IllegalArgumentException.class);
        SessionKey shortKey = SessionKey.ofBytes(ChachaCipherProvider.NAME, new byte[16]);
        assertThatThrownBy(() -> Providers.cipher(shortKey, null))
                .hasMessage("a chacha20-poly1305 key has 32 bytes, not 16");
    }
}
