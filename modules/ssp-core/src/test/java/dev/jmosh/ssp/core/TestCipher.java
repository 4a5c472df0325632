package dev.jmosh.ssp.core;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A stand-in for OCB in ssp-core's tests (the real cipher lives in another module): XOR with a
 * key-and-nonce-derived stream and a 16-byte tag over key, nonce and plaintext. It authenticates
 * well enough that a wrong key, a flipped bit or a moved nonce all fail.
 */
final class TestCipher implements PacketCipher {
    private final long key;

    TestCipher(long key) {
        this.key = key;
    }

    private byte stream(Nonce nonce, int i) {
        long x = key * 0x9E3779B97F4A7C15L ^ nonce.value() * 0xC2B2AE3D27D4EB4FL ^ (i * 0x165667B19E3779F9L);
        x ^= x >>> 29;
        return (byte) x;
    }

    private byte[] tag(Nonce nonce, byte[] pt) {
        byte[] t = new byte[TAG_BYTES];
        for (int round = 0; round < 4; round++) {
            CRC32 crc = new CRC32();
            crc.update(round);
            crc.update(Long.toString(key ^ nonce.value()).getBytes());
            crc.update(pt);
            long v = crc.getValue();
            for (int i = 0; i < 4; i++) {
                t[round * 4 + i] = (byte) (v >>> (8 * i));
            }
        }
        return t;
    }

    @Override
    public byte[] seal(Nonce nonce, byte[] plaintext, int off, int len) {
        byte[] pt = Arrays.copyOfRange(plaintext, off, off + len);
        byte[] out = new byte[len + TAG_BYTES];
        for (int i = 0; i < len; i++) {
            out[i] = (byte) (pt[i] ^ stream(nonce, i));
        }
        System.arraycopy(tag(nonce, pt), 0, out, len, TAG_BYTES);
        return out;
    }

    @Override
    public byte[] open(Nonce nonce, byte[] sealed, int off, int len) throws CryptoException {
        if (len < TAG_BYTES) {
            throw new CryptoException("Ciphertext must contain nonce and tag.");
        }
        int n = len - TAG_BYTES;
        byte[] pt = new byte[n];
        for (int i = 0; i < n; i++) {
            pt[i] = (byte) (sealed[off + i] ^ stream(nonce, i));
        }
        if (!Arrays.equals(tag(nonce, pt), Arrays.copyOfRange(sealed, off + n, off + len))) {
            throw new CryptoException("Packet failed integrity check.");
        }
        return pt;
    }
}
