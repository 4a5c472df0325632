package dev.jmosh.conformance;

import dev.jmosh.conformance.relay.Impairment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How long a client takes to draw a predicted keystroke (issue 6): the part of local echo that
 * is the client's own work, with the network out of the way. mosh-client and jmosh-client each
 * type into {@code cat} on mosh-server through the relay at 50 ms each way with prediction
 * {@code always}, so that every keystroke after the first confirmed one is drawn by the client
 * before any echo can come back; a keystroke's time runs from writing it to the client's
 * terminal until the client draws it there ({@link PtyClient}). The clients take turns in rounds,
 * so that machine noise falls on both alike.
 *
 * <p>Options: {@code -Djmosh.measure.rounds=N} (20 keystrokes per client each, default 10),
 * {@code -Djmosh.measure.prediction=always|adaptive}, {@code -Djmosh.measure.javaopts='...'}
 * (JVM options for jmosh-client, through {@code JMOSH_JAVA_OPTS}; several sets separated by
 * {@code |} run one jmosh-client each, in the same rounds, to compare JVM settings).
 *
 * <p>A measurement, not a test: it runs only with {@code -Djmosh.measure=draw}, asserts nothing
 * about the figures, prints them and writes {@code conformance/target/local-echo-draw.txt}.
 */
class LocalEchoDrawMeasurement {
    private static final int ROUNDS = Measurements.intOption("draw", "rounds", 10);
    private static final int KEYS_PER_ROUND = 20;
    private static final int DELAY_MS = 50;

    @Test
    @Timeout(1800)
    void predictedKeystrokeToDraw() throws Exception {
        Assumptions.assumeTrue(Measurements.selected("draw"), "run with -Djmosh.measure=draw");
        Conformance.require("mosh-server", "mosh-client", "script");
        String mode = Measurements.option("draw", "prediction", "always");
        List<String> variants = List.of(Measurements.option("draw", "javaopts", "").split("\\|", -1));
        List<String> clients = new ArrayList<>(List.of("mosh-client"));
        variants.forEach(v -> clients.add(variants.size() == 1 ? "jmosh-client" : "jmosh-client[" + v.strip() + "]"));
        List<List<Double>> times = new ArrayList<>();
        List<RelayedSession> open = new ArrayList<>();
        try {
            for (int c = 0; c < clients.size(); c++) {
                Map<String, String> env = new java.util.HashMap<>(Map.of("MOSH_PREDICTION_DISPLAY", mode));
                String opts = c == 0 ? "" : variants.get(c - 1).strip();
                if (!opts.isEmpty()) {
                    env.put("JMOSH_JAVA_OPTS", "'" + opts + "'");
                }
                String client = clients.get(c);
                RelayedSession s = RelayedSession.onPty(RelayedSession.client(c == 0 ? client : "jmosh-client"),
                        "mosh-server", env, 80, 24, 5, "exec cat");
                open.add(s);
                if (s.pty.keystroke(PtyClient.letter(31), 30_000) < 0) {
                    throw new AssertionError(client + ": no echo within 30 s");
                }
                s.relay.impair(Impairment.lossy(0, DELAY_MS));
                s.pty.type("\r");
                times.add(new ArrayList<>());
            }
            Random think = new Random(11);
            int typed = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < clients.size(); i++) {
                    PtyClient pty = open.get(i).pty;
                    // the first key of a line starts a new epoch: shown only once its echo is back
                    pty.keystroke(PtyClient.letter(typed), 20_000);
                    Thread.sleep(3L * DELAY_MS);
                    for (int k = 1; k < KEYS_PER_ROUND; k++) {
                        long nanos = pty.keystrokeNanos(PtyClient.letter(typed + k), 20_000);
                        times.get(i).add(nanos < 0 ? 20_000.0 : nanos / 1e6);
                        Thread.sleep(60 + think.nextInt(200)); // a typist's pause
                    }
                    pty.type("\r");
                    Thread.sleep(3L * DELAY_MS);
                }
                typed += KEYS_PER_ROUND;
            }
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "predicted keystroke to draw, %d ms each way, prediction %s, %d keystrokes each%n", DELAY_MS, mode,
                ROUNDS * (KEYS_PER_ROUND - 1)));
        List<Double> mosh = times.get(0); // mosh-client comes first
        for (int i = 0; i < clients.size(); i++) {
            List<Double> t = times.get(i);
            report.append(String.format(Locale.ROOT, "%-13s%n  <=1 ms %5.1f%%  <=5 ms %5.1f%%  median %5.2f  p90 %5.2f"
                            + "  p99 %6.2f  max %6.2f  mean %5.2f ms  (x mosh-client: median %.2f, mean %.2f)%n",
                    clients.get(i), share(t, 1), share(t, 5),
                    Measurements.percentile(t, 50), Measurements.percentile(t, 90), Measurements.percentile(t, 99),
                    Measurements.percentile(t, 100), Measurements.mean(t),
                    Measurements.percentile(t, 50) / Measurements.percentile(mosh, 50),
                    Measurements.mean(t) / Measurements.mean(mosh)));
        }
        for (int i = 0; i < clients.size(); i++) {
            report.append(clients.get(i)).append(" (ms, in order):");
            times.get(i).forEach(x -> report.append(String.format(Locale.ROOT, " %.1f", x)));
            report.append('\n');
        }
        Measurements.report("local-echo-draw.txt", report);
        Map<String, List<Double>> series = new java.util.LinkedHashMap<>();
        for (int i = 0; i < clients.size(); i++) {
            series.put(clients.get(i), times.get(i));
        }
        Measurements.samples("local-echo-draw.csv", Map.of("predicted keystroke to draw (ms)", series));
    }

    private static double share(List<Double> t, double atMostMs) {
        return 100.0 * t.stream().filter(x -> x <= atMostMs).count() / t.size();
    }
}
