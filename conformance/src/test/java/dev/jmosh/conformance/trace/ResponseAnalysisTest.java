package dev.jmosh.conformance.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.conformance.trace.ResponseAnalysis.KeyResult;
import dev.jmosh.conformance.trace.ResponseAnalysis.Result;
import dev.jmosh.conformance.trace.ScreenLog.Snapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The response and misprediction rules of {@link ResponseAnalysis} on hand-made display logs. */
class ResponseAnalysisTest {
    private static final long MS = 1_000_000L;
    private static final long WINDOW = 2_000 * MS;

    private static Screen line(String text, int cursorCol) {
        return Screen.ofRows(20, 0, cursorCol, text);
    }

    private static Snapshot at(long ms, Screen s) {
        return new Snapshot(ms * MS, s);
    }

    private static long[] sent(long... ms) {
        long[] n = new long[ms.length];
        for (int i = 0; i < ms.length; i++) {
            n[i] = ms[i] * MS;
        }
        return n;
    }

    private static List<List<Screen>> settledOnly(List<Screen> truth) {
        List<List<Screen>> seen = new ArrayList<>();
        for (int k = 1; k < truth.size(); k++) {
            seen.add(List.of(truth.get(k)));
        }
        return seen;
    }

    private static Result analyse(List<Screen> truth, long[] sent, Snapshot... display) {
        return ResponseAnalysis.analyse(truth, settledOnly(truth), sent, List.of(display), WINDOW);
    }

    private static long ms(KeyResult r) {
        return r.responseNanos() / MS;
    }

    @Test
    void predictedKeystrokesAreShownAtOnceAndEchoedOnesAfterTheRoundTrip() {
        List<Screen> truth = List.of(line("$", 2), line("$ a", 3), line("$ ab", 4));
        Result r = analyse(truth, sent(1000, 1200), at(0, truth.get(0)), at(1001, truth.get(1)),
                at(1300, truth.get(2)));
        assertThat(r.keys()).extracting(ResponseAnalysisTest::ms).containsExactly(1L, 100L);
        assertThat(r.keys()).allMatch(k -> k.visible() && !k.mispredicted());
        assertThat(r.wrong()).isEmpty();
    }

    @Test
    void aGuessShownAtAPasswordPromptIsAMispredictionOfAKeystrokeWithNoVisibleEffect() {
        Screen prompt = line("Password:", 10);
        List<Screen> truth = List.of(prompt, prompt, prompt);
        Result r = analyse(truth, sent(1000, 1200), at(0, prompt), at(1002, line("Password: p", 11)),
                at(1400, prompt));
        assertThat(r.keys()).extracting(KeyResult::visible).containsExactly(false, false);
        assertThat(r.keys()).extracting(KeyResult::mispredicted).containsExactly(true, false);
        assertThat(r.wrong()).singleElement().satisfies(w -> {
            assertThat(w.key()).isEqualTo(1);
            assertThat(w.col()).isEqualTo(10);
            assertThat(w.shown()).isEqualTo("p");
        });
    }

    @Test
    void aKeystrokeIsNotShownBeforeTheOneTypedBeforeIt() {
        // x, then backspace 50 ms later; x's echo comes at 1100, the backspace's at 1150: the
        // blank cell on the display before 1100 is not yet the backspace's effect
        List<Screen> truth = List.of(line("$", 2), line("$ x", 3), line("$", 2));
        Result r = analyse(truth, sent(1000, 1050), at(0, truth.get(0)), at(1100, truth.get(1)),
                at(1150, truth.get(2)));
        assertThat(r.keys()).extracting(ResponseAnalysisTest::ms).containsExactly(100L, 100L);
        assertThat(r.wrong()).isEmpty();
    }

    @Test
    void aKeystrokeReplacedBeforeItWasShownCountsAsNeverShown() {
        // an editor took x and the backspace together: x never appeared
        List<Screen> truth = List.of(line("$", 2), line("$ x", 3), line("$", 2));
        Result r = analyse(truth, sent(1000, 1050), at(0, truth.get(0)), at(1150, line("$", 2)));
        assertThat(r.keys().get(0).shown()).isFalse();
        assertThat(r.keys().get(0).visible()).isTrue();
    }

    @Test
    void aLaterKeystrokesScreenShowsAnEarlierOneAsDone() {
        // a and b echoed together at 1300, a's cell already holding what b's screen has
        List<Screen> truth = List.of(line("$", 2), line("$ a", 3), line("$ ab", 4));
        Result r = analyse(truth, sent(1000, 1100), at(0, truth.get(0)), at(1300, truth.get(2)));
        assertThat(r.keys()).extracting(ResponseAnalysisTest::ms).containsExactly(300L, 200L);
    }

    @Test
    void aCursorMoveIsTheEffectOfAKeystrokeThatChangesNoCell() {
        List<Screen> truth = List.of(line("$ ab", 4), line("$ ab", 3));
        Result r = analyse(truth, sent(1000), at(0, truth.get(0)), at(1003, truth.get(1)));
        assertThat(r.keys()).singleElement().satisfies(k -> {
            assertThat(k.visible()).isTrue();
            assertThat(ms(k)).isEqualTo(3L);
        });
    }

    @Test
    void screensSeenWhileTheReferenceSettledAreNotMispredictions() {
        // the shell's output came in two writes
        List<Screen> truth = List.of(Screen.ofRows(20, 0, 4, "$ ls", "", ""), Screen.ofRows(20, 2, 2, "$ ls", "a  b", "$"));
        Screen partial = Screen.ofRows(20, 1, 1, "$ ls", "a", "");
        List<List<Screen>> seen = List.of(List.of(partial, truth.get(1)));
        Result r = ResponseAnalysis.analyse(truth, seen, sent(1000), List.of(at(0, truth.get(0)), at(1100, partial),
                at(1110, truth.get(1))), WINDOW);
        assertThat(r.wrong()).isEmpty();
        assertThat(ms(r.keys().get(0))).isEqualTo(110L);
    }

    @Test
    void aStaleScreenOlderThanTheWindowIsWrong() {
        List<Screen> truth = List.of(line("$", 2), line("$ a", 3), line("$ ab", 4));
        // at 9000 the display goes back to the screen before both keystrokes, long after them
        Result r = analyse(truth, sent(1000, 1100), at(0, truth.get(0)), at(1200, truth.get(2)),
                at(9000, truth.get(0)));
        assertThat(r.wrong()).hasSize(2);
        assertThat(r.wrong()).allMatch(w -> w.key() == 2);
    }
}
