package dev.jmosh.conformance;

import dev.jmosh.client.ClientConfig;
import dev.jmosh.client.ClientSession;
import dev.jmosh.conformance.relay.ImpairmentRelay;
import dev.jmosh.ssp.SessionKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * mosh-server, one process per session, against jmosh-server's per-user server, every session of
 * the user in one process (issue 17), in one run so that machine noise falls on both:
 * <ol>
 * <li>start: {@code new -p 0 -i 127.0.0.1 -- cat} to its {@code MOSH CONNECT} line and to the
 *     command's return, for a user's first session and for later ones while the first runs (for
 *     jmosh: handed over to the running server), the two servers taking turns in every round;
 * <li>memory and idle cost with N sessions of each server at once, started one after the other,
 *     each attached by a headless {@link ClientSession} in this JVM that typed a line and saw it
 *     echoed: after a settling time and an idle window, RSS and PSS summed over the servers'
 *     distinct processes, the server CPU over the window per session, descriptors and threads,
 *     and what each session past the smallest N adds;
 * <li>a rejected datagram: with one attached session (its client behind a relay that records
 *     the datagrams it sends while keys are typed one at a time, whose median size the garbage
 *     takes), garbage with the to-server direction bit, so that both servers try to authenticate
 *     every one, from another loopback socket, in batches the server drains before the next
 *     (after a warm-up flood of a quarter); server CPU per datagram it read (the kernel's drops on
 *     its socket excluded), as measured and net of its idle rate just before; and how much the
 *     per-user server's log grew meanwhile.
 * </ol>
 * jmosh-server is the checkout's {@code bin/jmosh-server} with {@code JMOSH_SERVER_MODE=user} and
 * a private {@code JMOSH_TMPDIR} for each server started, so that it meets no other. Every server
 * is stopped by its PID, every wait bounded.
 *
 * <p>Options ({@code -Djmosh.measure.peruser.KEY}): {@code rounds} of start (default 5), {@code
 * later} starts per round (3), {@code sessions} (1,20,200), {@code settleSeconds} (5), {@code
 * idleSeconds} (30), {@code datagrams} per flood (20000), {@code floods} (3), {@code
 * datagramBytes} (0: the clients' median), {@code command}, a program without arguments ({@code
 * cat}). A measurement, not a test: it runs only with {@code -Djmosh.measure=peruser}, asserts
 * nothing about the figures, prints them and writes {@code conformance/target/per-user-server.txt}
 * and {@code per-user-server.csv}.
 */
class PerUserServerMeasurement {
    private static final String NAME = "peruser";
    private static final int ROUNDS = Measurements.intOption(NAME, "rounds", 5);
    private static final int LATER = Measurements.intOption(NAME, "later", 3);
    private static final List<Integer> SESSIONS = Arrays.stream(Measurements.option(NAME, "sessions", "1,20,200")
            .split(",")).map(String::strip).map(Integer::valueOf).filter(n -> n > 0).distinct().sorted().toList();
    private static final int SETTLE_SECONDS = Measurements.intOption(NAME, "settleSeconds", 5);
    private static final int IDLE_SECONDS = Measurements.intOption(NAME, "idleSeconds", 30);
    private static final int DATAGRAMS = Measurements.intOption(NAME, "datagrams", 20_000);
    private static final int FLOODS = Measurements.intOption(NAME, "floods", 3);
    private static final int DATAGRAM_BYTES = Measurements.intOption(NAME, "datagramBytes", 0);
    private static final String COMMAND = Measurements.option(NAME, "command", "cat");
    private static final Pattern CONNECT = Pattern.compile("MOSH CONNECT (\\d+) ");
    private static final Pattern PID = Pattern.compile("pid = (\\d+)");
    private static final long START_LIMIT_MS = 30_000;
    private static final long ATTACH_LIMIT_MS = 30_000;
    /** A set of N sessions of one server must be up within this (plus 1 s per session), in ms. */
    private static final long FLEET_LIMIT_MS = 120_000;
    private static final long BASELINE_MS = 2_000;
    private static final long FLOOD_LIMIT_MS = 300_000;
    /** Datagrams sent before waiting for the server's socket to drain. */
    private static final int BATCH = 32;

    /** A server program; {@code perUser} if its sessions share the user's process. */
    private record Server(String name, String program, boolean perUser) {
    }

    private record Start(double connectMs, double returnMs, long pid) {
    }

    private record Flood(double cpuSeconds, double seconds, long sent, long kernelDrops, double idleCpuPerSecond) {
        long read() {
            return Math.max(1, sent - kernelDrops);
        }

        double rawMicros() {
            return cpuSeconds / read() * 1e6;
        }

        double netMicros() {
            return (cpuSeconds - idleCpuPerSecond * seconds) / read() * 1e6;
        }
    }

    @Test
    @Timeout(3600)
    void moshServerAgainstThePerUserServer() throws Exception {
        Assumptions.assumeTrue(Measurements.selected(NAME), "run with -Djmosh.measure=peruser");
        Conformance.require("mosh-server");
        List<Server> servers = List.of(new Server("mosh-server", "mosh-server", false),
                new Server("jmosh-server", MoshServer.jmoshServer(), true));
        Path scratch = Files.createTempDirectory("jmosh-peruser");
        Map<String, Map<String, List<Double>>> csv = new LinkedHashMap<>();
        StringBuilder r = new StringBuilder(String.format(Locale.ROOT, "mosh-server against jmosh-server (per-user "
                + "server, %s), command '%s', %d cores, open files soft/hard: this JVM %s%n", MoshServer.jmoshServer(),
                COMMAND, Runtime.getRuntime().availableProcessors(), openFiles(ProcessHandle.current().pid())));
        try {
            startTimes(servers, scratch, csv, r);
            for (int n : SESSIONS) {
                footprint(servers, n, scratch, csv, r);
            }
            increments(servers, csv, r);
            floods(servers, scratch, csv, r);
        } finally {
            DistImage.delete(scratch);
        }
        Measurements.report("per-user-server.txt", r);
        Measurements.samples("per-user-server.csv", csv);
    }

    private static void startTimes(List<Server> servers, Path scratch, Map<String, Map<String, List<Double>>> csv,
            StringBuilder r) throws Exception {
        int unshared = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Server s : servers) {
                Map<String, String> env = env(scratch.resolve("start-" + round + "-" + s.name()));
                Set<Long> pids = new LinkedHashSet<>();
                try {
                    Start first = timedStart(s, env, scratch.resolve("stderr"));
                    pids.add(first.pid());
                    add(csv, "start first, to MOSH CONNECT (ms)", s.name(), first.connectMs());
                    add(csv, "start first, to return (ms)", s.name(), first.returnMs());
                    if (s.perUser()) {
                        awaitFile(rendezvous(env).resolve("pid"), 10_000);
                    }
                    for (int i = 0; i < LATER; i++) {
                        Start later = timedStart(s, env, scratch.resolve("stderr"));
                        unshared += s.perUser() && later.pid() != first.pid() ? 1 : 0;
                        pids.add(later.pid());
                        add(csv, "start later, to MOSH CONNECT (ms)", s.name(), later.connectMs());
                        add(csv, "start later, to return (ms)", s.name(), later.returnMs());
                    }
                } finally {
                    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
                    awaitGone(pids, 15_000);
                }
            }
        }
        r.append(String.format(Locale.ROOT, "%nstart of 'new -p 0 -i 127.0.0.1 -- %s', ms, %d rounds in turns, "
                + "first session and %d later ones each%n%-36s %14s %14s%n", COMMAND, ROUNDS, LATER,
                "median (min)", servers.get(0).name(), servers.get(1).name()));
        for (String figure : List.of("start first, to MOSH CONNECT (ms)", "start first, to return (ms)",
                "start later, to MOSH CONNECT (ms)", "start later, to return (ms)")) {
            r.append(String.format(Locale.ROOT, "%-36s", figure.replace(" (ms)", "")));
            for (Server s : servers) {
                List<Double> v = csv.get(figure).get(s.name());
                r.append(String.format(Locale.ROOT, " %7.0f (%4.0f)", Measurements.percentile(v, 50),
                        Measurements.percentile(v, 0)));
            }
            r.append('\n');
        }
        r.append(String.format(Locale.ROOT, "later jmosh sessions not in the first one's process: %d of %d%n",
                unshared, ROUNDS * LATER));
    }

    private static void footprint(List<Server> servers, int n, Path scratch, Map<String, Map<String, List<Double>>> csv,
            StringBuilder r) throws Exception {
        List<Fleet> fleets = new ArrayList<>();
        try {
            for (Server s : servers) {
                Fleet f = new Fleet(s, env(scratch.resolve("fleet-" + n + "-" + s.name())));
                fleets.add(f);
                f.open(n, false);
            }
            Thread.sleep(SETTLE_SECONDS * 1000L);
            double[] cpu = new double[fleets.size()];
            for (int i = 0; i < fleets.size(); i++) {
                cpu[i] = ProcStats.cpuSeconds(fleets.get(i).pids());
            }
            Thread.sleep(IDLE_SECONDS * 1000L);
            for (int i = 0; i < fleets.size(); i++) {
                cpu[i] = ProcStats.cpuSeconds(fleets.get(i).pids()) - cpu[i];
            }
            if (n == SESSIONS.get(0)) {
                r.append(String.format(Locale.ROOT, "%nmemory after %d s settling and a %d s idle window, N sessions "
                        + "each attached by a headless client in this JVM, both servers' sets at once; server CPU "
                        + "over the window per session%n%5s %-13s %5s %9s %9s %15s %6s %7s  %s%n", SETTLE_SECONDS,
                        IDLE_SECONDS, "N", "server", "procs", "RSS MB", "PSS MB", "CPU ms/session", "fds", "threads",
                        "open files soft/hard"));
            }
            for (int i = 0; i < fleets.size(); i++) {
                Fleet f = fleets.get(i);
                long rss = 0;
                long pss = 0;
                long fds = 0;
                long threads = 0;
                for (long pid : f.pids()) {
                    long[] m = ProcStats.memory(pid);
                    rss += m[0];
                    pss += m[1];
                    fds += count(Path.of("/proc", Long.toString(pid), "fd"));
                    threads += threads(pid);
                }
                String who = f.server.name();
                add(csv, "RSS (MB), N=" + n, who, rss / 1024.0);
                add(csv, "PSS (MB), N=" + n, who, pss / 1024.0);
                add(csv, "idle CPU per session (ms), N=" + n, who, cpu[i] * 1000 / n);
                r.append(String.format(Locale.ROOT, "%5d %-13s %5d %9.1f %9.1f %15.2f %6d %7d  %s%n", n, who,
                        f.pids().size(), rss / 1024.0, pss / 1024.0, cpu[i] * 1000 / n, fds, threads,
                        openFiles(f.pids().iterator().next())));
            }
            r.append(String.format(Locale.ROOT, "%5d %-13s %5s %9s %9s %15s %6d%n", n, "this JVM", "", "", "", "",
                    count(Path.of("/proc/self/fd"))));
        } finally {
            fleets.forEach(Fleet::close);
        }
    }

    private static void increments(List<Server> servers, Map<String, Map<String, List<Double>>> csv, StringBuilder r) {
        int base = SESSIONS.get(0);
        for (int n : SESSIONS.subList(1, SESSIONS.size())) {
            for (Server s : servers) {
                double rss = (csv.get("RSS (MB), N=" + n).get(s.name()).get(0)
                        - csv.get("RSS (MB), N=" + base).get(s.name()).get(0)) / (n - base);
                double pss = (csv.get("PSS (MB), N=" + n).get(s.name()).get(0)
                        - csv.get("PSS (MB), N=" + base).get(s.name()).get(0)) / (n - base);
                r.append(String.format(Locale.ROOT, "per session from N=%d to N=%d, %-13s RSS %7.2f MB, PSS %7.2f MB%n",
                        base, n, s.name(), rss, pss));
            }
        }
    }

    private static void floods(List<Server> servers, Path scratch, Map<String, Map<String, List<Double>>> csv,
            StringBuilder r) throws Exception {
        List<Fleet> fleets = new ArrayList<>();
        List<Flood> results = new ArrayList<>();
        try (DatagramSocket from = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (Server s : servers) {
                Fleet f = new Fleet(s, env(scratch.resolve("flood-" + s.name())));
                fleets.add(f);
                f.open(1, true);
                f.type("typed-one-key-at-a-time\r", 100); // datagrams of a user typing, for their size
            }
            Thread.sleep(500);
            long log = jmoshLog(fleets);
            List<Integer> sizes = new ArrayList<>();
            fleets.forEach(f -> f.relays.get(0).recordedUpstream().forEach(d -> sizes.add(d.length)));
            if (sizes.isEmpty() && DATAGRAM_BYTES <= 0) {
                throw new AssertionError("the relays recorded no datagram of the clients");
            }
            int size = DATAGRAM_BYTES > 0 ? DATAGRAM_BYTES : (int) Math.round(Measurements.percentile(sizes, 50));
            Random random = new Random(17);
            for (Fleet f : fleets) {
                flood(from, f, DATAGRAMS / 4, size, random); // warm-up
            }
            for (int round = 0; round < FLOODS; round++) {
                for (Fleet f : fleets) {
                    Flood fl = flood(from, f, DATAGRAMS, size, random);
                    results.add(fl);
                    add(csv, "CPU per rejected datagram (us)", f.server.name(), fl.rawMicros());
                    add(csv, "CPU per rejected datagram, net of idle (us)", f.server.name(), fl.netMicros());
                }
            }
            r.append(String.format(Locale.ROOT, "%nrejected datagrams: %d of %d bytes (the median of %d the clients "
                    + "sent, %.0f to %.0f bytes; to-server bit, bad tag) per flood, %d floods each in turns after a "
                    + "warm-up of %d; server CPU per datagram read (CPU time counts in 10 ms ticks)%n"
                    + "%-13s %9s %9s %9s %9s %13s  %s%n", DATAGRAMS, size, sizes.size(),
                    Measurements.percentile(sizes, 0), Measurements.percentile(sizes, 100), FLOODS, DATAGRAMS / 4,
                    "server", "us", "net us", "seconds", "read", "kernel drops", "still echoes"));
            for (int i = 0; i < results.size(); i++) {
                Flood fl = results.get(i);
                Fleet f = fleets.get(i % fleets.size());
                boolean last = i >= results.size() - fleets.size();
                r.append(String.format(Locale.ROOT, "%-13s %9.2f %9.2f %9.2f %9d %13d  %s%n", f.server.name(),
                        fl.rawMicros(), fl.netMicros(), fl.seconds(), fl.read(), fl.kernelDrops(),
                        last ? f.echoes() : ""));
            }
            for (Fleet f : fleets) {
                List<Double> v = csv.get("CPU per rejected datagram (us)").get(f.server.name());
                List<Double> net = csv.get("CPU per rejected datagram, net of idle (us)").get(f.server.name());
                r.append(String.format(Locale.ROOT, "%-13s median %.2f us, net of idle %.2f us%n", f.server.name(),
                        Measurements.percentile(v, 50), Measurements.percentile(net, 50)));
            }
            r.append(String.format(Locale.ROOT, "jmosh-server's log (rendezvous/log and log.1) grew by %d bytes in "
                    + "the floods%s%n", jmoshLog(fleets) - log, rotated(fleets) ? " (at least: it was rotated)" : ""));
        } finally {
            fleets.forEach(Fleet::close);
        }
    }

    /** The size of the per-user server's log and of its rotated predecessor, in bytes (0 if none). */
    private static long jmoshLog(List<Fleet> fleets) throws IOException {
        long size = 0;
        for (Fleet f : fleets) {
            for (String name : f.server.perUser() ? List.of("log", "log.1") : List.<String>of()) {
                Path log = rendezvous(f.env).resolve(name);
                size += Files.exists(log) ? Files.size(log) : 0;
            }
        }
        return size;
    }

    /** Whether the per-user server's log has been rotated. */
    private static boolean rotated(List<Fleet> fleets) throws IOException {
        for (Fleet f : fleets) {
            if (f.server.perUser() && Files.exists(rendezvous(f.env).resolve("log.1"))) {
                return true;
            }
        }
        return false;
    }

    /** Sends {@code count} garbage datagrams to the fleet's one session in drained batches; its server's CPU. */
    private static Flood flood(DatagramSocket from, Fleet f, int count, int size, Random random) throws Exception {
        MoshServer s = f.sessions.get(0);
        double b0 = ProcStats.cpuSeconds(s.pid);
        Thread.sleep(BASELINE_MS);
        double idle = (ProcStats.cpuSeconds(s.pid) - b0) / (BASELINE_MS / 1000.0);
        InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), s.port);
        byte[] garbage = new byte[size];
        long drops = udp(s.port)[1];
        double c0 = ProcStats.cpuSeconds(s.pid);
        long t0 = System.nanoTime();
        long end = t0 + FLOOD_LIMIT_MS * 1_000_000L;
        long sent = 0;
        while (sent < count && System.nanoTime() < end) {
            random.nextBytes(garbage);
            garbage[0] &= 0x7F; // the nonce's direction bit: to the server
            from.send(new DatagramPacket(garbage, size, to));
            sent++;
            if (sent % BATCH == 0 || sent == count) {
                while (udp(s.port)[0] > 0 && System.nanoTime() < end) {
                    Thread.sleep(1);
                }
            }
        }
        long t1 = System.nanoTime();
        double c1 = ProcStats.cpuSeconds(s.pid);
        return new Flood(c1 - c0, (t1 - t0) / 1e9, sent, udp(s.port)[1] - drops, idle);
    }

    /** {rx_queue bytes, drops} of the UDP sockets bound to local {@code port} (/proc/net/udp and udp6). */
    private static long[] udp(int port) throws IOException {
        long[] q = {0, 0};
        String local = String.format(":%04X", port);
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            if (!Files.exists(Path.of(table))) {
                continue;
            }
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] w = line.trim().split("\\s+");
                if (w.length > 12 && w[1].endsWith(local)) {
                    q[0] += Long.parseLong(w[4].substring(w[4].indexOf(':') + 1), 16);
                    q[1] += Long.parseLong(w[12]);
                }
            }
        }
        return q;
    }

    /** One server's sessions, each attached by a headless client in this JVM (directly or through a relay). */
    private static final class Fleet implements AutoCloseable {
        final Server server;
        final Map<String, String> env;
        final List<MoshServer> sessions = new ArrayList<>();
        final List<ClientSession> clients = new ArrayList<>();
        final List<HeadlessClientVsMoshServerTest.Recorder> screens = new ArrayList<>();
        final List<ImpairmentRelay> relays = new ArrayList<>();

        Fleet(Server server, Map<String, String> env) {
            this.server = server;
            this.env = env;
        }

        /** Starts {@code n} sessions one after the other, each attached before the next starts. */
        void open(int n, boolean viaRelay) throws Exception {
            long end = System.nanoTime() + (FLEET_LIMIT_MS + 1000L * n) * 1_000_000L;
            for (int i = 0; i < n; i++) {
                if (System.nanoTime() > end) {
                    throw new AssertionError(server.name() + ": only " + i + " of " + n + " sessions in time");
                }
                MoshServer s = MoshServer.startWith(server.program(), env, COMMAND);
                sessions.add(s);
                int port = s.port;
                if (viaRelay) {
                    ImpairmentRelay relay = ImpairmentRelay.start(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), s.port), i);
                    relays.add(relay);
                    relay.recordUpstream(1000);
                    port = relay.clientPort();
                }
                HeadlessClientVsMoshServerTest.Recorder screen = new HeadlessClientVsMoshServerTest.Recorder();
                ClientSession c = new ClientSession(ClientConfig.of(new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), port), SessionKey.parse(s.key), 80, 24), screen);
                clients.add(c);
                screens.add(screen);
                c.start();
                if (!echoes(c, screen, "ready-" + i + "-")) {
                    throw new AssertionError(server.name() + ": session " + (i + 1) + " of " + n + " did not echo in "
                            + ATTACH_LIMIT_MS / 1000 + " s");
                }
            }
        }

        /** Types {@code text} into the first session one key at a time, {@code gapMillis} apart. */
        void type(String text, long gapMillis) throws InterruptedException {
            for (byte key : text.getBytes(StandardCharsets.UTF_8)) {
                clients.get(0).input(new byte[] {key}, 0, 1);
                Thread.sleep(gapMillis);
            }
        }

        /** Whether the first session still echoes a typed line. */
        boolean echoes() throws InterruptedException {
            return echoes(clients.get(0), screens.get(0), "after-");
        }

        private static boolean echoes(ClientSession c, HeadlessClientVsMoshServerTest.Recorder screen, String prefix)
                throws InterruptedException {
            String token = prefix + Conformance.token();
            byte[] keys = (token + "\r").getBytes(StandardCharsets.UTF_8);
            c.input(keys, 0, keys.length);
            return screen.await(t -> t.contains(token), ATTACH_LIMIT_MS).contains(token);
        }

        /** The distinct server processes. */
        Set<Long> pids() {
            Set<Long> pids = new LinkedHashSet<>();
            sessions.forEach(s -> pids.add(s.pid));
            return pids;
        }

        /** SIGTERM to every server by its PID while the clients still answer; then the clients and relays. */
        @Override
        public void close() {
            Set<Long> pids = pids();
            sessions.forEach(MoshServer::close);
            try {
                awaitGone(pids, 15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clients.forEach(ClientSession::close);
            relays.forEach(ImpairmentRelay::close);
        }
    }

    /** Runs {@code server new} once; ms to its MOSH CONNECT line and to its return, and the daemon's PID. */
    private static Start timedStart(Server server, Map<String, String> env, Path err) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(server.program(), "new", "-p", "0", "-i", "127.0.0.1", "--", COMMAND)
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        pb.environment().put("TERM", "xterm-256color");
        long start = System.nanoTime();
        Process p = pb.start();
        CompletableFuture<Long> connected = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (CONNECT.matcher(line).find()) {
                        connected.complete(System.nanoTime());
                        return;
                    }
                }
                connected.complete(-1L);
            } catch (IOException e) {
                connected.complete(-1L);
            }
        });
        long at;
        try {
            at = connected.get(START_LIMIT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            at = -1;
        }
        if (!p.waitFor(START_LIMIT_MS, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(server.name() + " new did not return within " + START_LIMIT_MS + " ms");
        }
        long done = System.nanoTime();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Matcher pid = PID.matcher(stderr);
        if (at < 0 || !pid.find()) {
            throw new AssertionError(server.name() + " did not start: " + stderr);
        }
        return new Start((at - start) / 1e6, (done - start) / 1e6, Long.parseLong(pid.group(1)));
    }

    /** The environment for a server: a private rendezvous under {@code dir}, the per-user mode. */
    private static Map<String, String> env(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Map.of("JMOSH_TMPDIR", dir.toString(), "JMOSH_SERVER_MODE", "user");
    }

    /** bin/jmosh-server's rendezvous directory for {@code env}'s JMOSH_TMPDIR. */
    private static Path rendezvous(Map<String, String> env) throws IOException {
        return Path.of(env.get("JMOSH_TMPDIR"), "jmosh-" + Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static void awaitFile(Path file, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (!Files.exists(file) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    /** Waits (at most {@code millis} in all) for every process to end; kills what still runs (SIGKILL). */
    private static void awaitGone(Collection<Long> pids, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        for (long pid : pids) {
            ProcessHandle h = ProcessHandle.of(pid).orElse(null);
            while (h != null && h.isAlive() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            if (h != null && h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private static long threads(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("Threads:")).mapToLong(l -> Long.parseLong(l.substring(8).strip()))
                .findFirst().orElse(0);
    }

    /** "soft/hard" of a process's "Max open files". */
    private static String openFiles(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")).stream()
                .filter(l -> l.startsWith("Max open files")).map(l -> l.substring(14).trim().split("\\s+"))
                .map(w -> w[0] + "/" + w[1]).findFirst().orElse("?");
    }

    private static void add(Map<String, Map<String, List<Double>>> csv, String group, String who, double value) {
        csv.computeIfAbsent(group, k -> new LinkedHashMap<>()).computeIfAbsent(who, k -> new ArrayList<>()).add(value);
    }
}
