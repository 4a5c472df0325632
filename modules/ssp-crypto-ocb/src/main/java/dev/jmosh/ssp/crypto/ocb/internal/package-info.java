/**
 * The AES-128-OCB3 cipher provider, hidden from other modules: reach it only through
 * {@link dev.jmosh.ssp.spi.CipherProvider} and {@link dev.jmosh.ssp.Providers#select}.
 */
package dev.jmosh.ssp.crypto.ocb.internal;
