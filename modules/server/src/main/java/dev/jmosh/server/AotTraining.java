package dev.jmosh.server;

import dev.jmosh.pty.Pty;
import dev.jmosh.pty.PtySpec;
import dev.jmosh.server.internal.TrainingScreen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The build's training run for the JDK's ahead-of-time caches (JEP 483/514/515) of
 * jmosh-server and jmosh-client: one real session on loopback between the two programs, each
 * started with the command line its launcher uses plus {@code -XX:AOTCacheOutput}, so that each
 * JVM records the classes it loads and links and the methods it profiles in its own work.
 *
 * <p>The client is the {@code jmosh} front end ({@code JmoshMain --local}, given the server's
 * command line as {@code --server}), so that the client's cache holds the wrapper's start as
 * well as the session. It runs on a pseudo-terminal held here, as under a person's terminal:
 * this process types into it (with predictions shown), reads what it draws through the emulator,
 * resizes the window, and quits with {@code Ctrl-^ .}; the server serves {@code /bin/sh}. Each wait has a
 * deadline; any failure ends both programs and exits 1. Both JVMs write their caches as they
 * exit. The build runs this ({@code dist/aot-train.sh}); no launcher does.
 *
 * <p>Usage: {@code AotTraining --server JAVA-COMMAND... --client JAVA-COMMAND...}, where each
 * command is a {@code java} command line up to and including {@code -m module/class}.
 */
public final class AotTraining {
    /** Generous: the training JVMs run slower than usual, and the build machine may be busy. */
    private static final long STEP_MS = 60_000;
    /** Each JVM assembles its cache (a second JVM) before it exits. */
    private static final long EXIT_MS = 180_000;

    private AotTraining() {
    }

    /** Runs the training session; exits 0 once both programs have ended cleanly, else 1. */
    public static void main(String[] argv) throws InterruptedException {
        List<String> args = Arrays.asList(argv);
        int client = args.indexOf("--client");
        if (args.isEmpty() || !args.get(0).equals("--server") || client < 2 || client == args.size() - 1) {
            System.err.println("usage: AotTraining --server JAVA-COMMAND... --client JAVA-COMMAND...");
            System.exit(2);
        }
        try {
            train(args.subList(1, client), args.subList(client + 1, args.size()));
        } catch (IOException | TimeoutException | RuntimeException e) {
            System.err.println("AOT training failed: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private static void train(List<String> serverCommand, List<String> clientCommand)
            throws IOException, InterruptedException, TimeoutException {
        Map<String, String> env = environment();
        // the client is the jmosh front end, so that its cache also holds the wrapper's start:
        // it runs the server itself (--local, with the server's training command line) and then
        // the client in the same JVM, as `jmosh --local` does
        List<String> argvClient = new ArrayList<>(clientCommand);
        argvClient.addAll(List.of("--local", "--predict=always", "--server=" + shellQuoted(serverCommand),
                "127.0.0.1", "--", "/bin/sh"));
        Pty pty = Pty.spawn(new PtySpec(argvClient.get(0), argvClient, env, Path.of("/"), 80, 24));
        ProcessHandle server = null;
        try {
            TrainingScreen screen = TrainingScreen.follow(pty, 80, 24);
            screen.await("$", STEP_MS);
            server = serverOf(pty);
            long start = System.nanoTime();
            session(pty, screen);
            long sessionEnd = System.nanoTime();
            int clientStatus = exitStatus(pty);
            if (clientStatus != 0) {
                throw new IOException("the client exited with " + clientStatus + "; its screen:\n" + screen.text());
            }
            try {
                server.onExit().get(EXIT_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IOException("the server was not seen to exit: " + e.getCause(), e);
            }
            System.out.printf("AOT training: session %d ms, then both caches written in %d ms%n",
                    (sessionEnd - start) / 1_000_000, (System.nanoTime() - sessionEnd) / 1_000_000);
        } finally {
            pty.signal(15);
            pty.close();
            if (server != null) {
                server.destroy();
            }
        }
    }

    /** The server the front end started: the java process among the client's descendants. */
    private static ProcessHandle serverOf(Pty pty) throws IOException {
        ProcessHandle client = ProcessHandle.of(pty.pid()).orElseThrow(() -> new IOException("the client is gone"));
        return client.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IOException("the client started no server"));
    }

    /** Words for {@code sh -c}: each in single quotes. */
    private static String shellQuoted(List<String> words) {
        StringBuilder s = new StringBuilder();
        for (String w : words) {
            s.append(s.length() == 0 ? "" : " ").append('\'').append(w.replace("'", "'\\''")).append('\'');
        }
        return s.toString();
    }

    /** The client's exit status, once it has written its cache and exited. */
    private static int exitStatus(Pty pty) throws IOException, InterruptedException, TimeoutException {
        try {
            return pty.exit().get(EXIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the client was not reaped: " + e.getCause(), e);
        }
    }

    /** What a person's session does, in miniature: typing, colour, wide text, scrolling, a resize. */
    private static void session(Pty pty, TrainingScreen screen) throws IOException, InterruptedException, TimeoutException {
        // the result of arithmetic, so that the typed command line (or its prediction) never matches
        type(pty, "echo aot-$((6*7))\r");
        screen.await("aot-42", STEP_MS);
        type(pty, "printf '\\033[1;31mred\\033[0m \\033[38;5;208m256\\033[0m \\344\\270\\255\\346\\226\\207 "
                + "caf\\303\\251 %s\\n' done-$((7*8))\r");
        screen.await("done-56", STEP_MS);
        type(pty, "seq 1 200 | while read n; do echo \"line $n of the scrolling test\"; done; echo seq-$((8*9))\r");
        screen.await("seq-72", STEP_MS);
        // typing with corrections, as predictions see it: backspace, arrows
        type(pty, "echo abx\u007fc\u001b[D\u001b[C-$((9*9))\r");
        screen.await("abc-81", STEP_MS);
        pty.resize(100, 30);
        screen.resize(100, 30);
        // the client sends the new size and the keys in whichever order its threads see them
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_MS);
        for (boolean resized = false; !resized; ) {
            type(pty, "stty size\r");
            try {
                screen.await("30 100", 2_000);
                resized = true;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
        type(pty, "printf '\\033[?1049h\\033[2J\\033[5;10Hfull screen\\033[?1049l' ; echo alt-$((5*5))\r");
        screen.await("alt-25", STEP_MS);
        type(pty, "\u001e.");
    }

    private static void type(Pty pty, String keys) {
        byte[] b = keys.getBytes(StandardCharsets.UTF_8);
        pty.write(b, 0, b.length);
    }

    /** A plain, predictable environment for both programs: a UTF-8 locale and a common terminal. */
    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "xterm-256color");
        env.put("SHELL", "/bin/sh");
        env.put("PS1", "$ ");
        return env;
    }
}
