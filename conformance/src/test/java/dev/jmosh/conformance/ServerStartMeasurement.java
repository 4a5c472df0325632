package dev.jmosh.conformance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How long {@code server new -p 0 -i 127.0.0.1 -- /bin/sh} takes to print {@code MOSH CONNECT}
 * (and to return, which is when the perl wrapper's ssh can end), for mosh-server and for
 * jmosh-server from the jlink image with and without its AOT cache, and from the checkout with
 * and without (where there are caches). Every program runs in the image tests' clean environment
 * ({@link DistImage#cleanEnvironment}); they take turns in rounds, so that machine noise falls on
 * all alike; each daemon is killed by its PID before the next start.
 *
 * <p>Option: {@code -Djmosh.measure.rounds=N} (default 10). A measurement, not a test: it runs only
 * with {@code -Djmosh.measure=serverstart}, asserts nothing about the figures, prints them and writes
 * {@code conformance/target/server-start.txt}.
 */
class ServerStartMeasurement {
    private static final Pattern CONNECT = Pattern.compile("MOSH CONNECT \\d+ [A-Za-z0-9/+]{22}");
    private static final Pattern PID = Pattern.compile("pid = (\\d+)");
    private static final int ROUNDS = Measurements.intOption("serverstart", "rounds", 10);

    private record Contender(String name, String program, Map<String, String> env) {
    }

    @Test
    @Timeout(1800)
    void serverStartToMoshConnect() throws Exception {
        Assumptions.assumeTrue(Measurements.selected("serverstart"), "run with -Djmosh.measure=serverstart");
        Conformance.require("mosh-server");
        DistImage image = DistImage.require();
        Path scratch = DistImage.scratch();
        try {
            Map<String, String> env = DistImage.cleanEnvironment(scratch);
            Map<String, String> noAot = new HashMap<>(env);
            noAot.put("JMOSH_NO_AOT", "1");
            String checkout = Conformance.root().resolve("bin/jmosh-server").toString();
            Map<String, String> withJdk = new HashMap<>(env); // the checkout's launchers look for a JDK
            withJdk.put("PATH", "/usr/bin:/bin");
            Map<String, String> withJdkNoAot = new HashMap<>(withJdk);
            withJdkNoAot.put("JMOSH_NO_AOT", "1");
            List<Contender> contenders = List.of(
                    new Contender("mosh-server", Conformance.which("mosh-server").toString(), env),
                    new Contender("image jmosh-server, AOT cache", image.bin("jmosh-server"), env),
                    new Contender("image jmosh-server, no cache", image.bin("jmosh-server"), noAot),
                    new Contender("checkout jmosh-server, AOT cache", checkout, withJdk),
                    new Contender("checkout jmosh-server, no cache", checkout, withJdkNoAot));
            Map<Contender, List<Double>> connect = new LinkedHashMap<>();
            Map<Contender, List<Double>> returned = new LinkedHashMap<>();
            for (Contender c : contenders) {
                connect.put(c, new ArrayList<>());
                returned.put(c, new ArrayList<>());
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Contender c : contenders) {
                    double[] t = start(c, scratch);
                    connect.get(c).add(t[0]);
                    returned.get(c).add(t[1]);
                }
            }
            StringBuilder r = new StringBuilder(String.format(Locale.ROOT,
                    "start of 'new -p 0 -i 127.0.0.1 -- /bin/sh' to MOSH CONNECT (and to the command's return), ms,"
                            + " %d runs each, in turns%n", ROUNDS));
            r.append(String.format(Locale.ROOT, "%-34s %8s %8s %8s   %8s %8s %8s%n", "", "min", "median", "max",
                    "ret.min", "ret.med", "x mosh"));
            double mosh = Measurements.percentile(connect.get(contenders.get(0)), 50); // the first is mosh-server
            for (Contender c : contenders) {
                List<Double> a = connect.get(c);
                List<Double> b = returned.get(c);
                r.append(String.format(Locale.ROOT, "%-34s %8.0f %8.0f %8.0f   %8.0f %8.0f %8.2f%n", c.name(),
                        Measurements.percentile(a, 0), Measurements.percentile(a, 50), Measurements.percentile(a, 100),
                        Measurements.percentile(b, 0), Measurements.percentile(b, 50),
                        Measurements.percentile(a, 50) / mosh));
            }
            r.append("x mosh: the median to MOSH CONNECT against mosh-server's\n");
            Measurements.report("server-start.txt", r);
        } finally {
            DistImage.delete(scratch);
        }
    }

    /** Starts {@code c} once; returns ms to its MOSH CONNECT line and to its return, having killed its daemon. */
    private static double[] start(Contender c, Path scratch) throws Exception {
        Path err = scratch.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(c.program(), "new", "-p", "0", "-i", "127.0.0.1", "--", "/bin/sh")
                .redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(c.env());
        long start = System.nanoTime();
        Process p = pb.start();
        long connected = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (CONNECT.matcher(line).find()) {
                    connected = System.nanoTime();
                    break;
                }
            }
        }
        p.waitFor();
        long done = System.nanoTime();
        Matcher pid = PID.matcher(Files.readString(err, StandardCharsets.UTF_8));
        if (connected < 0 || !pid.find()) {
            throw new AssertionError(c.name() + " did not start: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        ProcessHandle daemon = ProcessHandle.of(Long.parseLong(pid.group(1))).orElse(null);
        if (daemon != null) {
            daemon.destroy();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (daemon.isAlive()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(c.name() + ": daemon " + daemon.pid() + " still runs 10 s after SIGTERM");
                }
                Thread.sleep(10);
            }
        }
        return new double[] {(connected - start) / 1e6, (done - start) / 1e6};
    }
}
