/**
 * AES-128 in OCB3 mode (RFC 7253) with a 128-bit tag through Bouncy Castle's lightweight
 * {@code OCBBlockCipher}, the cipher of mosh 1.4.0. Exports nothing; provides the
 * {@link dev.jmosh.ssp.spi.CipherProvider} named {@code aes-128-ocb}.
 */
module dev.jmosh.ssp.crypto.ocb {
    requires dev.jmosh.ssp;
    requires org.bouncycastle.provider;

    provides dev.jmosh.ssp.spi.CipherProvider with dev.jmosh.ssp.crypto.ocb.internal.OcbCipherProvider;
}
