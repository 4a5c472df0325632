package dev.jmosh.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server started for one test on 127.0.0.1 (mosh-protocol.md §12.1), the real
 * {@code mosh-server} or {@code bin/jmosh-server}: its port, key and daemon PID. {@link #close}
 * kills the daemon by that PID only, if it still runs.
 *
 * <p>A jmosh session may run in its user's shared server process (unless
 * {@code JMOSH_SERVER_MODE=process}): then the PID is that process's, signals reach every
 * session in it (each acting as mosh-server would), and the session is alive while that process
 * holds its UDP port ({@link #alive}), since the process outlives it while other sessions run.
 */
final class MoshServer implements AutoCloseable {
    private static final Pattern CONNECT = Pattern.compile("MOSH CONNECT (\\d+) ((?:[a-z0-9][a-z0-9.-]*:[A-Za-z0-9/+]+)|[A-Za-z0-9/+]{22})");
    private static final Pattern PID = Pattern.compile("pid = (\\d+)");

    final int port;
    final String key;
    final long pid;
    /** Whether the session may share its process with others (jmosh's per-user server). */
    private boolean shared;

    private MoshServer(int port, String key, long pid) {
        this.port = port;
        this.key = key;
        this.pid = pid;
    }

    /**
     * Whether {@code server} started with {@code env} over the test's own environment runs its
     * sessions in the user's shared process: bin/jmosh-server unless {@code JMOSH_SERVER_MODE=process}.
     */
    static boolean sharedMode(String server, java.util.Map<String, String> env) {
        String mode = env.containsKey("JMOSH_SERVER_MODE") ? env.get("JMOSH_SERVER_MODE")
                : System.getenv("JMOSH_SERVER_MODE");
        return server.endsWith("jmosh-server") && !"process".equals(mode);
    }

    /** The user's rendezvous directory for a launcher with {@code env} (bin/jmosh-server's rule). */
    static Path rendezvous(java.util.Map<String, String> env) throws IOException {
        java.util.function.Function<String, String> get = n -> env.containsKey(n) ? env.get(n) : System.getenv(n);
        String base = get.apply("JMOSH_TMPDIR");
        if (base == null || base.isEmpty()) {
            base = get.apply("TMPDIR");
        }
        if (base == null || base.isEmpty()) {
            base = "/tmp";
        }
        return Path.of(base, "jmosh-" + Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    /**
     * A started jmosh session in shared mode: waits (at most 10 s) until a server listens on the
     * rendezvous, so that the test's next session is handed over to it rather than racing its
     * start-up. If none does, the session runs in a process of its own and is treated as one.
     */
    private MoshServer shareIn(java.util.Map<String, String> env) throws IOException, InterruptedException {
        shared = true;
        Path pidFile = rendezvous(env).resolve("pid");
        long end = System.nanoTime() + 10_000_000_000L;
        while (!Files.exists(pidFile) && alive() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        if (alive() && !Files.exists(pidFile)) {
            // it runs alone (e.g. another server held the directory without listening): a process of its own
            System.err.println("MoshServer: no jmosh server listens on " + pidFile.getParent()
                    + " 10 s after a session started; the session on port " + port + " runs alone");
            shared = false;
        }
        return this;
    }

    /** Starts {@code mosh-server new -p 0 -i 127.0.0.1 -- command...} with a UTF-8 locale. */
    static MoshServer start(String... command) throws IOException, InterruptedException {
        return startWith("mosh-server", command);
    }

    /** Starts bin/jmosh-server the same way. */
    static MoshServer startJmosh(String... command) throws IOException, InterruptedException {
        return startWith(jmoshServer(), command);
    }

    /**
     * The checkout's bin/jmosh-server as a command for a wrapper's {@code --server=}, which a
     * shell runs (maybe through ssh, whose environment is the login's): with this test run's
     * {@code JMOSH_SERVER_MODE} when one is set.
     */
    static String jmoshServerCommand() {
        String mode = System.getenv("JMOSH_SERVER_MODE");
        return mode == null || mode.isEmpty() ? jmoshServer() : "env JMOSH_SERVER_MODE=" + mode + " " + jmoshServer();
    }

    /** The checkout's bin/jmosh-server. */
    static String jmoshServer() {
        return Conformance.root().resolve("bin/jmosh-server").toString();
    }

    /** Starts {@code server new -p 0 -i 127.0.0.1 -- command...} with a UTF-8 locale. */
    static MoshServer startWith(String server, String... command) throws IOException, InterruptedException {
        return startWith(server, java.util.Map.of(), command);
    }

    /** The same, with extra environment variables for the server. */
    static MoshServer startWith(String server, java.util.Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        return startVia(List.of(), "127.0.0.1", server, env, command);
    }

    /**
     * Starts {@code PREFIX... server new -p 0 -i ADDRESS -- command...} with a UTF-8 locale:
     * e.g. in a network namespace with the prefix {@code ip netns exec NAME}.
     */
    static MoshServer startVia(List<String> prefix, String address, String server, java.util.Map<String, String> env,
                               String... command) throws IOException, InterruptedException {
        return startVia(prefix, address, server, List.of(), env, command);
    }

    /** The same, with {@code options} after {@code new -p 0 -i ADDRESS}. */
    static MoshServer startVia(List<String> prefix, String address, String server, List<String> options,
            java.util.Map<String, String> env, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(server, "new", "-p", "0", "-i", address));
        cmd.addAll(options);
        cmd.add("--");
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        pb.environment().put("TERM", "xterm-256color");
        MoshServer started = parse(pb.start());
        return sharedMode(server, env) ? started.shareIn(env) : started;
    }

    /** Starts {@code server new -p 0 -i 127.0.0.1 -- command...} with exactly {@code environment} ({@code env -i}). */
    static MoshServer startIn(java.util.Map<String, String> environment, String server, String... command)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(server, "new", "-p", "0", "-i", "127.0.0.1", "--"));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(environment);
        MoshServer started = parse(pb.start());
        return sharedMode(server, environment) ? started.shareIn(environment) : started;
    }

    /**
     * Starts {@code server new -v -p 0 -i 127.0.0.1 -- command...} with a UTF-8 locale, its
     * stdout in {@code out} and its stderr, the verbose log, in {@code log}: a verbose daemon keeps
     * both open, so they go to files, never to a pipe read until its end.
     */
    static MoshServer startVerbose(String server, Path out, Path log, String... command)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(server, "new", "-v", "-p", "0", "-i", "127.0.0.1", "--"));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(log.toFile());
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        pb.environment().put("TERM", "xterm-256color");
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(server + " new did not return within 30 s");
        }
        String o = Files.readString(out, StandardCharsets.UTF_8);
        String e = Files.readString(log, StandardCharsets.UTF_8);
        Matcher c = CONNECT.matcher(o);
        Matcher d = PID.matcher(e);
        if (!c.find() || !d.find()) {
            throw new IOException(server + " did not start: " + o + e);
        }
        return new MoshServer(Integer.parseInt(c.group(1)), c.group(2), Long.parseLong(d.group(1)));
    }

    /** Reads port, key and daemon PID from a started {@code new} command's output. */
    static MoshServer parse(Process p) throws IOException, InterruptedException {
        String server = p.info().command().orElse("server");
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(server + " new did not return within 30 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher c = CONNECT.matcher(out);
        Matcher d = PID.matcher(err);
        if (!c.find() || !d.find()) {
            throw new IOException(server + " did not start: " + out + err);
        }
        return new MoshServer(Integer.parseInt(c.group(1)), c.group(2), Long.parseLong(d.group(1)));
    }

    /** Sends a signal to the daemon by its PID (kill -NAME PID): in a shared process, to every session in it. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
    }

    /** Whether the session is still running: its daemon runs (and, if shared, still holds its port). */
    boolean alive() {
        boolean running = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!running || !shared) {
            return running;
        }
        try {
            return holdsUdpPort(pid, port);
        } catch (IOException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /** Whether process {@code pid} has a UDP socket bound to {@code port} (its descriptors against /proc/PID/net/udp*). */
    static boolean holdsUdpPort(long pid, int port) throws IOException {
        java.util.Set<String> sockets = new java.util.HashSet<>();
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("udp", "udp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(hexPort) && sockets.contains(f[9])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Waits up to {@code millis} for the session to end (a daemon of its own: to exit); returns whether it did. */
    boolean awaitExit(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (alive() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return !alive();
    }

    /**
     * Ends the daemon if it still runs (SIGTERM). A shared daemon ends every session in it; the
     * test waits (at most 10 s) until it is gone, so the next test starts a server of its own.
     */
    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(h -> {
            if (h.isAlive()) {
                h.destroy();
                if (shared) {
                    try {
                        h.onExit().get(10, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        h.destroyForcibly();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
    }
}
