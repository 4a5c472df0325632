package dev.jmosh.conformance.trace;

import dev.jmosh.conformance.trace.ResponseAnalysis.KeyResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The figures the trace-replay measurement reports for a set of keystrokes: how many, how many
 * had a visible effect, the share of those shown within {@value #INSTANT_MS} ms, how many were
 * never shown as typed (replaced first), the share of all keystrokes mispredicted, and the
 * median and mean response of the shown ones.
 */
public record ReplayStats(int keys, int visible, int instant, int neverShown, int mispredicted, double medianMs,
                          double meanMs) {
    /** "Shown instantly": within 5 ms of the keystroke, as in the mosh paper. */
    public static final int INSTANT_MS = 5;

    /** The figures of {@code results}. */
    public static ReplayStats of(List<KeyResult> results) {
        long[] ns = results.stream().filter(r -> r.visible() && r.shown()).mapToLong(KeyResult::responseNanos)
                .sorted().toArray();
        int visible = (int) results.stream().filter(KeyResult::visible).count();
        int instant = (int) Arrays.stream(ns).filter(n -> n <= INSTANT_MS * 1_000_000L).count();
        int mispredicted = (int) results.stream().filter(KeyResult::mispredicted).count();
        double median = ns.length == 0 ? Double.NaN
                : (ns[(ns.length - 1) / 2] + ns[ns.length / 2]) / 2.0 / 1e6;
        double mean = ns.length == 0 ? Double.NaN : Arrays.stream(ns).average().orElseThrow() / 1e6;
        return new ReplayStats(results.size(), visible, instant, visible - ns.length, mispredicted, median, mean);
    }

    /** The share of visible keystrokes shown within 5 ms. */
    public double instantShare() {
        return visible == 0 ? Double.NaN : (double) instant / visible;
    }

    /** The share of all keystrokes that showed something wrong. */
    public double mispredictedShare() {
        return keys == 0 ? Double.NaN : (double) mispredicted / keys;
    }

    /** One report line. */
    public String line() {
        return String.format(Locale.ROOT,
                "%4d keys %4d visible  instant %5.1f%% (%d)  mispredicted %4.1f%% (%d)  median %6.1f ms  mean %6.1f ms"
                        + "  never shown %d", keys, visible, 100 * instantShare(), instant, 100 * mispredictedShare(),
                mispredicted, medianMs, meanMs, neverShown);
    }
}
