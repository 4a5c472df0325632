package dev.jmosh.conformance;

import dev.jmosh.conformance.relay.Impairment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * sessions take turns in rounds, so that machine noise falls on all of them alike. A keystroke's
 * time runs from {@code tmux send-keys} until tmux shows the echoed character (polled).
 *
 * <p>A measurement, not a test: it runs only with {@code -Djmosh.measure=echo} and asserts
 * nothing about the numbers; it prints them and writes {@code conformance/target/echo-latency.txt}.
 */
class EchoLatencyMeasurement {
    private static final int ROUNDS = Integer.getInteger("jmosh.measure.rounds", 4);
    private static final int KEYS_PER_ROUND = 15;

    /** One pairing under test. */
    private record Pairing(String name, String client, String server, Map<String, String> env) {
    }

    @Test
    @Timeout(1800)
    void keystrokeToEchoAt29PercentLossAnd50Ms() throws Exception {
        Assumptions.assumeTrue("echo".equals(System.getProperty("jmosh.measure")), "run with -Djmosh.measure=echo");
        Conformance.require("mosh-server", "mosh-client", "tmux");
        String jclient = RelayedSession.client("jmosh-client");
        String jserver = RelayedSession.server("jmosh-server");
        List<Pairing> all = List.of(
                new Pairing("mosh-client + mosh-server", "mosh-client", "mosh-server", Map.of()),
                new Pairing("jmosh-client + jmosh-server", jclient, jserver, Map.of()),
                new Pairing("jmosh, duplication off", jclient, jserver, Map.of("JMOSH_LOSS_DUPLICATION", "off")));
        String only = System.getProperty("jmosh.measure.only"); // e.g. "1,2": just those pairings
        List<Pairing> pairings = only == null ? all
                : Arrays.stream(only.split(",")).map(i -> all.get(Integer.parseInt(i.strip()))).toList();
        List<List<Long>> times = new ArrayList<>();
        List<RelayedSession> open = new ArrayList<>();
        List<Tmux> panes = new ArrayList<>();
        List<String> finalScreens = new ArrayList<>();
        try {
            int seed = 50;
            for (Pairing p : pairings) {
                RelayedSession s = new RelayedSession(p.client, p.server, p.env, 80, 24, seed++,
                        "echo READY; exec cat");
                open.add(s);
                panes.add(s.tmux);
                s.tmux.await(sc -> sc.contains("READY"), 30_000);
                s.relay.impair(Impairment.lossy(0.29, 50));
                times.add(new ArrayList<>());
            }
            Thread.sleep(Long.getLong("jmosh.measure.idle", 0)); // an idle spell before typing
            Random think = new Random(7);
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < pairings.size(); i++) {
                    Tmux tmux = panes.get(i);
                    for (int k = 0; k < KEYS_PER_ROUND; k++) {
                        times.get(i).add(keystroke(tmux, (char) ('a' + (k + round) % 26)));
                        Thread.sleep(100 + think.nextInt(300)); // a typist's pause
                    }
                    tmux.keys("Enter");
                    Thread.sleep(300);
                }
            }
            for (int i = 0; i < panes.size(); i++) {
                finalScreens.add(panes.get(i).screen().strip());
            }
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "keystroke to echo, 29%% loss and 50 ms each way, prediction off, %d keystrokes each%n",
                ROUNDS * KEYS_PER_ROUND));
        double moshMean = mean(times.get(0));
        for (int i = 0; i < pairings.size(); i++) {
            List<Long> t = times.get(i);
            report.append(String.format(Locale.ROOT, "%-30s mean %6.1f ms  median %6.1f ms  p90 %6.1f ms  (%.2fx mosh's mean)%n",
                    pairings.get(i).name, mean(t), percentile(t, 50), percentile(t, 90), mean(t) / moshMean));
        }
        for (int i = 0; i < pairings.size(); i++) {
            report.append(pairings.get(i).name).append(" (ms, in order): ").append(times.get(i)).append('\n');
            report.append("  final screen: ").append(finalScreens.get(i).replace("\n", " | ")).append('\n');
        }
        System.out.print(report);
        Path out = Conformance.root().resolve("conformance/target/echo-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    /**
     * Types one character and returns the ms until the pane shows one more of it (at most 20 s),
     * counting below the top row, where the notification bar ("Last contact ... ago") may come
     * and go with letters of its own.
     */
    private static long keystroke(Tmux tmux, char c) throws Exception {
        long count = belowTop(tmux.screen()).chars().filter(ch -> ch == c).count();
        long start = System.nanoTime();
        tmux.run("send-keys", "-t", "t", "-l", String.valueOf(c));
        long deadline = start + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            String now = belowTop(tmux.screen());
            if (now.chars().filter(ch -> ch == c).count() > count) {
                return (System.nanoTime() - start) / 1_000_000;
            }
        }
        return 20_000;
    }

    private static String belowTop(String screen) {
        int nl = screen.indexOf('\n');
        return nl < 0 ? "" : screen.substring(nl + 1);
    }

    private static double mean(List<Long> t) {
        return t.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    }

    private static double percentile(List<Long> t, int p) {
        long[] a = t.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a.length == 0 ? Double.NaN : a[Math.min(a.length - 1, (int) Math.ceil(p / 100.0 * a.length) - 1)];
    }
}
