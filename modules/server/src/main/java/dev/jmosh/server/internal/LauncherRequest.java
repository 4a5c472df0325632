package dev.jmosh.server.internal;

import dev.jmosh.pty.LocalSocket;
import dev.jmosh.pty.Posix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a launcher connected to the rendezvous socket asks for: its arguments from the
 * connection and, as mosh-server would read them from its own process, its environment, its
 * standard input's terminal and that terminal's size from {@code /proc/PID}, PID being the
 * connecting process as the kernel recorded it ({@code SO_PEERCRED}). It is the peer-credential
 * check too: the launcher must run as this server's user, in this server's network, mount and
 * pid namespaces (a session binds its port in the server's network namespace).
 */
final class LauncherRequest {
    /** The most argument bytes a request may carry (the kernel's own limit is 2 MiB of argv and environment). */
    static final int MAX_REQUEST_BYTES = 2 << 20;
    private static final List<String> NAMESPACES = List.of("net", "mnt", "pid");

    private LauncherRequest() {
    }

    /** The launcher runs where this server cannot serve it (another namespace): it must start a server of its own. */
    static final class Elsewhere extends IOException {
        private static final long serialVersionUID = 1L;

        Elsewhere(String message) {
            super(message);
        }
    }

    /**
     * The request of {@code launcher}; the connection stays open for the answer.
     *
     * @throws Elsewhere if it runs in another namespace
     * @throws IOException if it is not this user's, or its request is malformed (one line)
     */
    static SessionRequest read(Rendezvous rendezvous, LocalSocket.Connection launcher) throws IOException {
        long pid = launcher.pid();
        if (launcher.uid() != rendezvous.uid()) {
            throw new IOException("process " + pid + " of user " + launcher.uid() + " is not this server's user");
        }
        if (pid <= 0) {
            throw new Elsewhere("the launcher runs in another pid namespace");
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        if (Rendezvous.uidOf(proc) != rendezvous.uid()) {
            throw new IOException("process " + pid + " belongs to another user");
        }
        for (String ns : NAMESPACES) {
            Path theirs = Files.readSymbolicLink(proc.resolve("ns").resolve(ns));
            if (!theirs.equals(Files.readSymbolicLink(Path.of("/proc/self/ns", ns)))) {
                throw new Elsewhere("process " + pid + " is in another " + ns + " namespace");
            }
        }
        List<String> words = nulSeparated(launcher.readToEnd(MAX_REQUEST_BYTES));
        if (words.isEmpty()) {
            throw new IOException("process " + pid + " named no program");
        }
        Map<String, String> env = new HashMap<>();
        for (String entry : nulSeparated(Files.readAllBytes(proc.resolve("environ")))) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        Path stdin = proc.resolve("fd").resolve("0");
        boolean terminal = isTerminal(stdin);
        int[] size = terminal ? Posix.windowSize(stdin) : new int[0];
        return new SessionRequest(words.get(0), List.copyOf(words.subList(1, words.size())), env, terminal, size);
    }

    /** The NUL-ended words of {@code bytes} (a last word without its NUL counts too). */
    static List<String> nulSeparated(byte[] bytes) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length ? i > start : bytes[i] == 0) {
                words.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return words;
    }

    private static boolean isTerminal(Path fd) {
        try {
            return SessionRequest.isTerminal(fd);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
