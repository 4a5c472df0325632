package dev.jmosh.conformance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Output drain side by side (issue 14): for every pairing of {mosh-client, jmosh-client} x
 * {mosh-server, jmosh-server}, on loopback, the time from starting {@code cat} of a large text
 * inside the session until a marker printed after it is drawn by the client (the server queues
 * output, so "cat exited" is not "the screen shows it"), and the CPU seconds server and client
 * spent meanwhile. Three texts: plain ASCII, SGR-heavy (256 colours, bold, underline on every
 * word) and CJK (double-width).
 *
 * <p>Options ({@code -Djmosh.measure.drain.KEY}): {@code mb}, each text's size (default 50),
 * {@code rounds} (1), {@code texts} ({@code plain,sgr,cjk}).
 *
 * <p>A measurement, not a test: it runs only with {@code -Djmosh.measure=drain} and writes
 * {@code conformance/target/drain.txt} and {@code drain.csv}.
 */
class DrainMeasurement {
    private static final int MB = Measurements.intOption("drain", "mb", 50);
    private static final int ROUNDS = Measurements.intOption("drain", "rounds", 1);
    /**
     * The far side: says it is ready, waits for Enter, cats, clears the screen and prints the
     * marker in reverse video, which no cell of the texts has: the client's diff redraws all of it.
     */
    private static final String SCRIPT = "printf 'READY-%s' \"$2\"; read x; cat \"$1\"; "
            + "printf '\\033[H\\033[2J\\033[7mDRAINED-%s\\033[0m' \"$2\"; exec cat > /dev/null\n";

    private record Drain(double seconds, double serverCpu, double clientCpu) {
    }

    @Test
    @Timeout(3600)
    void markerAfterALargeCatReachesTheClient(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Measurements.selected("drain"), "run with -Djmosh.measure=drain");
        Conformance.require("mosh-server", "mosh-client", "script");
        Path script = dir.resolve("drain.sh");
        Files.writeString(script, SCRIPT);
        Map<String, Map<String, List<Drain>>> results = new LinkedHashMap<>(); // text -> pairing -> drains
        for (String text : Measurements.option("drain", "texts", "plain,sgr,cjk").split(",")) {
            Path file = dir.resolve(text + ".txt");
            write(file, text.strip(), MB * 1024L * 1024L);
            Map<String, List<Drain>> byPairing = new LinkedHashMap<>();
            results.put(text.strip(), byPairing);
            for (int round = 0; round < ROUNDS; round++) {
                for (String[] p : LinkSession.pairings()) {
                    byPairing.computeIfAbsent(p[0] + " + " + p[1], k -> new ArrayList<>())
                            .add(drain(p[0], p[1], script, file));
                }
            }
            Files.delete(file);
        }
        write(results);
    }

    private static Drain drain(String clientName, String serverName, Path script, Path file) throws Exception {
        String token = Conformance.token();
        try (MoshServer server = MoshServer.startWith(RelayedSession.server(serverName), "/bin/sh",
                script.toString(), file.toString(), token);
             PtyClient pty = new PtyClient(80, 24, "env LANG=C.UTF-8 MOSH_PREDICTION_DISPLAY=never MOSH_KEY="
                     + server.key + " " + RelayedSession.client(clientName) + " 127.0.0.1 " + server.port)) {
            pty.watchFor("READY-" + token);
            if (pty.awaitWatched(60_000) < 0) {
                throw new AssertionError(clientName + " + " + serverName + ": the session did not come up in 60 s");
            }
            pty.watchFor("DRAINED-" + token);
            List<Long> client = pty.programPids();
            double serverCpu = ProcStats.cpuSeconds(server.pid);
            double clientCpu = ProcStats.cpuSeconds(client);
            long start = System.nanoTime();
            pty.type("\r");
            long end = pty.awaitWatched(600_000);
            if (end < 0) {
                throw new AssertionError(clientName + " + " + serverName + ": no marker within 600 s");
            }
            return new Drain((end - start) / 1e9, ProcStats.cpuSeconds(server.pid) - serverCpu,
                    ProcStats.cpuSeconds(client) - clientCpu);
        }
    }

    /** Writes {@code bytes} (or a little more: whole lines) of the named kind of text. */
    static void write(Path file, String kind, long bytes) throws IOException {
        Random random = new Random(14);
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int line = 0; written < bytes; line++) {
                String l = switch (kind) {
                    case "plain" -> plainLine(line, random);
                    case "sgr" -> sgrLine(line, random);
                    case "cjk" -> cjkLine(line, random);
                    default -> throw new IllegalArgumentException("no such text: " + kind + " (plain, sgr, cjk)");
                };
                out.write(l);
                written += l.getBytes(StandardCharsets.UTF_8).length;
            }
        }
    }

    private static String plainLine(int n, Random r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%07d", n));
        while (b.length() < 72) {
            b.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.append('\n').toString();
    }

    private static String sgrLine(int n, Random r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%07d", n));
        int columns = 7;
        while (columns < 72) {
            String w = WORDS[r.nextInt(WORDS.length)];
            b.append(" \033[").append(r.nextBoolean() ? "1;" : "4;").append("38;5;").append(r.nextInt(256))
                    .append(";48;5;").append(r.nextInt(256)).append('m').append(w).append("\033[0m");
            columns += w.length() + 1;
        }
        return b.append('\n').toString();
    }

    private static String cjkLine(int n, Random r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%07d ", n));
        for (int i = 0; i < 34; i++) {
            b.appendCodePoint(0x4E00 + r.nextInt(0x9FA5 - 0x4E00));
        }
        return b.append('\n').toString();
    }

    private static final String[] WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua mosh state synchronization terminal").split(" ");

    private static void write(Map<String, Map<String, List<Drain>>> results) throws IOException {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "output drain on loopback: cat of %d MiB, until a marker printed after it is drawn by the client; "
                        + "%d round(s), medians; x mosh: throughput against mosh-client + mosh-server%n",
                MB, ROUNDS));
        Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();
        results.forEach((text, byPairing) -> {
            report.append(String.format(Locale.ROOT, "%n%s text%n%-30s %9s %9s %7s %14s %14s%n", text, "pairing",
                    "seconds", "MiB/s", "x mosh", "server CPU s", "client CPU s"));
            double moshRate = MB / Measurements.percentile(seconds(byPairing.get("mosh-client + mosh-server")), 50);
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            byPairing.forEach((pairing, drains) -> {
                double s = Measurements.percentile(seconds(drains), 50);
                report.append(String.format(Locale.ROOT, "%-30s %9.2f %9.2f %7.2f %14.2f %14.2f%n", pairing, s,
                        MB / s, (MB / s) / moshRate,
                        Measurements.percentile(drains.stream().map(Drain::serverCpu).toList(), 50),
                        Measurements.percentile(drains.stream().map(Drain::clientCpu).toList(), 50)));
                rates.put(pairing, seconds(drains).stream().map(x -> MB / x).toList());
            });
            samples.put("drain, " + text + " text (MiB/s)", rates);
        });
        Measurements.report("drain.txt", report);
        Measurements.samples("drain.csv", samples);
    }

    private static List<Double> seconds(List<Drain> drains) {
        return drains.stream().map(Drain::seconds).toList();
    }
}
