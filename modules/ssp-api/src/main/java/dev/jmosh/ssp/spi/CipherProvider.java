package dev.jmosh.ssp.spi;

import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.SessionKey;

/**
 * Makes the authenticated cipher that seals every datagram (mosh: AES-128-OCB3, named
 * {@value dev.jmosh.ssp.SessionKey#MOSH_CIPHER}). Every cipher keeps mosh's datagram layout:
 * the 8-byte clear nonce with its direction bit, a 12-byte cipher nonce (four zero bytes, then
 * those eight), no associated data and a 16-byte tag after the ciphertext.
 */
public interface CipherProvider extends NamedProvider {
    /** System property naming the provider to use. */
    String PROPERTY = "jmosh.cipher";

    /** Length of the keys this cipher takes, in bytes (mosh's: 16). */
    default int keyBytes() {
        return SessionKey.BYTES;
    }

    /**
     * A cipher bound to {@code key}; each call returns an independent instance.
     *
     * @throws IllegalArgumentException when the key is for another cipher or of another length
     *     ({@link dev.jmosh.ssp.Providers#cipher} checks both first, with a message for users)
     */
    PacketCipher create(SessionKey key);
}
