package dev.jmosh.bench;

import dev.jmosh.ssp.CryptoException;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.spi.CipherProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sealing and opening datagrams with each cipher (AES-128-OCB3, mosh's, and ChaCha20-Poly1305,
 * jmosh's second): one operation
 * seals, or opens, one MiB as datagrams of {@code size} bytes, so operations per second are MiB
 * per second. Every seal has a fresh nonce, as the datagram layer's sequence numbers give.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CipherBenchmark {
    private static final int MIB = 1 << 20;

    /** Plaintext bytes per datagram: 1024 (a screen update) or 64 (a keystroke, an ack). */
    @Param({"1024", "64"})
    public int size;

    /** The cipher provider's name. */
    @Param({"aes-128-ocb", "chacha20-poly1305"})
    public String cipherName;

    private PacketCipher cipher;
    private byte[] plaintext;
    private byte[] sealed;
    private Nonce sealedNonce;
    private long seq;

    /** A cipher under a fixed key, and one datagram sealed for the open benchmark. */
    @Setup(Level.Trial)
    public void setUp() {
        CipherProvider provider = Providers.select(CipherProvider.class, cipherName);
        byte[] key = new byte[provider.keyBytes()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 11);
        }
        cipher = provider.create(SessionKey.ofBytes(cipherName, key));
        plaintext = new byte[size];
        for (int i = 0; i < size; i++) {
            plaintext[i] = (byte) ('a' + i % 26);
        }
        sealedNonce = Nonce.of(Direction.TO_CLIENT, 1L << 40);
        sealed = cipher.seal(sealedNonce, plaintext, 0, size);
    }

    /** Seals one MiB. */
    @Benchmark
    public int sealMiB() {
        int last = 0;
        for (int done = 0; done < MIB; done += size) {
            last = cipher.seal(Nonce.of(Direction.TO_SERVER, ++seq), plaintext, 0, size).length;
        }
        return last;
    }

    /** Opens one MiB (the same datagram again and again: opening has no nonce rule). */
    @Benchmark
    public int openMiB() throws CryptoException {
        int last = 0;
        for (int done = 0; done < MIB; done += size) {
            last = cipher.open(sealedNonce, sealed, 0, sealed.length).length;
        }
        return last;
    }
}
