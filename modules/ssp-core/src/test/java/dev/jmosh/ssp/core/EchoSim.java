package dev.jmosh.ssp.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.ssp.CryptoException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Keystroke-to-echo on the simulated link: the server echoes whatever the client's user stream
 * brings, as a tty with echo on would, and the time runs from the keystroke until the client
 * holds the echo. Typing pauses 100–400 ms after each echo, like the end-to-end measurement.
 */
final class EchoSim {
    private EchoSim() {
    }

    /** Per-keystroke echo times in simulated ms. */
    static long[] echoTimes(SimPair p, int keys, long seed) throws CryptoException {
        return echoTimes(p, keys, seed, false);
    }

    /** Per-keystroke echo times in simulated ms; with {@code expedite} the server marks each echo as one. */
    static long[] echoTimes(SimPair p, int keys, long seed, boolean expedite) throws CryptoException {
        SplittableRandom think = new SplittableRandom(seed);
        long[] times = new long[keys];
        int[] echoed = {0};
        for (int i = 0; i < keys; i++) {
            int want = i + 1;
            long start = p.clock.millis();
            p.client.currentState().append(new byte[] {(byte) ('a' + i % 26)});
            boolean ok = p.runUntil(() -> {
                byte[] seen = p.serverView();
                if (seen.length > echoed[0]) { // the "tty" echoes at once
                    p.server.currentState().append(Arrays.copyOfRange(seen, echoed[0], seen.length));
                    echoed[0] = seen.length;
                    if (expedite) {
                        p.server.sender().expedite();
                    }
                }
                return p.client.latestRemoteState().state().bytes().length >= want;
            }, 60_000);
            assertThat(ok).as("echo of keystroke %d", i).isTrue();
            times[i] = p.clock.millis() - start;
            p.runFor(100 + think.nextInt(300));
        }
        return times;
    }

    static double mean(long[] t) {
        return Arrays.stream(t).average().orElse(Double.NaN);
    }

    static long percentile(long[] t, int p) {
        long[] a = t.clone();
        Arrays.sort(a);
        return a[Math.min(a.length - 1, (int) Math.ceil(p / 100.0 * a.length) - 1)];
    }
}
