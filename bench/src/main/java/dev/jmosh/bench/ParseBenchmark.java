package dev.jmosh.bench;

import dev.jmosh.vt.Emulator;
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
 * Parse-and-apply throughput of the terminal emulator: one operation feeds one MiB of a stream
 * into an 80x24 emulator in 4 KiB writes (as a pty read would deliver it), so operations per
 * second are MiB per second. With {@code -prof gc}, {@code gc.alloc.rate.norm} divided by
 * 1,048,576 is the allocation per byte.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
    private static final int CHUNK = 4096;

    /** Which stream: ascii, sgr, cjk or redraw. */
    @Param({"ascii", "sgr", "cjk", "redraw"})
    public String stream;

    private byte[] bytes;
    private Emulator emulator;

    /** Builds the stream once. */
    @Setup(Level.Trial)
    public void load() {
        bytes = switch (stream) {
            case "ascii" -> Streams.ascii();
            case "sgr" -> Streams.sgr();
            case "cjk" -> Streams.cjk();
            default -> Streams.redraw();
        };
        emulator = new Emulator(80, 24);
    }

    /** Feeds the whole MiB. */
    @Benchmark
    public int parseMiB() {
        for (int off = 0; off < bytes.length; off += CHUNK) {
            emulator.write(bytes, off, Math.min(CHUNK, bytes.length - off));
        }
        return emulator.framebuffer().cursorRow();
    }
}
