package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib for serialized instructions, mosh's {@code Network::Compressor}: {@code compress()} at the
 * default level (an RFC 1950 stream starting {@code 78 9C}) and {@code uncompress()} into a
 * buffer of {@value #MAX_INFLATED_BYTES} bytes, so a larger instruction is refused.
 *
 * <pre>
 *  +------+------+---------------------------+-----------------+
 *  | CMF  | FLG  | DEFLATE blocks ...        | ADLER-32 (BE32) |
 *  | 78   | 9C   |                           |                 |
 *  +------+------+---------------------------+-----------------+
 * </pre>
 *
 * <p>Like zlib's {@code uncompress()}, inflation must reach the end of the stream and verify its
 * checksum; bytes after the end are ignored.
 *
 * <p>zlib's streams are reused, reset between uses, from a small pool shared by every
 * connection: making one allocates about 256 KiB of native memory that freeing hands back to
 * the system, and an idle session's heartbeat paid that twice per datagram, page faults and
 * TLB shootdowns included (most of an idle per-user server's CPU). A reset stream compresses
 * exactly as a new one, so the bytes sent do not change.
 */
public final class Compressor {
    /** Largest inflated instruction accepted, in bytes (mosh's {@code BUFFER_SIZE}, 2048 * 2048 = 4 MiB). */
    public static final int MAX_INFLATED_BYTES = 2048 * 2048;
    /** Size of each step of the output buffer while inflating, in bytes. */
    private static final int CHUNK_BYTES = 16 * 1024;

    /** Streams of each kind kept for reuse at most: about one per thread that compresses at once. */
    private static final int POOLED_MAX = 4;
    private static final Pool<Deflater> DEFLATERS =
            new Pool<>(() -> new Deflater(Deflater.DEFAULT_COMPRESSION), Deflater::reset, Deflater::end);
    private static final Pool<Inflater> INFLATERS = new Pool<>(Inflater::new, Inflater::reset, Inflater::end);

    private Compressor() {
    }

    /** zlib-compresses {@code data} at the default level. */
    public static byte[] compress(byte[] data) {
        Deflater deflater = DEFLATERS.take();
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
            byte[] chunk = new byte[Math.min(CHUNK_BYTES, data.length + 64)];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            DEFLATERS.give(deflater);
        }
    }

    /**
     * Inflates one zlib stream.
     *
     * @throws WireFormatException when the stream is malformed, truncated, needs a preset
     *     dictionary, fails its checksum, or inflates to more than {@value #MAX_INFLATED_BYTES} bytes
     */
    public static byte[] decompress(byte[] data, int off, int len) throws WireFormatException {
        Objects.checkFromIndexSize(off, len, data.length);
        Inflater inflater = INFLATERS.take();
        try {
            inflater.setInput(data, off, len);
            byte[] out = new byte[(int) Math.min(MAX_INFLATED_BYTES + 1L, Math.max(256L, len * 4L))];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    if (size > MAX_INFLATED_BYTES) {
                        throw new WireFormatException("instruction inflates to more than "
                                + MAX_INFLATED_BYTES + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(MAX_INFLATED_BYTES + 1L, size * 2L));
                }
                long readBefore = inflater.getBytesRead();
                int n = inflater.inflate(out, size, out.length - size);
                size += n;
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw new WireFormatException("zlib stream needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new WireFormatException("truncated zlib stream");
                    }
                    if (inflater.getBytesRead() == readBefore) {
                        throw new WireFormatException("zlib stream makes no progress");
                    }
                }
            }
            if (size > MAX_INFLATED_BYTES) {
                throw new WireFormatException("instruction inflates to more than " + MAX_INFLATED_BYTES + " bytes");
            }
            return Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new WireFormatException("bad zlib stream: " + e.getMessage(), e);
        } finally {
            INFLATERS.give(inflater);
        }
    }

    /** Idle streams of one kind: at most {@value #POOLED_MAX} kept (reset), the rest ended. */
    private static final class Pool<T> {
        private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
        private final AtomicInteger count = new AtomicInteger();
        private final Supplier<T> make;
        private final Consumer<T> reset;
        private final Consumer<T> end;

        Pool(Supplier<T> make, Consumer<T> reset, Consumer<T> end) {
            this.make = make;
            this.reset = reset;
            this.end = end;
        }

        T take() {
            T t = idle.poll();
            if (t == null) {
                return make.get();
            }
            count.decrementAndGet();
            return t;
        }

        void give(T t) {
            reset.accept(t);
            if (count.incrementAndGet() <= POOLED_MAX) {
                idle.offer(t);
            } else {
                count.decrementAndGet();
                end.accept(t);
            }
        }
    }
}
