package dev.jmosh.conformance;

import dev.jmosh.conformance.trace.ScreenLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames delivered per second (issue 14): a full-screen program redraws every row about 100
 * times a second (each frame shifts the text and numbers itself on the last row) for a window;
 * for every pairing of {mosh-client, jmosh-client} x {mosh-server, jmosh-server}, all at once on
 * loopback, the frames the client's terminal actually showed are counted by following what the
 * client draws with an emulator. mosh sends at most one frame per 20 ms, so 50 is its ceiling.
 *
 * <p>Options ({@code -Djmosh.measure.frames.KEY}): {@code seconds}, the window (default 60).
 *
 * <p>A measurement, not a test: it runs only with {@code -Djmosh.measure=frames} and writes
 * {@code conformance/target/frames.txt}.
 */
class FramesMeasurement {
    private static final int SECONDS = Measurements.intOption("frames", "seconds", 60);
    private static final Pattern FRAME = Pattern.compile("FRAME (\\d{8})");
    private static final String PROGRAM = """
            $| = 1;
            my $p = join("", map { chr(33 + ($_ * 7) % 90) } 0 .. 199);
            my $end = time + $ARGV[0];
            my $i = 0;
            while (time < $end) {
                my $f = "\\e[H";
                for my $r (0 .. 22) { $f .= substr($p, ($i + $r * 3) % 120, 79) . "\\n"; }
                print $f . sprintf("FRAME %08d", $i++);
                select(undef, undef, undef, 0.01);
            }
            """;

    @Test
    @Timeout(3600)
    void framesShownWhileAFullScreenProgramRedraws(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Measurements.selected("frames"), "run with -Djmosh.measure=frames");
        Conformance.require("mosh-server", "mosh-client", "script", "perl");
        Path program = dir.resolve("frames.pl");
        Files.writeString(program, PROGRAM);
        Path script = dir.resolve("frames.sh");
        Files.writeString(script, "printf 'READY-%s' \"$2\"; read x; exec perl \"$1\" " + SECONDS + "\n");
        List<String> names = new ArrayList<>();
        List<MoshServer> servers = new ArrayList<>();
        List<PtyClient> clients = new ArrayList<>();
        List<ScreenLog> screens = new ArrayList<>();
        Map<String, double[]> results = new LinkedHashMap<>(); // pairing -> {offered/s, shown/s}
        try {
            for (String[] p : LinkSession.pairings()) {
                String token = Conformance.token();
                MoshServer s = MoshServer.startWith(RelayedSession.server(p[1]), "/bin/sh", script.toString(),
                        program.toString(), token);
                servers.add(s);
                ScreenLog log = new ScreenLog(80, 24);
                PtyClient c = new PtyClient(80, 24, "env LANG=C.UTF-8 MOSH_PREDICTION_DISPLAY=never MOSH_KEY="
                        + s.key + " " + RelayedSession.client(p[0]) + " 127.0.0.1 " + s.port, log);
                clients.add(c);
                screens.add(log);
                names.add(p[0] + " + " + p[1]);
                c.watchFor("READY-" + token);
                if (c.awaitWatched(60_000) < 0) {
                    throw new AssertionError(names.getLast() + ": the session did not come up in 60 s");
                }
            }
            long start = System.nanoTime();
            for (PtyClient c : clients) {
                c.type("\r");
            }
            Thread.sleep(SECONDS * 1000L + 3000); // the window, and the last frames' way across
            for (int i = 0; i < clients.size(); i++) {
                Set<Long> shown = new HashSet<>();
                long last = -1;
                for (ScreenLog.Snapshot snap : screens.get(i).snapshots()) {
                    Matcher m = FRAME.matcher(snap.screen().row(23));
                    if (snap.nanos() >= start && m.find()) {
                        long n = Long.parseLong(m.group(1));
                        shown.add(n);
                        last = Math.max(last, n);
                    }
                }
                results.put(names.get(i), new double[] {(last + 1) / (double) SECONDS, shown.size() / (double) SECONDS});
            }
        } finally {
            for (PtyClient c : clients) {
                c.close();
            }
            servers.forEach(MoshServer::close);
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "frames of a full-screen program redrawing about 100 times a second, %d s, all pairings at once on "
                        + "loopback%n%-30s %12s %12s %8s%n", SECONDS, "pairing", "offered/s", "shown/s", "x mosh"));
        double mosh = results.get("mosh-client + mosh-server")[1];
        results.forEach((name, r) -> report.append(String.format(Locale.ROOT, "%-30s %12.1f %12.1f %8.2f%n", name,
                r[0], r[1], r[1] / mosh)));
        Measurements.report("frames.txt", report);
    }
}
