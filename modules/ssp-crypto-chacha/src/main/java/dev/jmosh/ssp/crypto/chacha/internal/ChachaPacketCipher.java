package dev.jmosh.ssp.crypto.chacha.internal;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.spi.AeadPacketCipher;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * ChaCha20-Poly1305 (RFC 8439 §2.8) bound to one 256-bit key, in mosh's datagram layout:
 *
 * <pre>
 *  seal:  plaintext (n bytes)  ->  +----------------------+-------------------------+
 *                                  | ciphertext (n bytes) | Poly1305 tag (16 bytes) |
 *                                  +----------------------+-------------------------+
 *  nonce: 12 bytes = 00 00 00 00 || 8-byte wire nonce (direction bit, sequence number)
 *  associated data: none
 * </pre>
 *
 * <p>The 96-bit nonce is RFC 8439's "32-bit constant followed by a 64-bit counter"; the direction
 * bit keeps the two directions' nonces apart under the one key, as with OCB. One Bouncy Castle
 * instance per direction, keyed once. Confined to one thread at a time, like every
 * {@link PacketCipher}. Bouncy Castle refuses to encrypt twice in a row under the same nonce
 * ({@link IllegalArgumentException}); SSP never does, and a caller that did would give away the
 * keystream, so the guard stays.
 */
final class ChachaPacketCipher extends AeadPacketCipher {
    /** ChaCha20 key length, in bytes. */
    static final int KEY_BYTES = 32;
    /** Tag length, in bits. */
    static final int TAG_BITS = 128;

    private final KeyParameter key;
    private final ChaCha20Poly1305 sealer = new ChaCha20Poly1305();
    private final ChaCha20Poly1305 opener = new ChaCha20Poly1305();
    private boolean sealerKeyed;
    private boolean openerKeyed;

    ChachaPacketCipher(byte[] rawKey) {
        if (rawKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("ChaCha20-Poly1305 needs a 32-byte key, not " + rawKey.length);
        }
        this.key = new KeyParameter(rawKey);
    }

    /** AEAD_CHACHA20_POLY1305 encryption: ciphertext followed by the tag. {@code ad} may be null. */
    @Override
    protected byte[] encrypt(byte[] nonce12, byte[] ad, byte[] in, int off, int len) {
        try {
            return run(true, nonce12, ad, in, off, len);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption cannot fail", e);
        }
    }

    /** AEAD_CHACHA20_POLY1305 decryption; "Packet failed integrity check." when the tag does not verify. */
    @Override
    protected byte[] decrypt(byte[] nonce12, byte[] ad, byte[] in, int off, int len) throws CryptoException {
        try {
            return run(false, nonce12, ad, in, off, len);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException("Packet failed integrity check.");
        }
    }

    /** One AEAD operation on the direction's own instance, keyed on its first use only. */
    private byte[] run(boolean encrypt, byte[] nonce12, byte[] ad, byte[] in, int off, int len)
            throws InvalidCipherTextException {
        Objects.checkFromIndexSize(off, len, in.length);
        ChaCha20Poly1305 aead = encrypt ? sealer : opener;
        boolean keyed = encrypt ? sealerKeyed : openerKeyed;
        aead.init(encrypt, new AEADParameters(keyed ? null : key, TAG_BITS, nonce12, ad));
        if (encrypt) {
            sealerKeyed = true;
        } else {
            openerKeyed = true;
        }
        byte[] out = new byte[aead.getOutputSize(len)];
        int n = aead.processBytes(in, off, len, out, 0);
        n += aead.doFinal(out, n);
        assert n == out.length;
        return out;
    }
}
