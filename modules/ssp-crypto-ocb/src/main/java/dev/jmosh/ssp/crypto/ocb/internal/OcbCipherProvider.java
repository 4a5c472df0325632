package dev.jmosh.ssp.crypto.ocb.internal;

import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.spi.CipherProvider;

/**
 * Provides mosh 1.4.0's datagram cipher, AES-128 in OCB3 mode (RFC 7253) with a 128-bit tag and
 * no associated data (mosh {@code Crypto::Session}, which uses OpenSSL's {@code EVP_aes_128_ocb}
 * or the bundled Krovetz code; both are RFC 7253 OCB).
 */
public final class OcbCipherProvider implements CipherProvider {
    /** The name users pass as {@code -Djmosh.cipher=aes-128-ocb}. */
    public static final String NAME = SessionKey.MOSH_CIPHER;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public OcbCipherProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PacketCipher create(SessionKey key) {
        if (!key.cipher().equals(NAME)) {
            throw new IllegalArgumentException("the session key is for " + key.cipher() + ", not " + NAME);
        }
        return new OcbPacketCipher(key.bytes());
    }
}
