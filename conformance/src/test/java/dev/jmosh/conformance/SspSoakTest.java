package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jmosh.conformance.relay.FaultSchedule;
import dev.jmosh.conformance.relay.ImpairmentRelay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5's soak test, for every pairing of {jmosh-client, mosh-client} x {jmosh-server,
 * mosh-server}: random typing and random output under a random {@link FaultSchedule} (loss with
 * delay and jitter, reordering with duplication, blackouts of 1-5 s, roaming, one direction much
 * worse than the other, clean spells), then a clean link; at the end every typed line has
 * reached the server's program in order and exactly once, and the client's screen has converged
 * to a screen the server drew.
 *
 * <p>The server runs a shell script on its tty (echo on): a ticker prints a line every 0.3 s,
 * each line read is appended to a file, and a line {@code out-...-N} also prints {@code seq 1 N}.
 * The test types like a person, each line in one to three pieces, each piece followed by a
 * pause of 20-300 ms, for as long as the faults last. Afterwards it waits for the file to hold every line, then
 * types {@code end-TOKEN}: the script stops the ticker, clears the screen and prints the file's
 * last 20 lines and an END line, and the pane must show exactly that.
 *
 * <p>Each pairing gets {@code jmosh.soak.seconds} of faults (default 15, so the four take about a
 * minute in CI); for a longer soak on demand:
 * <pre>
 * mvn -B -o -pl conformance -am verify -Djmosh.conformance.required=true -Dtest=SspSoakTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djmosh.soak.seconds=600 [-Djmosh.soak.seed=N]
 * </pre>
 * The seed of each pairing, derived from {@code jmosh.soak.seed} and the pairing's names, and its
 * fault schedule are printed before the run and are part of every failure message; the same
 * seed gives the same schedule, typed lines and pauses (the timing of the processes still varies).
 */
class SspSoakTest {
    private static final long DEFAULT_SEED = 20_260_505L;
    private static final int SHOWN = 20;
    private static final long ARRIVAL_MILLIS = 90_000;
    private static final long CONVERGENCE_MILLIS = 60_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("dev.jmosh.conformance.RelayedSession#pairings")
    void typingAndOutputSurviveRandomFaults(String clientName, String serverName) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "tmux");
        long seconds = Long.getLong("jmosh.soak.seconds", 15);
        long baseSeed = Long.getLong("jmosh.soak.seed", DEFAULT_SEED);
        long seed = baseSeed * 31 + (clientName + "/" + serverName).hashCode();
        FaultSchedule schedule = FaultSchedule.draw(seed, Duration.ofSeconds(seconds));
        String about = String.format("%s with %s, -Djmosh.soak.seed=%d -Djmosh.soak.seconds=%d (pairing seed %d)%n%s",
                clientName, serverName, baseSeed, seconds, seed, schedule);
        System.out.println("SspSoakTest: " + about);
        // longer than the waits below add up to (30 + 90 + 60 s, plus starting the server), so a
        // slow run fails on an assertion that names the schedule rather than on this timeout
        assertTimeoutPreemptively(Duration.ofSeconds(seconds + 240),
                () -> soak(clientName, serverName, seed, schedule, about));
    }

    private void soak(String clientName, String serverName, long seed, FaultSchedule schedule, String about)
            throws Exception {
        Path file = dir.resolve("typed.txt");
        String token = Conformance.token();
        String script = "echo READY;"
                + " (i=0; while echo tick-$i 2>/dev/null; do i=$((i+1)); sleep 0.3; done) & t=$!;"
                + " while IFS= read -r l; do case \"$l\" in"
                + " end-*) kill $t; wait $t 2>/dev/null; printf '\\033[H\\033[2J';"
                + " tail -n " + SHOWN + " " + file + " | sed 's/^/= /'; echo \"END $l\";;"
                + " out-*) printf '%s\\n' \"$l\" >> " + file + "; seq 1 \"${l##*-}\";;"
                + " *) printf '%s\\n' \"$l\" >> " + file + ";;"
                + " esac; done";
        long started = System.nanoTime();
        try (RelayedSession s = RelayedSession.start(clientName, serverName, 80, 24, seed, script)) {
            ImpairmentRelay relay = s.relay;
            // type only once the client runs and has heard from the server (before that the
            // keystrokes would reach a tty that is not raw yet)
            assertThat(s.tmux.await(sc -> sc.contains("READY"), 30_000)).as(about).contains("READY");
            long ready = System.nanoTime();
            schedule.playOn(relay);
            List<String> typed = typeUntil(s.tmux, new Random(seed), token, schedule.total());
            long typingEnded = System.nanoTime();
            List<String> arrived = RelayedSession.awaitLines(file, typed.size(), ARRIVAL_MILLIS);
            long allArrived = System.nanoTime();
            System.out.printf("SspSoakTest: %s with %s: ready after %d ms, typed %d lines in %d ms, %d arrived %d ms"
                    + " later; %s%n", clientName, serverName, millis(started, ready), typed.size(),
                    millis(ready, typingEnded), arrived.size(), millis(typingEnded, allArrived), relay);
            assertThat(schedule.failures()).as(about).isEmpty();
            assertThat(arrived).as("what the server's program received, via %s; %s", relay, about)
                    .containsExactlyElementsOf(typed);

            String end = "end-" + token;
            s.tmux.type(end);
            s.tmux.keys("Enter");
            List<String> expected = new ArrayList<>();
            for (String l : typed.subList(Math.max(0, typed.size() - SHOWN), typed.size())) {
                expected.add("= " + l);
            }
            expected.add("END " + end);
            String screen = s.tmux.await(sc -> rows(sc).equals(expected), CONVERGENCE_MILLIS);
            System.out.printf("SspSoakTest: %s with %s: the final screen after %d ms%n", clientName, serverName,
                    millis(allArrived, System.nanoTime()));
            assertThat(rows(screen)).as("the client's screen, via %s; %s", relay, about)
                    .containsExactlyElementsOf(expected);

            assertThat(relay.upstream().dropped()).as("the relay dropped upstream; %s", about).isPositive();
            assertThat(relay.downstream().dropped()).as("the relay dropped downstream; %s", about).isPositive();
            assertThat(relay.addressChanges()).as("the client roamed; %s", about).isPositive();
        }
    }

    /**
     * Types lines like a person for {@code length}: each line in one to three pieces, 20-300 ms
     * apart, then Enter; about one in five asks for output. Returns the lines typed.
     */
    private static List<String> typeUntil(Tmux tmux, Random rnd, String token, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        int most = (int) Math.max(1, length.toSeconds() * 20); // far more than pauses allow, but a bound
        List<String> typed = new ArrayList<>();
        while (System.nanoTime() < end && typed.size() < most) {
            int i = typed.size();
            String line = rnd.nextInt(5) == 0 ? String.format("out-%d-%s-%d", i, token, 20 + rnd.nextInt(481))
                    : String.format("line-%d-%s", i, token);
            int pieces = 1 + rnd.nextInt(3);
            int from = 0;
            for (int p = 1; p <= pieces; p++) {
                int to = p == pieces ? line.length() : from + rnd.nextInt(line.length() - from);
                while (to < line.length() && line.charAt(to) == '-') {
                    to++; // a piece starting with '-' would be an option to tmux send-keys
                }
                if (to > from) {
                    tmux.type(line.substring(from, to));
                }
                from = to;
                Thread.sleep(20 + rnd.nextInt(281));
            }
            tmux.keys("Enter");
            typed.add(line);
        }
        return typed;
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** The screen's lines without trailing blank ones. */
    private static List<String> rows(String screen) {
        List<String> rows = new ArrayList<>(screen.lines().map(String::stripTrailing).toList());
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }
}
