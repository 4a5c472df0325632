package dev.jmosh.ssp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The session key shared by both directions, and the cipher it is for.
 *
 * <p>mosh's key, for its AES-128-OCB3 ({@value #MOSH_CIPHER}), is 16 bytes printed as 22
 * characters of standard Base64 with the {@code ==} padding removed (mosh {@code Base64Key}).
 * A key for any other cipher prints as that cipher's name, a colon and the key in unpadded
 * Base64, e.g. {@code chacha20-poly1305:} followed by 43 characters for 32 bytes: the printed key
 * itself says which cipher it is for, so two ends given different ciphers find out before any
 * datagram is accepted, and mosh 1.4.0, which takes only 22-character keys, refuses such a key
 * before it sends anything.
 *
 * <p>Parsing a mosh key follows mosh 1.4.0's rules and messages exactly, so a user sees the same
 * text: the length must be 22, the Base64 well formed, the result 16 bytes, and re-encoding must
 * give the same 22 characters (the last one carries 2 data bits and must be one of
 * {@code A Q g w}). The length a named cipher needs is its provider's to check
 * ({@link Providers#cipher}).
 */
public final class SessionKey {
    /** Length of mosh's key in bytes. */
    public static final int BYTES = 16;
    /** Length of mosh's printable key in characters. */
    public static final int PRINTABLE_LENGTH = 22;
    /** The cipher of mosh's keys, and of every key printed without a name. */
    public static final String MOSH_CIPHER = "aes-128-ocb";
    /** Most bytes a named key may have. */
    public static final int MAX_BYTES = 64;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,39}");

    private final String cipher;
    private final byte[] key;

    private SessionKey(String cipher, byte[] key) {
        this.cipher = cipher;
        this.key = key;
    }

    /**
     * Parses a printable key: mosh's 22 characters, with mosh's message for each way it can be
     * wrong, or {@code NAME:BASE64} for another cipher.
     */
    public static SessionKey parse(String printable) throws CryptoException {
        int colon = printable == null ? -1 : printable.indexOf(':');
        if (colon >= 0) {
            return parseNamed(printable.substring(0, colon), printable.substring(colon + 1));
        }
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
        SessionKey k = new SessionKey(MOSH_CIPHER, decoded);
        if (!k.printable().equals(printable)) {
            throw new CryptoException("Base64 key was not encoded 128-bit key.");
        }
        return k;
    }

    private static SessionKey parseNamed(String name, String base64) throws CryptoException {
        if (!NAME.matcher(name).matches()) {
            throw new CryptoException("Key's cipher name before ':' must be lowercase letters, digits, '-' or '.'.");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("Key for " + name + " must be well-formed base64.");
        }
        if (decoded.length == 0 || decoded.length > MAX_BYTES) {
            throw new CryptoException("Key for " + name + " must have 1 to " + MAX_BYTES + " octets.");
        }
        SessionKey k = new SessionKey(name, decoded);
        if (!k.printable().equals(name + ":" + base64)) {
            throw new CryptoException("Key for " + name + " must be unpadded base64 of its octets.");
        }
        return k;
    }

    /** mosh's key: exactly 16 raw bytes, for {@value #MOSH_CIPHER}. */
    public static SessionKey ofBytes(byte[] raw) {
        if (raw.length != BYTES) {
            throw new IllegalArgumentException("a session key has 16 bytes, not " + raw.length);
        }
        return new SessionKey(MOSH_CIPHER, raw.clone());
    }

    /** A key of {@code raw} bytes for the cipher named {@code cipher}. */
    public static SessionKey ofBytes(String cipher, byte[] raw) {
        if (cipher.equals(MOSH_CIPHER)) {
            return ofBytes(raw);
        }
        if (!NAME.matcher(cipher).matches()) {
            throw new IllegalArgumentException("not a cipher name: " + cipher);
        }
        if (raw.length == 0 || raw.length > MAX_BYTES) {
            throw new IllegalArgumentException("a session key has 1 to " + MAX_BYTES + " bytes, not " + raw.length);
        }
        return new SessionKey(cipher, raw.clone());
    }

    /** A fresh random mosh key, as mosh-server makes one from {@code /dev/urandom}. */
    public static SessionKey generate(SecureRandom random) {
        return generate(MOSH_CIPHER, BYTES, random);
    }

    /** A fresh random key of {@code bytes} bytes for the cipher named {@code cipher}. */
    public static SessionKey generate(String cipher, int bytes, SecureRandom random) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return ofBytes(cipher, raw);
    }

    /** The name of the cipher this key is for ({@value #MOSH_CIPHER} for mosh's keys). */
    public String cipher() {
        return cipher;
    }

    /** Length of the key in bytes. */
    public int length() {
        return key.length;
    }

    /** A copy of the raw key bytes. */
    public byte[] bytes() {
        return key.clone();
    }

    /** The printable form: mosh's 22 characters, or {@code NAME:BASE64} for another cipher. */
    public String printable() {
        String base64 = Base64.getEncoder().withoutPadding().encodeToString(key);
        return cipher.equals(MOSH_CIPHER) ? base64 : cipher + ":" + base64;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionKey other && cipher.equals(other.cipher) && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return 31 * cipher.hashCode() + Arrays.hashCode(key);
    }

    /** Never prints the key itself. */
    @Override
    public String toString() {
        return "SessionKey[" + cipher + ", hidden]";
    }
}
