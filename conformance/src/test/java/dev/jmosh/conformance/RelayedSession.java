package dev.jmosh.conformance;

import dev.jmosh.conformance.relay.ImpairmentRelay;
import dev.jmosh.conformance.trace.ScreenLog;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A server started with a shell script, the impairment relay in front of it, and a client in a
 * tmux pane talking to the relay (prediction off): the set-up of the SSP matrix tests and the
 * echo-latency measurement. Closing it closes all three.
 */
final class RelayedSession implements AutoCloseable {
    final MoshServer server;
    final ImpairmentRelay relay;
    /** The client's pane, or null when the client runs on a {@link #pty} instead. */
    final Tmux tmux;
    /** The client's own terminal, or null when it runs in {@link #tmux}. */
    final PtyClient pty;

    /**
     * Starts the session with the client in a tmux pane.
     *
     * @param clientProgram the client to run in the pane
     * @param serverProgram the server to start
     * @param env extra environment for both server and client
     * @param script the shell script the server runs
     */
    RelayedSession(String clientProgram, String serverProgram, Map<String, String> env, int cols, int rows, long seed,
                   String script) throws Exception {
        this(clientProgram, serverProgram, env, cols, rows, seed, script, false, null);
    }

    private RelayedSession(String clientProgram, String serverProgram, Map<String, String> env, int cols, int rows,
                           long seed, String script, boolean onPty, ScreenLog screens) throws Exception {
        server = MoshServer.startWith(serverProgram, env, "/bin/sh", "-c", script);
        relay = ImpairmentRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port), seed);
        String vars = env.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
        String client = "env LANG=C.UTF-8 MOSH_PREDICTION_DISPLAY=never" + vars + " MOSH_KEY=" + server.key
                + " " + clientProgram + " 127.0.0.1 " + relay.clientPort();
        tmux = onPty ? null : new Tmux(cols, rows, client + "; echo CLIENT_RC=$?; sleep 600");
        pty = onPty ? new PtyClient(cols, rows, client, screens) : null;
    }

    /** Starts the session with the client on a terminal of its own ({@link PtyClient}). */
    static RelayedSession onPty(String clientProgram, String serverProgram, Map<String, String> env, int cols,
                                int rows, long seed, String script) throws Exception {
        return new RelayedSession(clientProgram, serverProgram, env, cols, rows, seed, script, true, null);
    }

    /** The same, with what the client draws also followed in {@code screens}. */
    static RelayedSession onPty(String clientProgram, String serverProgram, Map<String, String> env, int cols,
                                int rows, long seed, String script, ScreenLog screens) throws Exception {
        return new RelayedSession(clientProgram, serverProgram, env, cols, rows, seed, script, true, screens);
    }

    /** The same, for a pairing named as in {@link #pairings}. */
    static RelayedSession start(String clientName, String serverName, int cols, int rows, long seed, String script)
            throws Exception {
        return new RelayedSession(client(clientName), server(serverName), Map.of(), cols, rows, seed, script);
    }

    /** Every pairing of {jmosh-client, mosh-client} x {jmosh-server, mosh-server}, by name. */
    static Stream<Arguments> pairings() {
        return Stream.of(Arguments.of("jmosh-client", "jmosh-server"), Arguments.of("jmosh-client", "mosh-server"),
                Arguments.of("mosh-client", "jmosh-server"), Arguments.of("mosh-client", "mosh-server"));
    }

    /** The program of a client name: mosh-client, or the checkout's bin/jmosh-client. */
    static String client(String name) {
        return name.equals("mosh-client") ? "mosh-client" : Conformance.root().resolve("bin/jmosh-client").toString();
    }

    /** The program of a server name: mosh-server, or the checkout's bin/jmosh-server. */
    static String server(String name) {
        return name.equals("mosh-server") ? "mosh-server" : MoshServer.jmoshServer();
    }

    /** Returns {@code count} distinct lines {@code String.format(format, i, token)} for i from {@code first}. */
    static List<String> lines(String format, int first, int count) {
        List<String> out = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            out.add(String.format(format, i, Conformance.token()));
        }
        return out;
    }

    /** Types each line and Enter. */
    void type(List<String> lines) throws Exception {
        for (String l : lines) {
            tmux.type(l);
            tmux.keys("Enter");
        }
    }

    /** Waits until the file holds {@code n} lines (or the time is up); returns its lines. */
    static List<String> awaitLines(Path file, int n, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        List<String> lines = List.of();
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file)) {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= n) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        return lines;
    }

    @Override
    public void close() throws Exception {
        try (server; relay; tmux; pty) {
            // closes them all (null ones are skipped)
        }
    }
}
