package dev.jmosh.conformance.vt;

import java.io.IOException;
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

/**
 * Replays byte streams through the real mosh 1.4.0: for each stream a {@code mosh-server} runs a
 * shell that waits until its pty has the stream's size (the client's resize has arrived), then
 * writes the stream raw ({@code stty raw -echo; cat FILE}), a CAN and an end-of-stream title;
 * a real {@code mosh-client} in a tmux pane of that size shows mosh-server's framebuffer, and
 * the pane is captured once the title (prefixed "[mosh] " by the client) arrives. What the
 * capture shows is mosh's emulator as a mosh user sees it: the reference wherever jmosh and
 * tmux disagree in mosh's subset.
 *
 * <p>Servers are started on loopback with {@code -p 0} and stopped by their PID.
 */
final class MoshReplay implements AutoCloseable {
    private static final Pattern CONNECT = Pattern.compile("MOSH CONNECT (\\d+) (\\S{22})");
    private static final Pattern PID = Pattern.compile("pid = (\\d+)");
    private static final int BATCH = 8;
    private static final int SIZE_POLLS = 400;
    private final TmuxReplay tmux;
    private final Path dir;
    private final List<Long> servers = new ArrayList<>();
    private int serial;

    MoshReplay(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.tmux = new TmuxReplay(dir);
    }

    /** Replays each stream through mosh; returns the screens by stream name. */
    Map<String, CellGrid> replay(List<VtStream> streams) throws IOException, InterruptedException {
        Map<String, CellGrid> out = new LinkedHashMap<>();
        for (int from = 0; from < streams.size(); from += BATCH) {
            out.putAll(batch(streams.subList(from, Math.min(streams.size(), from + BATCH))));
        }
        return out;
    }

    private Map<String, CellGrid> batch(List<VtStream> streams) throws IOException, InterruptedException {
        Map<String, VtStream> sessions = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        for (VtStream s : streams) {
            String session = "m" + (serial++);
            Path file = dir.resolve(session + ".bin");
            Files.write(file, withHome(s.bytes()));
            String[] connect = startServer(file, s.columns(), s.rows());
            long pid = Long.parseLong(connect[2]);
            servers.add(pid);
            pids.put(session, pid);
            tmux.run("new-session", "-d", "-s", session, "-x", String.valueOf(s.columns()), "-y",
                    String.valueOf(s.rows()), "env LANG=C.UTF-8 MOSH_PREDICTION_DISPLAY=never MOSH_KEY=" + connect[1]
                            + " mosh-client 127.0.0.1 " + connect[0] + "; exec sleep 600");
            sessions.put(session, s);
        }
        // mosh-client prefixes the remote title with "[mosh] "
        tmux.awaitTitles(sessions.keySet(), "[mosh] " + TmuxReplay.DONE_TITLE, 60_000, 50);
        Map<String, CellGrid> out = new LinkedHashMap<>();
        for (Map.Entry<String, VtStream> e : sessions.entrySet()) {
            out.put(e.getValue().name(), tmux.capture(e.getKey(), e.getValue().columns(), e.getValue().rows()));
            tmux.run("kill-session", "-t", e.getKey());
            stop(pids.get(e.getKey()));
            Files.deleteIfExists(dir.resolve(e.getKey() + ".bin"));
        }
        return out;
    }

    /**
     * Returns the stream after a CUP home: mosh-server writes a newline into the pty before the
     * command runs, whose echo leaves the cursor on row 2 of an otherwise blank screen (jmosh-server
     * does the same). Homing first gives the stream the power-on state it gets in jmosh and tmux.
     */
    private static byte[] withHome(byte[] stream) {
        byte[] home = {0x1b, '[', 'H'};
        byte[] out = new byte[home.length + stream.length];
        System.arraycopy(home, 0, out, 0, home.length);
        System.arraycopy(stream, 0, out, home.length, stream.length);
        return out;
    }

    /** Starts mosh-server for one stream; returns port, key and daemon PID. */
    private String[] startServer(Path file, int columns, int rows) throws IOException, InterruptedException {
        String script = "i=0; while [ \"$(stty size)\" != '" + rows + " " + columns + "' ] && [ $i -lt " + SIZE_POLLS
                + " ]; do sleep 0.05; i=$((i+1)); done; stty raw -echo; cat '" + file + "'; printf '\\030\\033]2;"
                + TmuxReplay.DONE_TITLE + "\\033\\\\'; exec sleep 600";
        Path outFile = dir.resolve("server-" + serial + ".out");
        Path errFile = dir.resolve("server-" + serial + ".err");
        ProcessBuilder pb = new ProcessBuilder("mosh-server", "new", "-p", "0", "-i", "127.0.0.1", "--", "/bin/sh", "-c",
                script).redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("mosh-server did not detach");
        }
        Matcher c = CONNECT.matcher(Files.readString(outFile, StandardCharsets.UTF_8));
        Matcher d = PID.matcher(Files.readString(errFile, StandardCharsets.UTF_8));
        if (!c.find() || !d.find()) {
            throw new IOException("mosh-server gave no MOSH CONNECT line or pid");
        }
        return new String[] {c.group(1), c.group(2), d.group(1)};
    }

    private static void stop(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }

    @Override
    public void close() {
        tmux.close();
        for (long pid : servers) {
            stop(pid);
        }
    }
}
