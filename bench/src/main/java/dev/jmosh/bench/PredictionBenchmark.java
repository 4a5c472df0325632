package dev.jmosh.bench;

import dev.jmosh.predictor.PredictionOptions;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.spi.Predictor;
import dev.jmosh.ssp.spi.PredictorProvider;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * The client's local-echo work per keystroke: the predictor takes one typed byte at a shell
 * prompt, then checks and draws its predictions on a copy of the server's frame, as the client
 * does before it shows the screen ({@code Predictor.userInput}, {@code Framebuffer.copy},
 * {@code Predictor.overlay}). The server has echoed the line's first key (so the epoch is
 * confirmed and predictions are shown) and nothing since: 60 letters are typed, then 60
 * backspaces, and again, so up to 60 predictions are pending at once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PredictionBenchmark {
    private static final int LINE = 60;

    /** Terminal size: 80x24 or 200x60. */
    @Param({"80x24", "200x60"})
    public String size;

    private Predictor<Framebuffer> predictor;
    private Framebuffer server;
    private long now;
    private long state;
    private int typed;
    private final byte[] key = new byte[1];

    /** A prompt on the server's screen, a predictor that always shows its predictions. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] wh = size.split("x");
        Emulator emulator = new Emulator(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        emulator.write("user@host:~$ ".getBytes(StandardCharsets.US_ASCII));
        predictor = Providers.select(PredictorProvider.class, PredictionOptions.MOSH_PROVIDER)
                .create(Framebuffer.class, Map.of(PredictionOptions.DISPLAY, "always"));
        predictor.sendInterval(50);
        Framebuffer prompt = emulator.framebuffer().copy();
        predictor.serverFrame(prompt, 0, now);
        predictor.overlay(prompt.copy(), now);
        key[0] = 'x';
        predictor.userInput(key, 0, 1, prompt, ++state, now);
        now += 100;
        emulator.write(key);
        server = emulator.framebuffer().copy();
        predictor.serverFrame(server, state, now);
        predictor.overlay(server.copy(), now);
    }

    /** One keystroke: predicted, then overlaid on a copy of the server frame. */
    @Benchmark
    public Framebuffer keystroke() {
        now += 150;
        key[0] = typed < LINE ? (byte) ('a' + typed % 26) : 0x7f;
        typed = (typed + 1) % (2 * LINE);
        Framebuffer shown = server.copy();
        predictor.userInput(key, 0, 1, shown, ++state, now);
        Framebuffer next = server.copy();
        predictor.overlay(next, now);
        return next;
    }
}
