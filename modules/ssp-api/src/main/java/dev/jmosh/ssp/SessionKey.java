package dev.jmosh.ssp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The 128-bit session key shared by both directions, in mosh's printable form: 22 characters of
 * standard Base64 with the {@code ==} padding removed (mosh {@code Base64Key}).
 *
 * <p>Parsing follows mosh 1.4.0's rules and messages exactly, so a user sees the same text:
 * the length must be 22, the Base64 well formed, the result 16 bytes, and re-encoding must give
 * the same 22 characters (the last one carries 2 data bits and must be one of {@code A Q g w}).
 */
public final class SessionKey {
    /** Key length in bytes. */
    public static final int BYTES = 16;
    /** Length of the printable key in characters. */
    public static final int PRINTABLE_LENGTH = 22;

    private final byte[] key;

    private SessionKey(byte[] key) {
        this.key = key;
    }

    /** Parses a printable key, with mosh's messages for each way it can be wrong. */
    public static SessionKey parse(String printable) throws CryptoException {
        if (printable == null || printable.length() != PRINTABLE_LENGTH) {
            throw new CryptoException("Key must be 22 letters long.");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(printable + "==");
        } catch (IllegalArgumentException e) {
            throw new CryptoException("Key must be well-formed base64.");
        }
        if (decoded.length != BYTES) {
            throw new CryptoException("Key must represent 16 octets.");
        }
        SessionKey k = new SessionKey(decoded);
        if (!k.printable().equals(printable)) {
            throw new CryptoException("Base64 key was not encoded 128-bit key.");
        }
        return k;
    }

    /** A key of exactly 16 raw bytes. */
    public static SessionKey ofBytes(byte[] raw) {
        if (raw.length != BYTES) {
            throw new IllegalArgumentException("a session key has 16 bytes, not " + raw.length);
        }
        return new SessionKey(raw.clone());
    }

    /** A fresh random key, as mosh-server makes one from {@code /dev/urandom}. */
    public static SessionKey generate(SecureRandom random) {
        byte[] raw = new byte[BYTES];
        random.nextBytes(raw);
        return new SessionKey(raw);
    }

    /** A copy of the 16 raw key bytes. */
    public byte[] bytes() {
        return key.clone();
    }

    /** The 22-character printable form. */
    public String printable() {
        return Base64.getEncoder().withoutPadding().encodeToString(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionKey other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Never prints the key itself. */
    @Override
    public String toString() {
        return "SessionKey[hidden]";
    }
}
