package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;

/** mosh's own cipher for tests (AES-128-OCB3, a test dependency), under a key made from one number. */
public final class TestCiphers {
    private TestCiphers() {
    }

    /** A fresh AES-128-OCB3 instance under the key whose first bytes are {@code key}, little-endian. */
    public static PacketCipher ocb(long key) {
        byte[] k = new byte[SessionKey.BYTES];
        for (int i = 0; i < 8; i++) {
            k[i] = (byte) (key >>> (8 * i));
        }
        return Providers.cipher(SessionKey.ofBytes(k), SessionKey.MOSH_CIPHER);
    }
}
