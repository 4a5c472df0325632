/**
 * ChaCha20-Poly1305 (RFC 8439) through Bouncy Castle's lightweight
 * {@code org.bouncycastle.crypto.modes.ChaCha20Poly1305}: a second datagram cipher for two jmosh
 * ends, with mosh's datagram layout (8-byte clear nonce with its direction bit, 12-byte cipher
 * nonce, 16-byte tag) and a 256-bit key printed as {@code chacha20-poly1305:} and 43 Base64
 * characters. Fast without AES instructions. Exports nothing; provides the
 * {@link dev.jmosh.ssp.spi.CipherProvider} named {@code chacha20-poly1305}.
 */
module dev.jmosh.ssp.crypto.chacha {
    requires dev.jmosh.ssp;
    requires org.bouncycastle.provider;

    provides dev.jmosh.ssp.spi.CipherProvider with dev.jmosh.ssp.crypto.chacha.internal.ChachaCipherProvider;
}
