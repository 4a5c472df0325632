package dev.jmosh.ssp.spi;

import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.SessionKey;

/** Makes the authenticated cipher that seals every datagram (mosh: AES-128-OCB3). */
public interface CipherProvider extends NamedProvider {
    /** System property naming the provider to use. */
    String PROPERTY = "jmosh.cipher";

    /** A cipher bound to {@code key}; each call returns an independent instance. */
    PacketCipher create(SessionKey key);
}
