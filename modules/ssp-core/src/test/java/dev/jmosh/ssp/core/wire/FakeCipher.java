package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A stand-in for AES-OCB in tests of ssp-core, which cannot see the real cipher: XOR with a
 * nonce-derived byte, then a 16-byte tag of SHA-256(key, nonce, ciphertext). Not secure; it only
 * has the same shape and failure behaviour.
 */
public final class FakeCipher implements PacketCipher {
    private final byte key;

    public FakeCipher(int key) {
        this.key = (byte) key;
    }

    @Override
    public byte[] seal(Nonce nonce, byte[] plaintext, int off, int len) {
        byte[] out = new byte[len + TAG_BYTES];
        byte pad = pad(nonce);
        for (int i = 0; i < len; i++) {
            out[i] = (byte) (plaintext[off + i] ^ pad);
        }
        System.arraycopy(tag(nonce, out, 0, len), 0, out, len, TAG_BYTES);
        return out;
    }

    @Override
    public byte[] open(Nonce nonce, byte[] sealed, int off, int len) throws CryptoException {
        if (len < TAG_BYTES) {
            throw new CryptoException("Ciphertext must contain nonce and tag.");
        }
        int n = len - TAG_BYTES;
        if (!MessageDigest.isEqual(tag(nonce, sealed, off, n), Arrays.copyOfRange(sealed, off + n, off + len))) {
            throw new CryptoException("Packet failed integrity check.");
        }
        byte[] out = new byte[n];
        byte pad = pad(nonce);
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (sealed[off + i] ^ pad);
        }
        return out;
    }

    private byte pad(Nonce nonce) {
        return (byte) (key ^ nonce.value() ^ (nonce.value() >>> 56));
    }

    private byte[] tag(Nonce nonce, byte[] data, int off, int len) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            sha.update(ByteBuffer.allocate(8).putLong(nonce.value()).array());
            sha.update(data, off, len);
            return Arrays.copyOf(sha.digest(), TAG_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
