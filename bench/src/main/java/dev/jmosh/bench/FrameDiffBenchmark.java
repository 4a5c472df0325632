package dev.jmosh.bench;

import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.FrameDiff;
import dev.jmosh.vt.Framebuffer;
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
 * Frames per second of {@link FrameDiff} (mosh's {@code Display::new_frame}) on realistic pairs:
 * consecutive frames of a top-like redraw stream and of coloured output that scrolls, at 80x24
 * and 200x60. The server computes one such diff per frame it sends.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrameDiffBenchmark {
    private static final int PAIRS = 16;

    /** Screen size, COLSxROWS. */
    @Param({"80x24", "200x60"})
    public String size;

    /** What changes between frames: redraw (top-like) or scroll (coloured output). */
    @Param({"redraw", "scroll"})
    public String kind;

    private Framebuffer[] from;
    private Framebuffer[] to;
    private int next;

    /** Builds frame pairs by feeding a stream and copying the screen as it goes. */
    @Setup(Level.Trial)
    public void frames() {
        String[] wh = size.split("x");
        int cols = Integer.parseInt(wh[0]);
        int rows = Integer.parseInt(wh[1]);
        byte[] stream = kind.equals("redraw") ? Streams.redraw() : Streams.sgr();
        Emulator e = new Emulator(cols, rows);
        from = new Framebuffer[PAIRS];
        to = new Framebuffer[PAIRS];
        int step = kind.equals("redraw") ? 2400 : 1200;
        int off = 0;
        for (int i = 0; i < PAIRS; i++) {
            from[i] = e.framebuffer().copy();
            e.write(stream, off, step);
            off += step;
            to[i] = e.framebuffer().copy();
        }
    }

    /** One frame diff. */
    @Benchmark
    public byte[] diff() {
        int i = next++ & (PAIRS - 1);
        return FrameDiff.diff(from[i], to[i]);
    }
}
