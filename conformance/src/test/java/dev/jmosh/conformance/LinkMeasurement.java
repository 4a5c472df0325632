package dev.jmosh.conformance;

import dev.jmosh.conformance.link.NetnsLink;
import dev.jmosh.conformance.relay.Impairment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mosh paper's loss experiment, side by side (issue 14): keystroke response through a
 * {@link NetnsLink} (a delayed, lossy IP link between two network namespaces) for every pairing
 * of {mosh-client, jmosh-client} x {mosh-server, jmosh-server}, each with prediction off and
 * adaptive, and OpenSSH over TCP as the baseline, at 0% and 29% loss each way with 50 ms each
 * way; closed-loop typing (each key waits for its echo, then a typist's pause) and open-loop
 * typing (a key every 150 ms whatever the echoes do). All sessions are open at once and take
 * turns in rounds, so that machine noise falls on all of them alike. The link counts every
 * session's packets and bytes each way.
 *
 * <p>Options ({@code -Djmosh.measure.link.KEY}): {@code rounds} (default 2), {@code keys} per
 * session and round (15), {@code sshkeys}, ssh's closed-loop keys per round at 29% loss (5, since
 * each can take many seconds), {@code timeout} per key in ms (30000: a key not echoed by then
 * counts as the timeout), {@code losses} (0,0.29), {@code blackout}, the seconds of a final blackout
 * during which a letter and Enter are typed each second (30; 0: none), reported as packets per
 * second each way, {@code predictions} (never,adaptive) and {@code typing} (closed,open): fewer
 * sessions and conditions load the 2-core machine less and leave room for more keys.
 *
 * <p>A measurement, not a test: it runs only with {@code -Djmosh.measure=link}, as root; it
 * asserts nothing about the numbers and writes {@code conformance/target/link.txt} and
 * {@code link.csv}.
 */
class LinkMeasurement {
    private static final int ROUNDS = Measurements.intOption("link", "rounds", 2);
    private static final int KEYS = Math.min(30, Measurements.intOption("link", "keys", 15));
    private static final int SSH_KEYS = Measurements.intOption("link", "sshkeys", 5);
    private static final long TIMEOUT = Measurements.intOption("link", "timeout", 30_000);
    private static final int DELAY = 50;
    private static final long INTERVAL = 150;

    /** What one session saw in one condition: key times in ms and its traffic. */
    private static final class Tally {
        final List<Double> millis = new ArrayList<>();
        int timeouts;
        long[] before;
        long[] traffic = new long[4]; // packets up, packets down, bytes up, bytes down
    }

    @Test
    @Timeout(3600)
    void keystrokeResponseAcrossALossyLink(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Measurements.selected("link"), "run with -Djmosh.measure=link");
        Conformance.require("mosh-server", "mosh-client", "script");
        Sshd.require();
        Conformance.requireThat(NetnsLink.unavailable() == null, NetnsLink.unavailable());
        Path typist = dir.resolve("typist.sh");
        Files.writeString(typist, LinkSession.TYPIST);
        String prefix = Measurements.option("link", "netns", "jmosh-link-" + ProcessHandle.current().pid());
        List<Double> losses = java.util.Arrays.stream(Measurements.option("link", "losses", "0,0.29").split(","))
                .map(s -> Double.parseDouble(s.strip())).toList();
        Map<String, Map<String, Tally>> results = new LinkedHashMap<>(); // condition -> session label -> tally
        String blackout = "";
        List<LinkSession> sessions = new ArrayList<>();
        try (NetnsLink link = NetnsLink.create(prefix, 29); Sshd sshd = Sshd.startVia(dir, link.inServer(),
                NetnsLink.SERVER_ADDRESS)) {
            link.impair(Impairment.lossy(0, DELAY));
            for (String prediction : Measurements.option("link", "predictions", "never,adaptive").split(",")) {
                for (String[] p : LinkSession.pairings()) {
                    sessions.add(LinkSession.mosh(link, p[0], p[1], prediction.strip(), typist));
                }
            }
            sessions.add(LinkSession.ssh(link, sshd, typist));
            int typed = 0;
            for (LinkSession s : sessions) { // the first echo, on a clean link, says the session is up
                if (s.pty().keystrokeNanos(PtyClient.letter(typed), 60_000) < 0) {
                    throw new AssertionError(s.label() + ": no echo within 60 s; it drew: "
                            + new String(s.pty().output(), java.nio.charset.StandardCharsets.UTF_8));
                }
                s.pty().type("\r");
            }
            typed++;
            Random think = new Random(7);
            for (double loss : losses) {
                link.impair(Impairment.lossy(loss, DELAY));
                for (String typing : Measurements.option("link", "typing", "closed,open").split(",")) {
                    boolean closedLoop = typing.strip().equals("closed");
                    String condition = String.format(Locale.ROOT, "%s typing, %.0f%% loss and %d ms each way",
                            closedLoop ? "closed-loop" : "open-loop", loss * 100, DELAY);
                    Map<String, Tally> tallies = new LinkedHashMap<>();
                    results.put(condition, tallies);
                    for (LinkSession s : sessions) {
                        Tally t = new Tally();
                        t.before = traffic(link, s);
                        tallies.put(s.label(), t);
                    }
                    for (int round = 0; round < ROUNDS; round++) {
                        for (LinkSession s : sessions) {
                            Tally t = tallies.get(s.label());
                            int keys = closedLoop && loss > 0 && s.server() == null ? Math.min(KEYS, SSH_KEYS) : KEYS;
                            if (closedLoop) {
                                for (int k = 0; k < keys; k++) {
                                    add(t, s.pty().keystrokeNanos(PtyClient.letter(typed + k), TIMEOUT));
                                    Thread.sleep(100 + think.nextInt(300)); // a typist's pause
                                }
                            } else {
                                for (long n : s.pty().openLoop(typed, keys, INTERVAL, TIMEOUT)) {
                                    add(t, n);
                                }
                            }
                            s.pty().type("\r");
                            Thread.sleep(300);
                        }
                        typed += KEYS;
                    }
                    for (LinkSession s : sessions) {
                        Tally t = tallies.get(s.label());
                        long[] after = traffic(link, s);
                        for (int i = 0; i < 4; i++) {
                            t.traffic[i] = after[i] - t.before[i];
                        }
                    }
                }
            }
            blackout = blackout(link, sessions, typed);
        } finally {
            for (int i = sessions.size() - 1; i >= 0; i--) {
                sessions.get(i).close();
            }
        }
        write(results, sessions, blackout);
    }

    /**
     * A blackout of {@code blackout} seconds (option, default 30) while every session types a
     * letter and Enter each second (issue 15): packets per second each way per session as the link
     * counted what was offered to it.
     */
    private static String blackout(NetnsLink link, List<LinkSession> sessions, int typed) throws Exception {
        int seconds = Measurements.intOption("link", "blackout", 30);
        if (seconds <= 0) {
            return "";
        }
        link.impair(Impairment.lossy(0, DELAY));
        Thread.sleep(3000); // whatever was in flight settles
        long[][] before = new long[sessions.size()][];
        for (int i = 0; i < sessions.size(); i++) {
            before[i] = traffic(link, sessions.get(i));
        }
        link.impair(Impairment.BLACKOUT);
        long start = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            for (LinkSession session : sessions) {
                session.pty().type(PtyClient.letter(typed + s) + "\r");
            }
            long due = start + (s + 1) * 1_000_000_000L;
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        }
        long[][] after = new long[sessions.size()][];
        for (int i = 0; i < sessions.size(); i++) {
            after[i] = traffic(link, sessions.get(i));
        }
        link.impair(Impairment.lossy(0, DELAY));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%n%d s blackout, a letter and Enter typed each "
                + "second: IP packets per second offered to the link%n%-52s %10s %10s %8s %8s%n", seconds, "session",
                "up/s", "down/s", "x mosh", "x mosh"));
        double[] mosh = null;
        for (int i = 0; i < sessions.size(); i++) {
            LinkSession s = sessions.get(i);
            double up = (after[i][0] - before[i][0]) / (double) seconds;
            double down = (after[i][1] - before[i][1]) / (double) seconds;
            if (s.isMoshPair() && s.prediction().equals("never")) {
                mosh = new double[] {up, down};
            }
            b.append(String.format(Locale.ROOT, "%-52s %10.1f %10.1f %8s %8s%n", s.label(), up, down,
                    mosh == null ? "" : String.format(Locale.ROOT, "%.2f", up / mosh[0]),
                    mosh == null ? "" : String.format(Locale.ROOT, "%.2f", down / mosh[1])));
        }
        return b.toString();
    }

    private static void add(Tally t, long nanos) {
        if (nanos < 0) {
            t.timeouts++;
            t.millis.add((double) TIMEOUT);
        } else {
            t.millis.add(nanos / 1e6);
        }
    }

    /** The session's packets and bytes each way so far. */
    private static long[] traffic(NetnsLink link, LinkSession s) {
        NetnsLink.Traffic up = link.up().flows().getOrDefault(s.flow(), new NetnsLink.Traffic(0, 0));
        NetnsLink.Traffic down = link.down().flows().getOrDefault(s.flow(), new NetnsLink.Traffic(0, 0));
        return new long[] {up.packets(), down.packets(), up.bytes(), down.bytes()};
    }

    private static void write(Map<String, Map<String, Tally>> results, List<LinkSession> sessions, String blackout)
            throws Exception {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "keystroke response across a namespaced link, 50 ms each way; %d rounds of %d keys per session "
                        + "(ssh closed-loop at loss: %d); a key not echoed in %d ms counts as %d ms%n"
                        + "ratios: the mean against mosh-client + mosh-server with the same prediction; "
                        + "traffic: IP packets and bytes per key, up (client to server) / down%n",
                ROUNDS, KEYS, Math.min(KEYS, SSH_KEYS), TIMEOUT, TIMEOUT));
        Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();
        results.forEach((condition, tallies) -> {
            report.append("\n").append(condition).append('\n');
            report.append(String.format(Locale.ROOT, "%-52s %4s %8s %8s %8s %8s %8s %6s %5s %11s %13s%n", "session",
                    "keys", "median", "mean", "p90", "p99", "max", "x mosh", "lost", "pkts/key", "bytes/key"));
            for (LinkSession s : sessions) {
                Tally t = tallies.get(s.label());
                Tally yard = tallies.get(sessions.stream().filter(o -> o.isMoshPair()
                        && o.prediction().equals(s.prediction().equals("none") ? "never" : s.prediction()))
                        .findFirst().orElseThrow().label());
                int n = t.millis.size();
                report.append(String.format(Locale.ROOT,
                        "%-52s %4d %8.1f %8.1f %8.1f %8.1f %8.1f %6.2f %5d %5.1f/%5.1f %6.0f/%6.0f%n", s.label(), n,
                        Measurements.percentile(t.millis, 50), Measurements.mean(t.millis),
                        Measurements.percentile(t.millis, 90), Measurements.percentile(t.millis, 99),
                        Measurements.percentile(t.millis, 100),
                        Measurements.mean(t.millis) / Measurements.mean(yard.millis), t.timeouts,
                        (double) t.traffic[0] / n, (double) t.traffic[1] / n,
                        (double) t.traffic[2] / n, (double) t.traffic[3] / n));
                for (String mode : List.of("never", "adaptive")) {
                    if (s.prediction().equals(mode) || s.prediction().equals("none")) {
                        String group = condition + ", prediction " + (mode.equals("never") ? "off" : mode) + " (ms)";
                        samples.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(s.name(), t.millis);
                    }
                }
            }
        });
        report.append(blackout);
        Measurements.report("link.txt", report);
        Measurements.samples("link.csv", samples);
    }
}
