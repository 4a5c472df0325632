package dev.jmosh.conformance;

import dev.jmosh.conformance.TraceReplay.Reference;
import dev.jmosh.conformance.TraceReplay.Replay;
import dev.jmosh.conformance.trace.ReplayStats;
import dev.jmosh.conformance.trace.ResponseAnalysis;
import dev.jmosh.conformance.trace.ResponseAnalysis.KeyResult;
import dev.jmosh.conformance.trace.ResponseAnalysis.Result;
import dev.jmosh.conformance.trace.ResponseAnalysis.WrongCell;
import dev.jmosh.conformance.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Local echo measured (issue 6): keystroke traces with their timings (shell commands, editing in
 * vim, a password prompt, CJK input; {@code conformance/src/test/resources/traces}) replayed
 * into mosh-client and jmosh-client, each against mosh-server through the impairment relay at 50
 * and 250 ms each way, prediction in its default (adaptive) mode, in one run. Per trace, delay
 * and client: the share of keystrokes shown within 5 ms, the share mispredicted (something shown
 * that the echo then corrected), and the median and mean time until a keystroke's effect was
 * shown, by the rules of {@link ResponseAnalysis} against a reference run of the same trace.
 *
 * <p>Options: {@code -Djmosh.measure.traces=shell,vim,password,cjk},
 * {@code -Djmosh.measure.delays=50,250}, {@code -Djmosh.measure.clients=mosh-client,jmosh-client}.
 *
 * <p>A measurement, not a test: it runs only with {@code -Djmosh.measure=traces}, asserts nothing
 * about the figures, prints them and writes {@code conformance/target/trace-replay.txt}.
 */
class TraceReplayMeasurement {
    private static final int WRONG_CELLS_SHOWN = 12;
    /** RelayedSession starts clients with prediction off; this puts the default back. */
    private static final Map<String, String> ADAPTIVE = Map.of("MOSH_PREDICTION_DISPLAY", "adaptive");

    @Test
    @Timeout(3600)
    void traceReplayAt50And250Ms() throws Exception {
        Assumptions.assumeTrue(Measurements.selected("traces"), "run with -Djmosh.measure=traces");
        Conformance.require("mosh-server", "mosh-client", "script", "bash", "vim");
        List<String> traces = list("traces", "shell,vim,password,cjk");
        List<Integer> delays = list("delays", "50,250").stream().map(Integer::parseInt).toList();
        List<String> clients = list("clients", "mosh-client,jmosh-client");
        StringBuilder report = new StringBuilder("trace replay: keystroke to display, prediction adaptive,"
                + " against mosh-server through the relay (no loss)\n");
        StringBuilder details = new StringBuilder();
        Map<String, List<KeyResult>> ascii = new LinkedHashMap<>();
        try {
            measure(traces, delays, clients, report, details, ascii);
        } finally {
            TraceReplay.cleanUp();
        }
        if (!ascii.isEmpty()) {
            report.append("\nASCII traces together (those without a wide character):\n");
            ascii.forEach((k, v) -> report.append(String.format(Locale.ROOT, "%-25s", k))
                    .append(ReplayStats.of(v).line()).append('\n'));
        }
        report.append("\n").append(details);
        Measurements.report("trace-replay.txt", report);
    }

    /** Replays every trace at every delay into every client, adding to the report, details and ASCII pool. */
    private static void measure(List<String> traces, List<Integer> delays, List<String> clients, StringBuilder report,
                                StringBuilder details, Map<String, List<KeyResult>> ascii) throws Exception {
        for (String name : traces) {
            Trace trace = Trace.load(name);
            Reference ref = TraceReplay.reference(trace);
            report.append(String.format(Locale.ROOT, "%n%s: %d keystrokes, %.1f s%n", name, trace.keys().size(),
                    trace.millis() / 1000.0));
            int turn = 0;
            for (int delay : delays) {
                List<String> order = new ArrayList<>(clients);
                if (turn++ % 2 == 1) {
                    Collections.reverse(order); // who goes first alternates
                }
                Map<String, ReplayStats> stats = new LinkedHashMap<>();
                for (String client : order) {
                    Replay r = TraceReplay.replay(trace, client, ADAPTIVE, delay, ref.truth().get(0),
                            ref.truth().get(trace.keys().size()));
                    Result result = ResponseAnalysis.analyse(ref.truth(), ref.seen(), r.sent(), r.display(),
                            TraceReplay.windowNanos(delay));
                    String label = String.format(Locale.ROOT, "%-8s %3d ms %-12s", name, delay, client);
                    stats.put(client, ReplayStats.of(result.keys()));
                    report.append(label).append(stats.get(client).line());
                    boolean endOk = r.end().sameText(ref.truth().get(trace.keys().size()));
                    report.append(endOk ? "" : "  END DIFFERS FROM THE REFERENCE").append('\n');
                    List<KeyResult> wide = new ArrayList<>();
                    for (KeyResult k : result.keys()) {
                        if (trace.keys().get(k.index() - 1).wide()) {
                            wide.add(k);
                        }
                    }
                    if (!wide.isEmpty()) {
                        report.append(String.format(Locale.ROOT, "%-8s %3d ms %-12s", "  wide", delay, client))
                                .append(ReplayStats.of(wide).line()).append('\n');
                    }
                    if (trace.keys().stream().noneMatch(Trace.Key::wide)) {
                        ascii.computeIfAbsent(delay + " ms " + client, x -> new ArrayList<>()).addAll(result.keys());
                    }
                    details.append(details(label, trace, r, result, endOk ? null : ref.truth()
                            .get(trace.keys().size()).text()));
                }
                ReplayStats mosh = stats.get("mosh-client");
                ReplayStats jmosh = stats.get("jmosh-client");
                if (mosh != null && jmosh != null) {
                    report.append(String.format(Locale.ROOT,
                            "%-8s %3d ms %-12s shown at once %.2fx, mean %.2fx of mosh-client's%n", "  ratio", delay, "jmosh/mosh", jmosh.instantShare() / mosh.instantShare(),
                            jmosh.meanMs() / mosh.meanMs()));
                }
            }
        }
    }

    /** Per run: the response of each keystroke and the first wrong cells shown, for reading the figures. */
    private static String details(String label, Trace trace, Replay r, Result result, String expectedEnd) {
        StringBuilder b = new StringBuilder(label.strip()).append(": ");
        for (KeyResult k : result.keys()) {
            b.append(trace.keys().get(k.index() - 1).label()).append('=').append(!k.visible() ? "-"
                    : k.shown() ? String.valueOf(k.responseNanos() / 1_000_000) : "never")
                    .append(k.mispredicted() ? "!" : "").append(' ');
        }
        b.append('\n');
        List<WrongCell> wrong = result.wrong();
        for (WrongCell w : wrong.subList(0, Math.min(WRONG_CELLS_SHOWN, wrong.size()))) {
            b.append(String.format(Locale.ROOT, "  wrong at +%d ms after key %d (%s): row %d col %d shows '%s'%n",
                    (w.nanos() - r.sent()[Math.max(w.key(), 1) - 1]) / 1_000_000, w.key(),
                    w.key() == 0 ? "-" : trace.keys().get(w.key() - 1).label(), w.row(), w.col(), w.shown()));
        }
        if (wrong.size() > WRONG_CELLS_SHOWN) {
            b.append("  ... ").append(wrong.size() - WRONG_CELLS_SHOWN).append(" more wrong cells\n");
        }
        if (expectedEnd != null) {
            b.append("  end shown:\n").append(r.end().text()).append("\n  end expected:\n").append(expectedEnd)
                    .append('\n');
        }
        return b.toString();
    }

    private static List<String> list(String property, String defaults) {
        return Arrays.stream(Measurements.option("traces", property, defaults).split(",")).map(String::strip).toList();
    }
}
