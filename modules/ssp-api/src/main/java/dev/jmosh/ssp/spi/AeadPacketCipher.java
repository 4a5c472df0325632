package dev.jmosh.ssp.spi;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import java.util.Objects;

/**
 * A {@link PacketCipher} on an AEAD with a 96-bit nonce and a 16-byte tag, in mosh's datagram
 * layout: the cipher nonce is {@link Nonce#cipherBytes()} (four zero bytes, then the 8-byte wire
 * nonce with its direction bit), there is no associated data, the tag follows the ciphertext,
 * and input shorter than a tag fails with mosh's "Ciphertext must contain nonce and tag.". A
 * cipher provider implements the two AEAD operations; the associated data is there for the
 * algorithm's published test vectors.
 */
public abstract class AeadPacketCipher implements PacketCipher {
    /** For subclasses. */
    protected AeadPacketCipher() {
    }

    @Override
    public final byte[] seal(Nonce nonce, byte[] plaintext, int off, int len) {
        Objects.checkFromIndexSize(off, len, plaintext.length);
        return encrypt(nonce.cipherBytes(), null, plaintext, off, len);
    }

    @Override
    public final byte[] open(Nonce nonce, byte[] sealed, int off, int len) throws CryptoException {
        Objects.checkFromIndexSize(off, len, sealed.length);
        if (len < TAG_BYTES) {
            throw new CryptoException("Ciphertext must contain nonce and tag.");
        }
        return decrypt(nonce.cipherBytes(), null, sealed, off, len);
    }

    /**
     * Encrypts and authenticates: the ciphertext followed by the {@value #TAG_BYTES}-byte tag.
     *
     * @param nonce12 the 12-byte nonce
     * @param ad associated data, or null for none (SSP never has any)
     */
    protected abstract byte[] encrypt(byte[] nonce12, byte[] ad, byte[] in, int off, int len);

    /**
     * Authenticates and decrypts ciphertext-plus-tag ({@code len} is at least a tag).
     *
     * @throws CryptoException "Packet failed integrity check." when the tag does not verify; no
     *     plaintext is returned then
     */
    protected abstract byte[] decrypt(byte[] nonce12, byte[] ad, byte[] in, int off, int len) throws CryptoException;
}
