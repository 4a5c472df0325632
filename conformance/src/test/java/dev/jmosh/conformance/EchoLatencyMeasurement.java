package dev.jmosh.conformance;

import dev.jmosh.conformance.relay.Impairment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Side-by-side keystroke-to-echo times through the impairment relay (issue 5, "beyond mosh,
 * measured"): mosh-client with mosh-server, jmosh-client with jmosh-server (loss duplication on,
 * the default) and the same jmosh pair with duplication off, in one run, prediction off, each
 * session typing into {@code cat} on its server's tty at 29% loss and 50 ms each way. The
 * sessions take turns in rounds, so that machine noise falls on all of them alike. Each client
 * runs on a terminal of its own ({@link PtyClient}); a keystroke's time runs from writing the
 * character to that terminal until the client draws it there.
 *
 * <p>Options: {@code -Djmosh.measure.rounds=N} (15 keystrokes per pairing each, default 4),
 * {@code -Djmosh.measure.loss=0.29}, {@code -Djmosh.measure.only=0,1,2} (pairings by index:
 * 3 and 4 are the mixed ones), {@code -Djmosh.measure.idle=MS} (a pause before typing).
 *
 * <p>A measurement, not a test: it runs only with {@code -Djmosh.measure=echo} and asserts
 * nothing about the numbers; it prints them and writes {@code conformance/target/echo-latency.txt}.
 */
class EchoLatencyMeasurement {
    private static final int ROUNDS = Measurements.intOption("echo", "rounds", 4);
    private static final int KEYS_PER_ROUND = 15;
    private static final double LOSS = Double.parseDouble(Measurements.option("echo", "loss", "0.29"));

    /** One pairing under test. */
    private record Pairing(String name, String client, String server, Map<String, String> env) {
    }

    @Test
    @Timeout(1800)
    void keystrokeToEchoAt29PercentLossAnd50Ms() throws Exception {
        Assumptions.assumeTrue(Measurements.selected("echo"), "run with -Djmosh.measure=echo");
        Conformance.require("mosh-server", "mosh-client", "tmux");
        String jclient = RelayedSession.client("jmosh-client");
        String jserver = RelayedSession.server("jmosh-server");
        List<Pairing> all = List.of(
                new Pairing("mosh-client + mosh-server", "mosh-client", "mosh-server", Map.of()),
                new Pairing("jmosh-client + jmosh-server", jclient, jserver, Map.of()),
                new Pairing("jmosh pair, mosh's timing", jclient, jserver, Map.of("JMOSH_SEND_TIMING", "mosh")),
                new Pairing("jmosh-client + mosh-server", jclient, "mosh-server", Map.of()),
                new Pairing("mosh-client + jmosh-server", "mosh-client", jserver, Map.of()));
        String only = Measurements.option("echo", "only", "0,1,2"); // e.g. "0,3,4": the mixed pairings
        List<Pairing> pairings = Arrays.stream(only.split(",")).map(i -> all.get(Integer.parseInt(i.strip()))).toList();
        List<List<Long>> times = new ArrayList<>();
        List<RelayedSession> open = new ArrayList<>();
        List<Long> sentBefore = new ArrayList<>();
        List<Long> sent = new ArrayList<>();
        try {
            int seed = 50;
            for (Pairing p : pairings) {
                RelayedSession s = RelayedSession.onPty(p.client, p.server, p.env, 80, 24, seed++, "exec cat");
                open.add(s);
                // the first echo, on a clean link, says the session is up
                if (s.pty.keystroke(PtyClient.letter(31), 30_000) < 0) {
                    throw new AssertionError(p.name + ": no echo within 30 s");
                }
                s.relay.impair(Impairment.lossy(LOSS, 50));
                times.add(new ArrayList<>());
                sentBefore.add(datagrams(s));
            }
            Thread.sleep(Long.parseLong(Measurements.option("echo", "idle", "0"))); // an idle spell before typing
            Random think = new Random(7);
            int typed = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < pairings.size(); i++) {
                    PtyClient pty = open.get(i).pty;
                    for (int k = 0; k < KEYS_PER_ROUND; k++) {
                        long t = pty.keystroke(PtyClient.letter(typed + k), 20_000);
                        times.get(i).add(t < 0 ? 20_000 : t);
                        Thread.sleep(100 + think.nextInt(300)); // a typist's pause
                    }
                    pty.type("\r");
                    Thread.sleep(300);
                }
                typed += KEYS_PER_ROUND;
            }
            for (int i = 0; i < open.size(); i++) {
                sent.add(datagrams(open.get(i)) - sentBefore.get(i));
            }
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "keystroke to echo, %.0f%% loss and 50 ms each way, prediction off, %d keystrokes each%n",
                LOSS * 100, ROUNDS * KEYS_PER_ROUND));
        double moshMean = Measurements.mean(times.get(0));
        for (int i = 0; i < pairings.size(); i++) {
            List<Long> t = times.get(i);
            report.append(String.format(Locale.ROOT, "%-30s mean %6.1f ms  median %6.1f ms  p90 %6.1f ms  (%.2fx the first row)"
                            + "  %5.1f datagrams per keystroke%n", pairings.get(i).name, Measurements.mean(t), Measurements.percentile(t, 50),
                    Measurements.percentile(t, 90), Measurements.mean(t) / moshMean, (double) sent.get(i) / t.size()));
        }
        for (int i = 0; i < pairings.size(); i++) {
            report.append(pairings.get(i).name).append(" (ms, in order): ").append(times.get(i)).append('\n');
        }
        Measurements.report("echo-latency.txt", report);
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (int i = 0; i < pairings.size(); i++) {
            series.put(pairings.get(i).name, times.get(i));
        }
        Measurements.samples("echo-latency.csv", Map.of(String.format(Locale.ROOT,
                "keystroke to echo (ms), %.0f%% loss, 50 ms each way", LOSS * 100), series));
    }

    /** Datagrams the relay has taken from the client and the server so far (the offered load). */
    private static long datagrams(RelayedSession s) {
        return s.relay.upstream().received() + s.relay.downstream().received();
    }
}
