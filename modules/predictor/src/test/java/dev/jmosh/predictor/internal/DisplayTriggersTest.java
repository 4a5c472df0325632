package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The timing triggers at their exact thresholds, with their hysteresis. */
class DisplayTriggersTest {
    private final DisplayTriggers t = new DisplayTriggers();

    @Test
    void srttTriggerTurnsOnAbove30Milliseconds() {
        t.update(30, false);
        assertThat(t.srttTrigger()).isFalse();
        t.update(31, false);
        assertThat(t.srttTrigger()).isTrue();
    }

    @Test
    void srttTriggerTurnsOffAt20OnlyWithoutPredictions() {
        t.update(31, false);
        t.update(21, false);
        assertThat(t.srttTrigger()).as("hysteresis between 20 and 30").isTrue();
        t.update(20, true);
        assertThat(t.srttTrigger()).as("kept while predictions are active").isTrue();
        t.update(20, false);
        assertThat(t.srttTrigger()).isFalse();
    }

    @Test
    void flaggingTurnsOnAbove80AndOffAt50() {
        t.update(80, false);
        assertThat(t.flagging()).isFalse();
        t.update(81, false);
        assertThat(t.flagging()).isTrue();
        t.update(51, false);
        assertThat(t.flagging()).as("hysteresis between 50 and 80").isTrue();
        t.update(50, false);
        assertThat(t.flagging()).isFalse();
    }

    @Test
    void aPredictionPending250MillisecondsIsAGlitch() {
        t.pending(249);
        assertThat(t.glitchTrigger()).isZero();
        t.pending(250);
        assertThat(t.glitchTrigger()).isEqualTo(10);
        t.pending(4999);
        assertThat(t.glitchTrigger()).isEqualTo(10);
    }

    @Test
    void aPredictionPendingFiveSecondsAlsoFlags() {
        t.pending(5000);
        assertThat(t.glitchTrigger()).isEqualTo(20);
        t.pending(300);
        assertThat(t.glitchTrigger()).as("a smaller glitch does not lower it").isEqualTo(20);
        t.update(20, false);
        assertThat(t.flagging()).as("glitch above 10 forces flagging on a fast link").isTrue();
    }

    @Test
    void aGlitchOfExactlyTenDoesNotFlag() {
        t.pending(250);
        t.update(20, false);
        assertThat(t.flagging()).isFalse();
    }

    @Test
    void quickConfirmationsRepairTheGlitchAtMostOnceEvery150Milliseconds() {
        t.pending(250);
        long now = 0; // mosh's last_quick_confirmation starts at 0: the first one always counts
        t.confirmed(249, now);
        assertThat(t.glitchTrigger()).isEqualTo(9);
        t.confirmed(10, now + 149);
        assertThat(t.glitchTrigger()).as("too soon after the last").isEqualTo(9);
        t.confirmed(10, now + 150);
        assertThat(t.glitchTrigger()).isEqualTo(8);
        t.confirmed(250, now + 1000);
        assertThat(t.glitchTrigger()).as("not quick").isEqualTo(8);
    }

    @Test
    void confirmationsDoNotGoBelowZero() {
        t.confirmed(1, 1_000);
        assertThat(t.glitchTrigger()).isZero();
    }

    @Test
    void tenQuickConfirmationsCureAGlitch() {
        t.pending(250);
        for (int i = 0; i < 10; i++) {
            t.confirmed(5, 1_000 + 150L * i);
        }
        assertThat(t.glitchTrigger()).isZero();
    }

    @Test
    void timingTestsStopOnlyOnceGlitchingAndFlagging() {
        assertThat(t.timingTestsNecessary()).isTrue();
        t.pending(250);
        assertThat(t.timingTestsNecessary()).isTrue();
        t.update(81, false);
        assertThat(t.timingTestsNecessary()).isFalse();
    }
}
