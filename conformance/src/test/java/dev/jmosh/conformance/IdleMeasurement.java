package dev.jmosh.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Idle cost and memory side by side (issue 14): a mosh pair and a jmosh pair (the image's if one
 * is built), both on loopback with an interactive bash, both after {@code ls -R /usr} (the same
 * burst as the start-up measurement), then left alone together: CPU seconds of server and client
 * over the idle window, RSS and PSS of the attached server and of the client; then each client
 * is killed (SIGKILL, as a lost laptop would) and, 5 s later, the detached server's RSS and PSS.
 *
 * <p>Options ({@code -Djmosh.measure.idle.KEY}): {@code seconds}, the idle window (default 60),
 * {@code rounds} (1).
 *
 * <p>A measurement, not a test: it runs only with {@code -Djmosh.measure=idle} and writes
 * {@code conformance/target/idle.txt} and {@code idle.csv}.
 */
class IdleMeasurement {
    private static final int SECONDS = Measurements.intOption("idle", "seconds", 60);
    private static final int ROUNDS = Measurements.intOption("idle", "rounds", 1);
    private static final String[] FIGURES = {"server CPU s, attached, idle", "client CPU s, idle",
        "server RSS attached (MB)", "server PSS attached (MB)", "client RSS (MB)", "client PSS (MB)",
        "server RSS detached (MB)", "server PSS detached (MB)"};

    /** One implementation's pair: the server's program and the client's. */
    private record Pair(String name, String server, String client) {
    }

    @Test
    @Timeout(3600)
    void idleCpuAndMemoryAttachedAndDetached() throws Exception {
        Assumptions.assumeTrue(Measurements.selected("idle"), "run with -Djmosh.measure=idle");
        Conformance.require("mosh-server", "mosh-client", "script", "bash");
        DistImage image = DistImage.find();
        Path bin = image != null ? image.dir.resolve("bin") : Conformance.root().resolve("bin");
        List<Pair> pairs = List.of(new Pair("mosh", "mosh-server", "mosh-client"),
                new Pair("jmosh", bin.resolve("jmosh-server").toString(), bin.resolve("jmosh-client").toString()));
        Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>(); // figure -> pair -> values
        for (String f : FIGURES) {
            figures.put(f, new LinkedHashMap<>());
        }
        for (int round = 0; round < ROUNDS; round++) {
            measure(pairs, figures);
        }
        write(figures, image != null ? "the image " + image.dir : "the checkout");
    }

    private static void measure(List<Pair> pairs, Map<String, Map<String, List<Double>>> figures) throws Exception {
        List<MoshServer> servers = new ArrayList<>();
        List<PtyClient> clients = new ArrayList<>();
        try {
            for (Pair p : pairs) {
                MoshServer s = MoshServer.startWith(p.server, "/usr/bin/env", "PS1=READY>", "bash", "--norc", "--noprofile");
                servers.add(s);
                PtyClient c = new PtyClient(80, 24, "env LANG=C.UTF-8 MOSH_KEY=" + s.key + " " + p.client
                        + " 127.0.0.1 " + s.port);
                clients.add(c);
                c.watchFor("READY>");
                if (c.awaitWatched(60_000) < 0) {
                    throw new AssertionError(p.name + ": no prompt within 60 s");
                }
                c.watchFor("DONE-42");
                c.type("ls -R /usr; echo DONE-$((6*7))\r");
                if (c.awaitWatched(300_000) < 0) {
                    throw new AssertionError(p.name + ": ls -R /usr did not finish within 300 s");
                }
            }
            Thread.sleep(1000); // let both ends settle after the burst
            double[] serverCpu = new double[pairs.size()];
            double[] clientCpu = new double[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                serverCpu[i] = ProcStats.cpuSeconds(servers.get(i).pid);
                clientCpu[i] = ProcStats.cpuSeconds(clients.get(i).programPids());
            }
            Thread.sleep(SECONDS * 1000L); // the idle window: nobody types, nothing prints
            for (int i = 0; i < pairs.size(); i++) {
                String who = pairs.get(i).name;
                long serverPid = servers.get(i).pid;
                List<Long> clientPids = clients.get(i).programPids();
                add(figures, 0, who, ProcStats.cpuSeconds(serverPid) - serverCpu[i]);
                add(figures, 1, who, ProcStats.cpuSeconds(clientPids) - clientCpu[i]);
                long[] server = ProcStats.memory(serverPid);
                long[] client = clientMemory(clientPids);
                add(figures, 2, who, server[0] / 1024.0);
                add(figures, 3, who, server[1] / 1024.0);
                add(figures, 4, who, client[0] / 1024.0);
                add(figures, 5, who, client[1] / 1024.0);
                for (long pid : clientPids) { // a lost client: no goodbye to the server
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            Thread.sleep(5000);
            for (int i = 0; i < pairs.size(); i++) {
                long[] server = ProcStats.memory(servers.get(i).pid);
                add(figures, 6, pairs.get(i).name, server[0] / 1024.0);
                add(figures, 7, pairs.get(i).name, server[1] / 1024.0);
            }
        } finally {
            for (PtyClient c : clients) {
                c.close();
            }
            servers.forEach(MoshServer::close);
        }
    }

    /** {Rss, Pss} in kB of the largest process under the client's terminal (the client, not a launcher shell). */
    private static long[] clientMemory(List<Long> pids) throws java.io.IOException {
        long[] best = {0, 0};
        for (long pid : pids) {
            long[] m = ProcStats.memory(pid);
            if (m[0] > best[0]) {
                best = m;
            }
        }
        return best;
    }

    private static void add(Map<String, Map<String, List<Double>>> figures, int figure, String who, double value) {
        figures.get(FIGURES[figure]).computeIfAbsent(who, k -> new ArrayList<>()).add(value);
    }

    private static void write(Map<String, Map<String, List<Double>>> figures, String measured) throws Exception {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "idle cost and memory after ls -R /usr, idle window %d s, %d round(s), medians; jmosh from %s%n%n"
                        + "%-32s %10s %10s %8s%n", SECONDS, ROUNDS, measured, "", "mosh", "jmosh", "ratio"));
        figures.forEach((figure, byPair) -> {
            double mosh = Measurements.percentile(byPair.get("mosh"), 50);
            double jmosh = Measurements.percentile(byPair.get("jmosh"), 50);
            report.append(String.format(Locale.ROOT, "%-32s %10.2f %10.2f %8s%n", figure, mosh, jmosh,
                    mosh > 0 ? String.format(Locale.ROOT, "%.1fx", jmosh / mosh) : "-"));
        });
        Measurements.report("idle.txt", report);
        Measurements.samples("idle.csv", figures);
    }
}
