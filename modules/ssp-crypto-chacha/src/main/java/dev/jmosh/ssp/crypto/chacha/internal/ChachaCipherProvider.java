package dev.jmosh.ssp.crypto.chacha.internal;

import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.spi.CipherProvider;

/** Provides ChaCha20-Poly1305 (RFC 8439) with a 256-bit key, for sessions between two jmosh ends. */
public final class ChachaCipherProvider implements CipherProvider {
    /** The name users pass as {@code --cipher=chacha20-poly1305}, and the prefix of its printed keys. */
    public static final String NAME = "chacha20-poly1305";

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public ChachaCipherProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int keyBytes() {
        return ChachaPacketCipher.KEY_BYTES;
    }

    @Override
    public PacketCipher create(SessionKey key) {
        if (!key.cipher().equals(NAME)) {
            throw new IllegalArgumentException("the session key is for " + key.cipher() + ", not " + NAME);
        }
        return new ChachaPacketCipher(key.bytes());
    }
}
