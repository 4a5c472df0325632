package dev.jmosh.conformance.vt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Replays byte streams into panes of a private tmux server (its own {@code -L} socket, killed
 * by {@link #close}) and reads the screens back. Each stream gets a detached session of exactly
 * its size running {@code stty raw -echo; cat FILE} (so the pty passes the bytes unchanged and
 * never echoes tmux's replies), then a CAN (which ends any unfinished sequence) and an OSC 2
 * title; since tmux handles a pane's output in order, the title says the stream is all in. A
 * batch of sessions runs at once; a keeper session holds the server between batches.
 */
final class TmuxReplay implements AutoCloseable {
    static final String DONE_TITLE = "jmosh-replay-done";
    private static final int BATCH = 40;
    private static final long TIMEOUT_MILLIS = 30_000;
    private final String socket = "jmosh-vt-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final Path dir;
    private int serial;

    /** Starts the server; stream files are written under {@code dir}. */
    TmuxReplay(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        run("new-session", "-d", "-s", "keep", "-x", "20", "-y", "5", "sleep 3600");
    }

    /** Replays each stream into a fresh pane of its size; returns the screens by stream name. */
    Map<String, CellGrid> replay(List<VtStream> streams) throws IOException, InterruptedException {
        Map<String, CellGrid> out = new LinkedHashMap<>();
        for (int from = 0; from < streams.size(); from += BATCH) {
            out.putAll(batch(streams.subList(from, Math.min(streams.size(), from + BATCH))));
        }
        return out;
    }

    /** The shell command a pane runs: the raw stream, then the end-of-stream title. */
    static String paneCommand(Path file) {
        return "stty raw -echo 2>/dev/null; cat '" + file + "'; printf '\\030\\033]2;" + DONE_TITLE
                + "\\033\\\\'; exec sleep 600";
    }

    private Map<String, CellGrid> batch(List<VtStream> streams) throws IOException, InterruptedException {
        Map<String, VtStream> sessions = new LinkedHashMap<>();
        for (VtStream s : streams) {
            String session = "s" + (serial++);
            Path file = dir.resolve(session + ".bin");
            Files.write(file, s.bytes());
            run("new-session", "-d", "-s", session, "-x", String.valueOf(s.columns()), "-y",
                    String.valueOf(s.rows()), paneCommand(file));
            sessions.put(session, s);
        }
        awaitTitles(sessions.keySet());
        Map<String, CellGrid> out = new LinkedHashMap<>();
        for (Map.Entry<String, VtStream> e : sessions.entrySet()) {
            out.put(e.getValue().name(), capture(e.getKey(), e.getValue().columns(), e.getValue().rows()));
            run("kill-session", "-t", e.getKey());
            Files.deleteIfExists(dir.resolve(e.getKey() + ".bin"));
        }
        return out;
    }

    private void awaitTitles(Set<String> sessions) throws IOException, InterruptedException {
        awaitTitles(sessions, DONE_TITLE, TIMEOUT_MILLIS, 20);
    }

    /**
     * Polls every {@code pollMillis} until each session's pane title is {@code title}.
     *
     * @throws IOException if some session has not got there within {@code timeoutMillis}
     */
    void awaitTitles(Set<String> sessions, String title, long timeoutMillis, long pollMillis)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Set<String> pending = new HashSet<>(sessions);
        while (true) {
            for (String line : run("list-panes", "-a", "-F", "#{session_name}\t#{pane_title}").split("\n")) {
                String[] f = line.split("\t", 2);
                if (f.length == 2 && f[1].equals(title)) {
                    pending.remove(f[0]);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new IOException("panes never showed the end of their streams: " + pending);
            }
            Thread.sleep(pollMillis);
        }
    }

    /** The screen of a pane: capture-pane -p -e -N and the cursor, in one tmux call. */
    CellGrid capture(String target, int columns, int rows) throws IOException, InterruptedException {
        String out = run("capture-pane", "-p", "-e", "-N", "-t", target, ";",
                "display", "-p", "-t", target, "#{cursor_x},#{cursor_y},#{cursor_flag}");
        List<String> lines = new ArrayList<>(Arrays.asList(out.split("\n", -1)));
        if (lines.size() < rows + 1) {
            throw new IOException("short capture of " + target + ": " + out);
        }
        return TmuxCapture.parse(columns, rows, lines.subList(0, rows), lines.get(rows));
    }

    /** Runs a tmux command against this server; returns its standard output. */
    String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        pb.environment().remove("TMUX");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tmux " + String.join(" ", args) + " hung");
        }
        if (p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed with status " + p.exitValue());
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            run("kill-server");
        } catch (IOException | InterruptedException e) {
            // already gone
        }
    }
}
