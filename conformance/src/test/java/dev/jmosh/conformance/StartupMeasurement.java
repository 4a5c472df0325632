package dev.jmosh.conformance;

import dev.jmosh.conformance.trace.Screen;
import dev.jmosh.conformance.trace.ScreenLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Start-up and footprint of jmosh against mosh 1.4.0, side by side in one run (issue 13, part 5),
 * the two taking turns in every round:
 * <ul>
 * <li>server start: {@code mosh-server new} and {@code bin/jmosh-server new} from the command to
 *     the {@code MOSH CONNECT} line;
 * <li>command to first prompt: {@code mosh --local 127.0.0.1} (mosh-server new + mosh-client)
 *     and {@code bin/jmosh --local}, each on a terminal of its own, running the same
 *     {@code bash --norc} whose prompt is {@code READY>};
 * <li>RSS and PSS of the attached client and server after {@code ls -R /usr} ran in the session.
 * </ul>
 * A measurement, not a test: it runs only with {@code -Djmosh.measure=startup} and asserts only
 * that every run completed. It measures the jlink image when one was built ({@code mvn -Pdist
 * package}), else the checkout, or the tree named by {@code -Djmosh.measure.root=DIR}. Options:
 * {@code -Djmosh.measure.rounds=N} (default 5). JVM options
 * for an experiment come from the launchers' {@code JMOSH_JAVA_OPTS} and
 * {@code JMOSH_SERVER_JAVA_OPTS}, which this passes on. The report goes to
 * {@code conformance/target/startup.txt}.
 */
class StartupMeasurement {
    private static final int ROUNDS = Measurements.intOption("startup", "rounds", 5);
    private static final Pattern PID = Pattern.compile("detached, pid = (\\d+)\\]");
    private static final String SHELL = "-- env PS1=READY\\> bash --norc --noprofile";

    private record Footprint(long promptMillis, long clientRss, long clientPss, long serverRss, long serverPss) {
    }

    @Test
    @Timeout(3600)
    void startAndFootprintSideBySide() throws Exception {
        Assumptions.assumeTrue(Measurements.selected("startup"), "run with -Djmosh.measure=startup");
        Conformance.require("mosh", "mosh-server", "mosh-client", "script");
        Map<String, List<Double>> start = new LinkedHashMap<>();
        Map<String, List<Footprint>> sessions = new LinkedHashMap<>();
        Path root = jmoshRoot();
        String jmoshServer = root.resolve("bin/jmosh-server").toString();
        String jmosh = root.resolve("bin/jmosh").toString();
        for (int r = 0; r < ROUNDS; r++) {
            start.computeIfAbsent("mosh-server", k -> new ArrayList<>()).add(serverStart("mosh-server"));
            start.computeIfAbsent("jmosh-server", k -> new ArrayList<>()).add(serverStart(jmoshServer));
        }
        for (int r = 0; r < ROUNDS; r++) {
            sessions.computeIfAbsent("mosh", k -> new ArrayList<>()).add(session("mosh --local 127.0.0.1 " + SHELL,
                    "mosh-client", "mosh-server"));
            sessions.computeIfAbsent("jmosh", k -> new ArrayList<>()).add(session(jmosh + " --local " + SHELL,
                    "java", "java"));
        }
        StringBuilder b = new StringBuilder("# start-up and footprint, jmosh (" + root + ") vs mosh 1.4.0, "
                + ROUNDS + " rounds each\n");
        b.append("# JMOSH_JAVA_OPTS=").append(System.getenv().getOrDefault("JMOSH_JAVA_OPTS", ""))
                .append(" JMOSH_SERVER_JAVA_OPTS=").append(System.getenv().getOrDefault("JMOSH_SERVER_JAVA_OPTS", ""))
                .append('\n');
        b.append(line("server start to MOSH CONNECT (ms)", start.get("mosh-server"), start.get("jmosh-server")));
        b.append(line("command to first prompt (ms)", field(sessions.get("mosh"), Footprint::promptMillis),
                field(sessions.get("jmosh"), Footprint::promptMillis)));
        b.append(line("client RSS after ls -R /usr (MB)", mb(sessions.get("mosh"), Footprint::clientRss),
                mb(sessions.get("jmosh"), Footprint::clientRss)));
        b.append(line("client PSS (MB)", mb(sessions.get("mosh"), Footprint::clientPss),
                mb(sessions.get("jmosh"), Footprint::clientPss)));
        b.append(line("server RSS after ls -R /usr (MB)", mb(sessions.get("mosh"), Footprint::serverRss),
                mb(sessions.get("jmosh"), Footprint::serverRss)));
        b.append(line("server PSS (MB)", mb(sessions.get("mosh"), Footprint::serverPss),
                mb(sessions.get("jmosh"), Footprint::serverPss)));
        Measurements.report("startup.txt", b);
        Map<String, Map<String, List<Double>>> groups = new LinkedHashMap<>();
        groups.put("server start to MOSH CONNECT (ms)", moshThenJmosh(start.get("mosh-server"),
                start.get("jmosh-server")));
        groups.put("command to first prompt (ms)", moshThenJmosh(field(sessions.get("mosh"), Footprint::promptMillis),
                field(sessions.get("jmosh"), Footprint::promptMillis)));
        groups.put("client RSS after ls -R /usr (MB)", moshThenJmosh(mb(sessions.get("mosh"), Footprint::clientRss),
                mb(sessions.get("jmosh"), Footprint::clientRss)));
        groups.put("server RSS after ls -R /usr (MB)", moshThenJmosh(mb(sessions.get("mosh"), Footprint::serverRss),
                mb(sessions.get("jmosh"), Footprint::serverRss)));
        Measurements.samples("startup.csv", groups);
    }

    /** What is measured: {@code -Djmosh.measure.root}, else the jlink image if one was built, else the checkout. */
    private static Path jmoshRoot() {
        String given = Measurements.option("startup", "root", null);
        if (given != null) {
            return Path.of(given);
        }
        DistImage image = DistImage.find();
        return image != null ? image.dir : Conformance.root();
    }

    private static List<Double> field(List<Footprint> f, java.util.function.ToLongFunction<Footprint> get) {
        return f.stream().map(x -> (double) get.applyAsLong(x)).toList();
    }

    private static Map<String, List<Double>> moshThenJmosh(List<Double> mosh, List<Double> jmosh) {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        m.put("mosh", mosh);
        m.put("jmosh", jmosh);
        return m;
    }

    private static List<Double> mb(List<Footprint> f, java.util.function.ToLongFunction<Footprint> get) {
        return f.stream().map(x -> get.applyAsLong(x) / 1024.0).toList();
    }

    private static String line(String what, List<Double> mosh, List<Double> jmosh) {
        double mm = Measurements.percentile(mosh, 50);
        double jm = Measurements.percentile(jmosh, 50);
        return String.format("%-36s mosh min %8.1f median %8.1f | jmosh min %8.1f median %8.1f | ratio of medians %5.2f%n",
                what, Measurements.percentile(mosh, 0), mm, Measurements.percentile(jmosh, 0), jm, jm / mm);
    }

    /** Milliseconds from starting {@code program new} to reading its MOSH CONNECT line; the daemon is then stopped. */
    private static double serverStart(String program) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(program, "new", "-p", "0", "-i", "127.0.0.1", "--", "/bin/sh")
                .redirectInput(new java.io.File("/dev/null"));
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        long t0 = System.nanoTime();
        Process p = pb.start();
        long connectAt = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = out.readLine()) != null; ) {
                if (l.startsWith("MOSH CONNECT ")) {
                    connectAt = System.nanoTime();
                    break;
                }
            }
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(program + " did not return");
        }
        Matcher m = PID.matcher(err);
        if (connectAt < 0 || !m.find()) {
            throw new IOException(program + " printed no MOSH CONNECT or pid: " + err);
        }
        stop(Long.parseLong(m.group(1)));
        return (connectAt - t0) / 1e6;
    }

    private static void stop(long pid) throws Exception {
        ProcessHandle h = ProcessHandle.of(pid).orElse(null);
        if (h != null) {
            h.destroy();
            h.onExit().get(20, TimeUnit.SECONDS);
        }
    }

    /** One session on a terminal: time to the prompt, then footprints after ls -R /usr, then Ctrl-^ . */
    private static Footprint session(String command, String clientExe, String serverExe) throws Exception {
        ScreenLog screens = new ScreenLog(80, 24);
        long t0 = System.nanoTime();
        try (PtyClient client = new PtyClient(80, 24, command, screens)) {
            if (!screens.await(s -> contains(s, "READY>"), 60_000)) {
                throw new IOException(command + ": no prompt within 60 s:\n" + screens.current().text());
            }
            long promptAt = screens.snapshots().stream().filter(s -> contains(s.screen(), "READY>"))
                    .mapToLong(ScreenLog.Snapshot::nanos).min().orElseThrow();
            client.type("ls -R /usr; echo DONE-$((6*7))\r");
            if (!screens.await(s -> contains(s, "DONE-42"), 300_000)) {
                throw new IOException(command + ": ls -R /usr did not finish within 300 s");
            }
            Thread.sleep(1000); // let both ends settle after the burst before reading their memory
            long clientPid = client.programPids().stream().filter(pid -> exe(pid).endsWith("/" + clientExe))
                    .findFirst().orElseThrow(() -> new IOException("no " + clientExe + " under the terminal"));
            long serverPid = serverOf(clientPid, serverExe);
            long[] c = ProcStats.memory(clientPid);
            long[] s = ProcStats.memory(serverPid);
            client.type("\u001e.");
            ProcessHandle.of(clientPid).ifPresent(h -> h.onExit().orTimeout(20, TimeUnit.SECONDS).join());
            ProcessHandle.of(serverPid).ifPresent(h -> h.onExit().orTimeout(20, TimeUnit.SECONDS).join());
            return new Footprint((promptAt - t0) / 1_000_000, c[0], c[1], s[0], s[1]);
        }
    }

    private static boolean contains(Screen s, String text) {
        for (int r = 0; r < s.rows; r++) {
            if (s.row(r).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** The server both wrappers start carries MOSH_CLIENT_PID=<the client's pid> in its environment. */
    private static long serverOf(long clientPid, String serverExe) throws IOException {
        String mark = "MOSH_CLIENT_PID=" + clientPid;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == clientPid) {
                    continue;
                }
                try {
                    String env = new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8);
                    if (List.of(env.split("\0")).contains(mark) && exe(Long.parseLong(name)).endsWith("/" + serverExe)) {
                        return Long.parseLong(name);
                    }
                } catch (IOException gone) {
                    // a process that ended or is not ours to read
                }
            }
        }
        throw new IOException("no " + serverExe + " with " + mark);
    }

    private static String exe(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
