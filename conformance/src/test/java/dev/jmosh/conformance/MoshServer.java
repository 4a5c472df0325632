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
 */
final class MoshServer implements AutoCloseable {
    private static final Pattern CONNECT = Pattern.compile("MOSH CONNECT (\\d+) ((?:[a-z0-9][a-z0-9.-]*:[A-Za-z0-9/+]+)|[A-Za-z0-9/+]{22})");
    private static final Pattern PID = Pattern.compile("pid = (\\d+)");

    final int port;
    final String key;
    final long pid;

    private MoshServer(int port, String key, long pid) {
        this.port = port;
        this.key = key;
        this.pid = pid;
    }

    /** Starts {@code mosh-server new -p 0 -i 127.0.0.1 -- command...} with a UTF-8 locale. */
    static MoshServer start(String... command) throws IOException, InterruptedException {
        return startWith("mosh-server", command);
    }

    /** Starts bin/jmosh-server the same way. */
    static MoshServer startJmosh(String... command) throws IOException, InterruptedException {
        return startWith(jmoshServer(), command);
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
        return parse(pb.start());
    }

    /** Starts {@code server new -p 0 -i 127.0.0.1 -- command...} with exactly {@code environment} ({@code env -i}). */
    static MoshServer startIn(java.util.Map<String, String> environment, String server, String... command)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(server, "new", "-p", "0", "-i", "127.0.0.1", "--"));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(environment);
        return parse(pb.start());
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

    /** Sends a signal to the daemon by its PID (kill -NAME PID). */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
    }

    /** Whether the daemon is still running. */
    boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits up to {@code millis} for the daemon to exit; returns whether it did. */
    boolean awaitExit(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (alive() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return !alive();
    }

    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(h -> {
            if (h.isAlive()) {
                h.destroy();
            }
        });
    }
}
