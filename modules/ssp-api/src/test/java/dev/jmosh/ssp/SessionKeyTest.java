package dev.jmosh.ssp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** mosh {@code Base64Key}: 22 characters of unpadded standard Base64, with mosh's exact messages. */
class SessionKeyTest {
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Test
    void parsesTheVerifiedExampleKey() throws CryptoException {
        SessionKey key = SessionKey.parse("jeYHHLGDF4noDdb3vKJtZQ");

        assertThat(HexFormat.of().formatHex(key.bytes())).isEqualTo("8de6071cb1831789e80dd6f7bca26d65");
        assertThat(key.printable()).isEqualTo("jeYHHLGDF4noDdb3vKJtZQ");
    }

    @Test
    void parsesAKeyWithPlusAndSlash() throws CryptoException {
        SessionKey key = SessionKey.parse("d7spzA/7dxvI1+Xu41fpFg");

        assertThat(HexFormat.of().formatHex(key.bytes())).isEqualTo("77bb29cc0ffb771bc8d7e5eee357e916");
        assertThat(key.printable()).isEqualTo("d7spzA/7dxvI1+Xu41fpFg");
    }

    @Test
    void printsRawBytesAsUnpaddedBase64() {
        byte[] raw = new byte[16];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) i;
        }
        assertThat(SessionKey.ofBytes(raw).printable()).isEqualTo("AAECAwQFBgcICQoLDA0ODw");
    }

    @Test
    void randomKeysRoundTrip() throws CryptoException {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            byte[] raw = new byte[16];
            random.nextBytes(raw);
            String printable = SessionKey.ofBytes(raw).printable();

            assertThat(printable).matches("[A-Za-z0-9/+]{21}[AQgw]");
            assertThat(SessionKey.parse(printable).bytes()).isEqualTo(raw);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"jeYHHLGDF4noDdb3vKJtZ", "jeYHHLGDF4noDdb3vKJtZQA", "jeYHHLGDF4noDdb3vKJtZQ==",
        "jeYHHLGDF4noDdb3vKJtZQ\n"})
    void rejectsAnyLengthButTwentyTwo(String printable) {
        assertThatThrownBy(() -> SessionKey.parse(printable))
                .isInstanceOf(CryptoException.class)
                .hasMessage("Key must be 22 letters long.")
                .matches(e -> !((CryptoException) e).isFatal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jeYHHLGDF4noDdb3vKJt-Q", "jeYHHLGDF4noDdb3vKJt_Q", "jeYHHLGDF4noDdb3vKJtZ=",
        "jeYHHLGDF4noDdb3vKJ==Q", "=eYHHLGDF4noDdb3vKJtZQ", "jeYHHLGDF4noDdb3vKJ tZ", "jeYHHLGDF4noDdb3vKJtéQ",
        "jeYHHLGDF4noDdb3vKJt\u20acQ", "jeYHHLGDF4noDdb3vKJt.Q"})
    void rejectsCharactersOutsideTheBase64Alphabet(String printable) {
        assertThatThrownBy(() -> SessionKey.parse(printable))
                .isInstanceOf(CryptoException.class)
                .hasMessage("Key must be well-formed base64.");
    }

    @Test
    void lastCharacterMustCarryOnlyTwoDataBits() {
        for (char last : ALPHABET.toCharArray()) {
            String printable = "jeYHHLGDF4noDdb3vKJtZ" + last;
            if ("AQgw".indexOf(last) >= 0) {
                assertThat(catchParse(printable)).as("key ending in %s", last).isNull();
            } else {
                assertThat(catchParse(printable)).as("key ending in %s", last)
                        .isInstanceOf(CryptoException.class)
                        .hasMessage("Base64 key was not encoded 128-bit key.");
            }
        }
    }

    @Test
    void ofBytesCopiesAndChecksLength() {
        byte[] raw = new byte[16];
        SessionKey key = SessionKey.ofBytes(raw);
        raw[0] = 1;
        assertThat(key.bytes()[0]).isZero();
        key.bytes()[1] = 1;
        assertThat(key.bytes()[1]).isZero();

        assertThatThrownBy(() -> SessionKey.ofBytes(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionKey.ofBytes(new byte[17])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedKeysDifferAndParseBack() throws CryptoException {
        SecureRandom random = new SecureRandom();
        SessionKey a = SessionKey.generate(random);
        SessionKey b = SessionKey.generate(random);

        assertThat(a).isNotEqualTo(b);
        assertThat(SessionKey.parse(a.printable())).isEqualTo(a).hasSameHashCodeAs(a);
    }

    @Test
    void aKeyForAnotherCipherCarriesItsNameAndRoundTrips() throws CryptoException {
        byte[] raw = new byte[32];
        raw[31] = 7;
        SessionKey key = SessionKey.ofBytes("chacha20-poly1305", raw);
        assertThat(key.printable()).isEqualTo("chacha20-poly1305:" + "A".repeat(42) + "c");
        assertThat(key.cipher()).isEqualTo("chacha20-poly1305");
        assertThat(key.length()).isEqualTo(32);
        assertThat(SessionKey.parse(key.printable())).isEqualTo(key);
        assertThat(SessionKey.parse("jeYHHLGDF4noDdb3vKJtZQ").cipher()).isEqualTo(SessionKey.MOSH_CIPHER);
        assertThat(SessionKey.ofBytes(SessionKey.MOSH_CIPHER, new byte[16]).printable()).hasSize(22);
        // the same bytes for two ciphers are two keys
        assertThat(SessionKey.ofBytes("x", new byte[16])).isNotEqualTo(SessionKey.ofBytes(new byte[16]));
    }

    @Test
    void aMalformedNamedKeyIsRefusedInOneLine() {
        assertThat(catchParse(":AAAA")).hasMessage("Key's cipher name before ':' must be lowercase letters, digits, '-' or '.'.");
        assertThat(catchParse("Chacha:AAAA")).hasMessage("Key's cipher name before ':' must be lowercase letters, digits, '-' or '.'.");
        assertThat(catchParse("chacha20-poly1305:AA*A")).hasMessage("Key for chacha20-poly1305 must be well-formed base64.");
        assertThat(catchParse("chacha20-poly1305:")).hasMessage("Key for chacha20-poly1305 must have 1 to 64 octets.");
        assertThat(catchParse("chacha20-poly1305:AAA=")).hasMessage("Key for chacha20-poly1305 must be unpadded base64 of its octets.");
        assertThat(catchParse("chacha20-poly1305:AB")).as("stray bits").isNotNull();
        assertThat(catchParse("chacha20-poly1305:" + "A".repeat(88))).hasMessage("Key for chacha20-poly1305 must have 1 to 64 octets.");
    }

    @Test
    void toStringHidesTheKey() throws CryptoException {
        SessionKey key = SessionKey.parse("jeYHHLGDF4noDdb3vKJtZQ");
        assertThat(key.toString()).doesNotContain("jeYHHLGDF4noDdb3vKJtZQ").doesNotContain("8de6");
    }

    private static CryptoException catchParse(String printable) {
        try {
            SessionKey.parse(printable);
            return null;
        } catch (CryptoException e) {
            return e;
        }
    }
}
