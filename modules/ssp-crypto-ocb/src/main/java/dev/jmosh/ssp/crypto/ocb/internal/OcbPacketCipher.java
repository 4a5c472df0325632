package dev.jmosh.ssp.crypto.ocb.internal;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.spi.AeadPacketCipher;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.OCBBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-128-OCB3 bound to one session key, as mosh's {@code Crypto::Session::encrypt/decrypt}:
 *
 * <pre>
 *  seal:  plaintext (n bytes)  ->  +----------------------+----------------+
 *                                  | ciphertext (n bytes) | tag (16 bytes) |
 *                                  +----------------------+----------------+
 *  nonce: 12 bytes = 00 00 00 00 || 8-byte wire nonce;  associated data: none
 * </pre>
 *
 * <p>It keeps one Bouncy Castle {@link OCBBlockCipher} per direction and keys each only once, so a
 * datagram costs a nonce setup and the blocks themselves, not an AES key schedule. Like every
 * {@link PacketCipher}, an instance is confined to one thread at a time.
 *
 * <p>Bouncy Castle refuses to encrypt twice in a row under the same nonce and key: {@link #seal}
 * then throws {@link IllegalArgumentException} ("cannot reuse nonce for OCB encryption"). mosh
 * never does that (every datagram takes a fresh sequence number), and a caller that does has a
 * bug that would break OCB's confidentiality, so the guard is kept.
 */
final class OcbPacketCipher extends AeadPacketCipher {
    /** AES-128 key length, in bytes. */
    static final int KEY_BYTES = 16;
    /** Tag length, in bits (mosh uses the full 128-bit OCB tag). */
    static final int TAG_BITS = 128;

    private final KeyParameter key;
    private final OCBBlockCipher sealer = newOcb();
    private final OCBBlockCipher opener = newOcb();
    private boolean sealerKeyed;
    private boolean openerKeyed;

    OcbPacketCipher(byte[] rawKey) {
        if (rawKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-128 needs a 16-byte key, not " + rawKey.length);
        }
        this.key = new KeyParameter(rawKey);
    }

    private static OCBBlockCipher newOcb() {
        return new OCBBlockCipher(AESEngine.newInstance(), AESEngine.newInstance());
    }

    /**
     * RFC 7253 OCB-ENCRYPT with a 128-bit tag: returns ciphertext followed by the tag.
     *
     * @param nonce12 the nonce, 1 to 15 bytes (mosh always uses 12)
     * @param ad associated data, or null for none (mosh never uses any)
     */
    @Override
    protected byte[] encrypt(byte[] nonce12, byte[] ad, byte[] in, int off, int len) {
        Objects.checkFromIndexSize(off, len, in.length);
        sealer.init(true, new AEADParameters(sealerKeyed ? null : key, TAG_BITS, nonce12, ad));
        sealerKeyed = true;
        byte[] out = new byte[len + TAG_BYTES];
        int n = sealer.processBytes(in, off, len, out, 0);
        try {
            n += sealer.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("OCB encryption cannot fail", e);
        }
        assert n == out.length;
        return out;
    }

    /** RFC 7253 OCB-DECRYPT with a 128-bit tag; mosh's "Packet failed integrity check." when the tag does not verify. */
    @Override
    protected byte[] decrypt(byte[] nonce12, byte[] ad, byte[] in, int off, int len) throws CryptoException {
        Objects.checkFromIndexSize(off, len, in.length);
        opener.init(false, new AEADParameters(openerKeyed ? null : key, TAG_BITS, nonce12, ad));
        openerKeyed = true;
        byte[] out = new byte[len - TAG_BYTES];
        try {
            int n = opener.processBytes(in, off, len, out, 0);
            n += opener.doFinal(out, n);
            assert n == out.length;
        } catch (InvalidCipherTextException e) {
            throw new CryptoException("Packet failed integrity check.");
        }
        return out;
    }
}
