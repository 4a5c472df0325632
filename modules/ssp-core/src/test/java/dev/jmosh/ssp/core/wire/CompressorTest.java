package dev.jmosh.ssp.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class CompressorTest {
    @Test
    void roundTripStartsWithTheDefaultLevelZlibHeader() throws WireFormatException {
        byte[] data = Hex.bytes(InstructionTest.SERVER_REPLY);
        byte[] z = Compressor.compress(data);

        assertThat(z[0]).isEqualTo((byte) 0x78);
        assertThat(z[1]).isEqualTo((byte) 0x9C);
        assertThat(Compressor.decompress(z, 0, z.length)).isEqualTo(data);
    }

    @Test
    void emptyInputRoundTrips() throws WireFormatException {
        byte[] z = Compressor.compress(new byte[0]);
        assertThat(Compressor.decompress(z, 0, z.length)).isEmpty();
    }

    @Test
    void decompressHonoursOffsetsAndIgnoresTrailingBytes() throws WireFormatException {
        byte[] data = new byte[5000];
        new Random(1).nextBytes(data);
        byte[] z = Compressor.compress(data);
        byte[] framed = new byte[z.length + 7];
        System.arraycopy(z, 0, framed, 3, z.length);
        assertThat(Compressor.decompress(framed, 3, z.length + 4)).isEqualTo(data);
    }

    @Test
    void exactlyFourMebibytesIsAccepted() throws WireFormatException {
        byte[] data = new byte[Compressor.MAX_INFLATED_BYTES];
        byte[] z = Compressor.compress(data);
        assertThat(Compressor.decompress(z, 0, z.length)).hasSize(4_194_304);
    }

    @Test
    void bombBeyondFourMebibytesIsRejected() {
        byte[] z = Compressor.compress(new byte[Compressor.MAX_INFLATED_BYTES + 1]);
        assertThat(z.length).isLessThan(5000);
        assertThatThrownBy(() -> Compressor.decompress(z, 0, z.length))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("4194304");
    }

    @Test
    void bigBombIsRejectedWithoutInflatingItAll() {
        // 64 MiB of zeros in ~64 KiB of zlib
        Deflater d = new Deflater(9);
        d.setInput(new byte[64 << 20]);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        byte[] z = out.toByteArray();
        assertThatThrownBy(() -> Compressor.decompress(z, 0, z.length)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void garbageIsRejected() {
        byte[] garbage = "this is not zlib".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Compressor.decompress(garbage, 0, garbage.length))
                .isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> Compressor.decompress(new byte[0], 0, 0)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void truncatedStreamIsRejected() {
        byte[] data = new byte[3000];
        new Random(2).nextBytes(data);
        byte[] z = Compressor.compress(data);
        for (int cut : new int[] {1, 2, 10, z.length / 2, z.length - 4, z.length - 1}) {
            assertThatThrownBy(() -> Compressor.decompress(z, 0, cut)).as("cut at %d", cut)
                    .isInstanceOf(WireFormatException.class);
        }
    }

    @Test
    void badChecksumIsRejected() {
        byte[] z = Compressor.compress("hello, mosh".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] bad = Arrays.copyOf(z, z.length);
        bad[bad.length - 1] ^= 1;
        assertThatThrownBy(() -> Compressor.decompress(bad, 0, bad.length)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void rawDeflateWithoutTheZlibWrapperIsRejected() {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(new byte[100]);
        d.finish();
        byte[] buf = new byte[200];
        int n = d.deflate(buf);
        d.end();
        assertThatThrownBy(() -> Compressor.decompress(buf, 0, n)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void presetDictionaryStreamIsRejected() {
        Deflater d = new Deflater();
        d.setDictionary(new byte[] {1, 2, 3});
        d.setInput(new byte[] {1, 2, 3, 1, 2, 3});
        d.finish();
        byte[] buf = new byte[100];
        int n = d.deflate(buf);
        d.end();
        assertThatThrownBy(() -> Compressor.decompress(buf, 0, n))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("dictionary");
    }

    @Test
    void reusedStreamsCompressAsFreshOnesAndSurviveABadStream() throws WireFormatException {
        Random r = new Random(3);
        for (int i = 0; i < 50; i++) {
            byte[] data = new byte[r.nextInt(3000)];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) ('a' + r.nextInt(4)); // compressible, so matches reach back
            }
            Deflater fresh = new Deflater(Deflater.DEFAULT_COMPRESSION);
            fresh.setInput(data);
            fresh.finish();
            byte[] buf = new byte[data.length + 64];
            int n = fresh.deflate(buf);
            fresh.end();
            byte[] z = Compressor.compress(data);
            assertThat(z).as("round %d", i).isEqualTo(Arrays.copyOf(buf, n));
            byte[] bad = Arrays.copyOf(z, z.length);
            bad[bad.length - 1] ^= 1;
            assertThatThrownBy(() -> Compressor.decompress(bad, 0, bad.length)).isInstanceOf(WireFormatException.class);
            assertThatThrownBy(() -> Compressor.decompress(z, 0, z.length / 2)).isInstanceOf(WireFormatException.class);
            assertThat(Compressor.decompress(z, 0, z.length)).as("round %d", i).isEqualTo(data);
        }
    }
}
