package dev.jmosh.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A private tmux server (its own {@code -L} socket) holding one pane, driven like a user:
 * send keys, read the screen, resize the window (mosh-protocol.md §12.2). {@link #close} kills
 * only this server.
 */
final class Tmux implements AutoCloseable {
    private final String socket = "jmosh-test-" + ProcessHandle.current().pid() + "-" + Conformance.token();

    /** Starts a detached session of {@code cols} x {@code rows} running {@code shellCommand}. */
    Tmux(int cols, int rows, String shellCommand) throws IOException, InterruptedException {
        run("new-session", "-d", "-s", "t", "-x", String.valueOf(cols), "-y", String.valueOf(rows), shellCommand);
    }

    String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        pb.environment().remove("TMUX");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tmux " + String.join(" ", args) + " hung");
        }
        if (p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** Types literal text. */
    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", "t", "-l", text);
    }

    /** Sends keys by tmux name (Enter, C-^, ...). */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("send-keys", "-t", "t"));
        a.addAll(List.of(keys));
        run(a.toArray(new String[0]));
    }

    /** The pane's text. */
    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", "t");
    }

    /** A tmux format expanded for the pane, e.g. {@code #{alternate_on}}. */
    String format(String format) throws IOException, InterruptedException {
        return run("display", "-p", "-t", "t", format).strip();
    }

    /** The pane's terminal device, e.g. /dev/pts/3. */
    String paneTty() throws IOException, InterruptedException {
        return format("#{pane_tty}");
    }

    /**
     * The normal screen while the pane shows its alternate screen (what a full-screen program
     * hides), or "" when it does not.
     */
    String hiddenScreen() throws IOException, InterruptedException {
        return run("capture-pane", "-a", "-q", "-p", "-t", "t");
    }

    /** Resizes the window. */
    void resize(int cols, int rows) throws IOException, InterruptedException {
        run("resize-window", "-t", "t", "-x", String.valueOf(cols), "-y", String.valueOf(rows));
    }

    /** Polls the screen until {@code ok} holds or {@code millis} pass; returns the last screen. */
    String await(Predicate<String> ok, long millis) throws IOException, InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        String s = screen();
        while (!ok.test(s) && System.nanoTime() < end) {
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    /** Types {@code echo <prefix><random>} and Enter, and checks the token comes back on a line of its own. */
    void assertEchoes(String prefix) throws IOException, InterruptedException {
        String token = prefix + Conformance.token();
        type("echo " + token);
        keys("Enter");
        org.assertj.core.api.Assertions.assertThat(await(s -> s.lines().anyMatch(token::equals), 10_000).lines())
                .as("the echoed token on its own line").contains(token);
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
