/**
 * The ChaCha20-Poly1305 cipher provider, hidden from other modules: reach it only through
 * {@link dev.jmosh.ssp.spi.CipherProvider} and {@link dev.jmosh.ssp.Providers#cipher}.
 */
package dev.jmosh.ssp.crypto.chacha.internal;
