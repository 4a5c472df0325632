package dev.jmosh.conformance;

import dev.jmosh.conformance.relay.Impairment;
import dev.jmosh.conformance.trace.Screen;
import dev.jmosh.conformance.trace.ScreenLog;
import dev.jmosh.conformance.trace.ScreenLog.Snapshot;
import dev.jmosh.conformance.trace.Trace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replays a keystroke {@link Trace} into a client talking to mosh-server through the impairment
 * relay, the client on a terminal of its own whose drawing is followed in a {@link ScreenLog}.
 *
 * <p>The session runs in a work directory at a fixed path, re-made before every session with the
 * same files (so that {@code ls}, {@code pwd} and vim's messages are the same every time): a
 * shell ({@code bash --norc}, prompt {@code "$ "}, no history file) or vim ({@code -u NONE}, no
 * swap file, a short key-code timeout so that Esc takes effect at once).
 *
 * <p>The {@link #reference} types one keystroke at a time with no delay and prediction off, and
 * lets the display settle (no change for {@value #QUIET_MS} ms) after each: the screen after every
 * keystroke, and the screens seen on the way. A {@link #replay} types at the trace's own pace.
 */
final class TraceReplay {
    static final int COLUMNS = 80;
    static final int ROWS = 24;
    static final int QUIET_MS = 300;

    /** The screens of a reference run: before any keystroke and after each, and those seen while each settled. */
    record Reference(List<Screen> truth, List<List<Screen>> seen) {
    }

    /** A replay: when each keystroke was sent, what the display showed from the first on, and at the end. */
    record Replay(long[] sent, List<Snapshot> display, Screen end) {
    }

    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"),
            "jmosh-trace-" + ProcessHandle.current().pid(), "work");

    private TraceReplay() {
    }

    /** Types the trace slowly with mosh-client, prediction off, no delay. */
    static Reference reference(Trace trace) throws Exception {
        ScreenLog log = new ScreenLog(COLUMNS, ROWS);
        try (RelayedSession s = session(trace, "mosh-client", Map.of("MOSH_PREDICTION_DISPLAY", "never"), log)) {
            awaitStart(log, trace);
            List<Screen> truth = new ArrayList<>(List.of(log.current()));
            List<List<Screen>> seen = new ArrayList<>();
            for (Trace.Key key : trace.keys()) {
                int from = log.count();
                s.pty.type(new String(key.bytes(), StandardCharsets.UTF_8));
                log.awaitQuiet(QUIET_MS, 10_000);
                seen.add(log.since(from));
                truth.add(log.current());
            }
            return new Reference(List.copyOf(truth), List.copyOf(seen));
        }
    }

    /**
     * Types the trace at its pace into {@code client} with {@code env}, the relay delaying each
     * way by {@code delayMs}, once the display shows {@code start}; then waits for {@code end}.
     */
    static Replay replay(Trace trace, String client, Map<String, String> env, int delayMs, Screen start, Screen end)
            throws Exception {
        ScreenLog log = new ScreenLog(COLUMNS, ROWS);
        try (RelayedSession s = session(trace, RelayedSession.client(client), env, log)) {
            s.relay.impair(new Impairment(0, delayMs, 0, 0, 0)); // slow from the first round trip
            if (!log.await(sc -> sc.sameText(start), 30_000)) {
                throw new AssertionError(client + ": the display never showed the start of " + trace.name()
                        + "; it shows\n" + log.current());
            }
            Thread.sleep(1000); // the user looks at the screen before typing
            long[] sent = new long[trace.keys().size()];
            long due = System.nanoTime();
            for (int k = 0; k < sent.length; k++) {
                Trace.Key key = trace.keys().get(k);
                due += key.pauseMillis() * 1_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
                sent[k] = System.nanoTime();
                s.pty.type(new String(key.bytes(), StandardCharsets.UTF_8));
            }
            log.await(sc -> sc.sameText(end), 10_000L + 8L * delayMs);
            log.awaitQuiet(QUIET_MS + 2L * delayMs, 10_000);
            List<Snapshot> all = log.snapshots();
            int first = 0;
            while (first + 1 < all.size() && all.get(first + 1).nanos() <= sent[0]) {
                first++;
            }
            return new Replay(sent, List.copyOf(all.subList(first, all.size())), log.current());
        }
    }

    /**
     * How long a display may lag behind the keystrokes before what it shows counts as wrong
     * ({@link dev.jmosh.conformance.trace.ResponseAnalysis}): two one-way delays and 1.5 s.
     */
    static long windowNanos(int delayMs) {
        return (2L * delayMs + 1500) * 1_000_000L;
    }

    private static void awaitStart(ScreenLog log, Trace trace) throws InterruptedException {
        if (!log.await(sc -> !sc.blank(), 30_000)) {
            throw new AssertionError("the reference session for " + trace.name() + " never drew; it shows\n"
                    + log.current());
        }
        log.awaitQuiet(1000, 10_000);
    }

    private static RelayedSession session(Trace trace, String client, Map<String, String> env, ScreenLog log)
            throws Exception {
        prepareWorkDirectory();
        return RelayedSession.onPty(client, "mosh-server", env, COLUMNS, ROWS, 11, script(trace), log);
    }

    /** What the server runs for the trace's {@code @command}. */
    private static String script(Trace trace) {
        String dir = WORK.toString();
        return switch (trace.command()) {
            case "bash" -> "cd " + dir + " && exec env HOME=" + dir + " PS1='$ ' HISTFILE=/dev/null"
                    + " bash --norc --noprofile -i";
            case "vim" -> "cd " + dir + " && exec env HOME=" + dir + " vim -u NONE -N -n -i NONE"
                    + " --cmd 'set ttimeout ttimeoutlen=20' notes.txt";
            default -> throw new IllegalArgumentException(trace.name() + ": unknown @command " + trace.command());
        };
    }

    /** Deletes the work directory (once the sessions are closed). */
    static void cleanUp() throws IOException {
        Path top = WORK.getParent();
        if (Files.exists(top)) {
            try (Stream<Path> all = Files.walk(top)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Re-makes the work directory with the same files as every time. */
    private static void prepareWorkDirectory() throws IOException {
        cleanUp();
        Files.createDirectories(WORK.resolve("docs"));
        Files.writeString(WORK.resolve("notes.txt"), """
                Notes
                first line of the notes
                second line
                third line: remember the milk
                fourth line
                fifth line, the last of the list
                """, StandardCharsets.UTF_8);
        Path login = WORK.resolve("login");
        Files.writeString(login, """
                #!/bin/bash
                read -rs -p 'Password: ' pw
                echo
                if [ "$pw" = 'correct horse battery' ]; then echo 'Welcome.'; else echo 'Sorry, try again.'; fi
                """, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(login, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
