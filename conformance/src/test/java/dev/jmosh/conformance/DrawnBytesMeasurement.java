package dev.jmosh.conformance;

import dev.jmosh.conformance.trace.Screen;
import dev.jmosh.conformance.trace.ScreenLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many bytes a client writes to its terminal for the same scripted session (issue 13): each
 * client on its own pty ({@link PtyClient}) against its own mosh-server running bash, prediction
 * off, through three scenarios: {@code ls -l /usr/bin}, 150 lines printed 20 ms apart (a build
 * log), and a vim session (open a 400-line file of random words, ten pages down, to the end and
 * back, insert a line, quit). Only the bytes drawn during a
 * scenario count (from the prompt to the prompt). How many frames the server sends depends on
 * timing, so each scenario runs several times and every run is reported.
 *
 * <p>Options: {@code -Djmosh.measure.clients=mosh-client,jmosh-client,/path/to/other/jmosh-client}
 * (a name, or a client program to compare, e.g. an older build), {@code -Djmosh.measure.rounds=N}
 * (default 3).
 *
 * <p>A measurement, not a test: it runs only with {@code -Djmosh.measure=bytes}, asserts nothing
 * about the figures, prints them and writes {@code conformance/target/drawn-bytes.txt}.
 */
class DrawnBytesMeasurement {
    private static final int COLS = 80;
    private static final int ROWS = 24;
    private static final long WAIT_MS = 30_000;
    private static final List<String> WORDS = List.of("the", "of", "and", "a", "to", "in", "is", "you", "that",
            "it", "he", "was", "for", "on", "are", "as", "with", "his", "they", "I", "at", "be", "this", "have",
            "from", "or", "one", "had", "by", "word", "but", "not", "what", "all", "were", "we", "when", "your",
            "can", "said", "there", "use", "an", "each", "which", "she", "do", "how", "their", "if", "terminal",
            "synchronization", "protocol", "datagram", "framebuffer", "prediction");

    @TempDir
    Path dir;

    @Test
    @Timeout(1800)
    void bytesDrawnPerScenario() throws Exception {
        Assumptions.assumeTrue(Measurements.selected("bytes"), "run with -Djmosh.measure=bytes");
        Conformance.require("mosh-server", "mosh-client", "script", "vim");
        StringBuilder text = new StringBuilder();
        java.util.Random words = new java.util.Random(13);
        for (int i = 1; i <= 400; i++) {
            text.append("line ").append(i).append(':');
            for (int w = words.nextInt(12); w > 0; w--) { // prose-like: lines of differing words
                text.append(' ').append(WORDS.get(words.nextInt(WORDS.size())));
            }
            text.append('\n');
        }
        Files.writeString(dir.resolve("text.txt"), text.toString(), StandardCharsets.UTF_8);
        List<String> clients = List.of(Measurements.option("bytes", "clients", "mosh-client,jmosh-client")
                .split(","));
        int rounds = Measurements.intOption("bytes", "rounds", 3);
        Map<String, Map<String, List<Long>>> bytes = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String client : clients) {
                Map<String, Long> run = session(client);
                run.forEach((scenario, n) -> bytes.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                        .computeIfAbsent(client, c -> new ArrayList<>()).add(n));
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "bytes written to the terminal per scenario, %dx%d, mosh-server, prediction off, %d rounds%n",
                COLS, ROWS, rounds));
        bytes.forEach((scenario, byClient) -> {
            report.append(scenario).append('\n');
            double first = Measurements.mean(byClient.values().iterator().next()); // mosh-client comes first
            byClient.forEach((client, runs) -> report.append(String.format(Locale.ROOT,
                    "  %-40s mean %9.0f  x first %5.2f  runs %s%n", client, Measurements.mean(runs),
                    Measurements.mean(runs) / first, runs)));
        });
        Measurements.report("drawn-bytes.txt", report);
    }

    /** One session of {@code client}: the bytes drawn for each scenario. */
    private Map<String, Long> session(String client) throws Exception {
        Map<String, Long> drawn = new LinkedHashMap<>();
        String program = client.contains("/") ? client : RelayedSession.client(client);
        try (MoshServer server = MoshServer.start("/bin/bash", "--norc", "--noprofile")) {
            ScreenLog screens = new ScreenLog(COLS, ROWS);
            try (PtyClient pty = new PtyClient(COLS, ROWS, "env LANG=C.UTF-8 MOSH_PREDICTION_DISPLAY=never MOSH_KEY="
                    + server.key + " " + program + " 127.0.0.1 " + server.port, screens)) {
                await(screens, s -> s.text().contains("$\n") || s.text().contains("#\n"), client + ": no prompt");
                pty.type("cd " + dir + " && PS1='$ ' && clear\r");
                await(screens, s -> s.text().startsWith("$\n"), client + ": no clear screen");

                long before = pty.bytesRead();
                pty.type("ls -l /usr/bin; echo LS-$((1+1))-DONE\r");
                await(screens, s -> s.text().contains("LS-2-DONE\n$"), client + ": ls did not finish");
                drawn.put("ls -l /usr/bin", pty.bytesRead() - before);

                pty.type("clear\r");
                await(screens, s -> s.text().startsWith("$\n"), client + ": no clear screen");
                before = pty.bytesRead();
                pty.type("for i in $(seq 1 150); do echo \"step $i: compiling module-$((i * 7 % 13)).c\"; sleep 0.02;"
                        + " done; echo SLOW-$((1+1))-DONE\r");
                await(screens, s -> s.text().contains("SLOW-2-DONE\n$"), client + ": the loop did not finish");
                drawn.put("150 lines, 20 ms apart", pty.bytesRead() - before);

                pty.type("clear\r");
                await(screens, s -> s.text().startsWith("$\n"), client + ": no clear screen");
                before = pty.bytesRead();
                pty.type("vim -u NONE -N -i NONE text.txt\r");
                await(screens, s -> s.text().contains("\"text.txt\""), client + ": vim did not start");
                for (int page = 0; page < 10; page++) {
                    String last = "line " + (23 + 21 * (page + 1)) + ":"; // vim keeps two lines of the last page
                    pty.type("\006");
                    await(screens, s -> s.text().contains(last), client + ": page " + page + " not shown");
                }
                pty.type("G");
                await(screens, s -> s.text().contains("line 400:"), client + ": G");
                pty.type("gg");
                await(screens, s -> s.text().startsWith("line 1:"), client + ": gg");
                pty.type("5Goan inserted line\033");
                await(screens, s -> s.text().contains("an inserted line") && !s.text().contains("INSERT"),
                        client + ": insert");
                pty.type(":q!\r");
                await(screens, s -> s.cursorCol == 2 && s.row(s.cursorRow).startsWith("$ "),
                        client + ": vim did not quit");
                drawn.put("vim session", pty.bytesRead() - before);
            }
        }
        return drawn;
    }

    /** Waits for {@code p}, then for the screen to settle; fails with {@code what} if it does not come. */
    private static void await(ScreenLog screens, Predicate<Screen> p, String what) throws InterruptedException {
        if (!screens.await(p, WAIT_MS) || !screens.awaitQuiet(300, WAIT_MS)) {
            throw new AssertionError(what + ":\n" + screens.current());
        }
    }
}
