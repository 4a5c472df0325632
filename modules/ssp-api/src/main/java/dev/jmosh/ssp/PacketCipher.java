package dev.jmosh.ssp;

/**
 * An authenticated cipher bound to one session key, as used by mosh's datagram layer:
 * 12-byte nonce, no associated data, a 16-byte tag appended to the ciphertext.
 *
 * <p>Implementations are thread-confined: each thread that seals or opens uses its own
 * instance. Sealing twice in a row under the same nonce is refused with
 * {@link IllegalArgumentException} (OCB's security rests on unique nonces); the datagram layer
 * never reuses a sequence number.
 */
public interface PacketCipher {
    /** Bytes the tag adds to every sealed message. */
    int TAG_BYTES = 16;

    /** Encrypts {@code len} bytes and returns ciphertext followed by the tag. */
    byte[] seal(Nonce nonce, byte[] plaintext, int off, int len);

    /**
     * Authenticates and decrypts ciphertext-plus-tag.
     *
     * @throws CryptoException "Packet failed integrity check." when the tag does not verify
     */
    byte[] open(Nonce nonce, byte[] sealed, int off, int len) throws CryptoException;
}
