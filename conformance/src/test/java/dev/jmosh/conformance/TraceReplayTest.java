package dev.jmosh.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.conformance.TraceReplay.Reference;
import dev.jmosh.conformance.TraceReplay.Replay;
import dev.jmosh.conformance.trace.ResponseAnalysis;
import dev.jmosh.conformance.trace.ResponseAnalysis.KeyResult;
import dev.jmosh.conformance.trace.ResponseAnalysis.Result;
import dev.jmosh.conformance.trace.Trace;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trace-replay harness of {@link TraceReplayMeasurement} on its short {@code smoke} trace (a
 * shell line with CJK characters and a backspace over one, then another line), at 50 ms each way
 * with prediction on: the reference run has an effect for every keystroke, and each client ends
 * on the reference's screen with every keystroke's effect found on its display. It asserts no
 * timing; the figures are the measurement's business.
 */
class TraceReplayTest {
    private static Reference reference;

    @AfterAll
    static void cleanUp() throws Exception {
        TraceReplay.cleanUp();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mosh-client", "jmosh-client"})
    @Timeout(180)
    void aReplayEndsOnTheReferenceScreenWithEveryKeystrokeShown(String client) throws Exception {
        Conformance.require("mosh-server", "mosh-client", "script", "bash");
        Trace trace = Trace.load("smoke");
        synchronized (TraceReplayTest.class) {
            if (reference == null) {
                reference = TraceReplay.reference(trace);
            }
        }
        int n = trace.keys().size();
        assertThat(reference.truth().get(n).text()).contains("$ echo hi 世界", "hi 世界", "$ echo ok", "ok");
        Replay r = TraceReplay.replay(trace, client, Map.of("MOSH_PREDICTION_DISPLAY", "adaptive"), 50,
                reference.truth().get(0), reference.truth().get(n));
        assertThat(r.end().sameText(reference.truth().get(n))).as("%s ends on\n%s\nnot on\n%s", client, r.end(),
                reference.truth().get(n)).isTrue();
        Result result = ResponseAnalysis.analyse(reference.truth(), reference.seen(), r.sent(), r.display(),
                TraceReplay.windowNanos(50));
        assertThat(result.keys()).hasSize(n).allMatch(KeyResult::visible, "has a visible effect")
                .allMatch(KeyResult::shown, "was shown");
    }
}
