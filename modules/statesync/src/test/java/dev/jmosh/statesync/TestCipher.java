package dev.jmosh.statesync;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticated cipher with the shape of mosh's AES-OCB for tests of modules that cannot see
 * the real one: the plaintext XORed with a nonce-derived byte, then a 16-byte tag of
 * HMAC-SHA256(key, nonce || ciphertext). Not secure; it only authenticates like the real one, so
 * what carries the right key passes and anything else fails "Packet failed integrity check.".
 */
final class TestCipher implements PacketCipher {
    private final Mac mac;
    private final byte pad;

    TestCipher(long key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            byte[] k = new byte[16];
            for (int i = 0; i < 8; i++) {
                k[i] = (byte) (key >>> (8 * i));
            }
            mac.init(new SecretKeySpec(k, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        pad = (byte) key;
    }

    @Override
    public byte[] seal(Nonce nonce, byte[] plaintext, int off, int len) {
        byte[] out = new byte[len + TAG_BYTES];
        for (int i = 0; i < len; i++) {
            out[i] = (byte) (plaintext[off + i] ^ pad ^ nonce.value());
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
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (sealed[off + i] ^ pad ^ nonce.value());
        }
        return out;
    }

    private byte[] tag(Nonce nonce, byte[] data, int off, int len) {
        byte[] n = new byte[Nonce.WIRE_BYTES];
        nonce.toWire(n, 0);
        mac.update(n);
        mac.update(data, off, len);
        return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    }
}
