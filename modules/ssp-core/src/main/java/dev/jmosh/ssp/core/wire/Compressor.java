package dev.jmosh.ssp.core.wire;

import dev.jmosh.ssp.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
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
 */
public final class Compressor {
    /** Largest inflated instruction accepted, in bytes (mosh's {@code BUFFER_SIZE}, 2048 * 2048 = 4 MiB). */
    public static final int MAX_INFLATED_BYTES = 2048 * 2048;
    /** Size of each step of the output buffer while inflating, in bytes. */
    private static final int CHUNK_BYTES = 16 * 1024;

    private Compressor() {
    }

    /** zlib-compresses {@code data} at the default level. */
    public static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
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
            deflater.end();
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
        Inflater inflater = new Inflater();
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
            inflater.end();
        }
    }
}
