package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.predictor.PredictionDisplay;
import org.junit.jupiter.api.Test;

/** When predictions are drawn and underlined (mosh {@code apply}, the triggers in {@code cull}). */
class DisplayModeTest {
    /** A proven prompt "$ l" on an engine in {@code mode}, on a fast link (send interval 20 ms). */
    private static Harness prompt(PredictionDisplay mode) {
        return new Harness(mode, false, 20, 5, "$ ").confirmed("l");
    }

    @Test
    void adaptiveHidesPredictionsOnAFastLink() {
        Harness h = prompt(PredictionDisplay.ADAPTIVE).type("s");
        assertThat(h.row(0)).isEqualTo("$ l");
        assertThat(h.cursor()).containsExactly(0, 3);
    }

    @Test
    void adaptiveShowsPredictionsAboveA30MillisecondSendInterval() {
        Harness h = prompt(PredictionDisplay.ADAPTIVE).sendInterval(30).type("s");
        assertThat(h.row(0)).isEqualTo("$ l");
        h.sendInterval(31);
        assertThat(h.row(0)).isEqualTo("$ ls");
        assertThat(h.cursor()).containsExactly(0, 4);
    }

    @Test
    void theSrttTriggerStaysOnWhilePredictionsAreActive() {
        Harness h = prompt(PredictionDisplay.ADAPTIVE).sendInterval(31).type("s").sendInterval(20);
        assertThat(h.row(0)).as("still shown while s is outstanding").isEqualTo("$ ls");
        h.echo("s").type("t");
        assertThat(h.row(0)).as("off once nothing was outstanding").isEqualTo("$ ls");
    }

    @Test
    void adaptiveShowsAPredictionPending250Milliseconds() {
        Harness h = prompt(PredictionDisplay.ADAPTIVE).type("s");
        h.after(249);
        assertThat(h.row(0)).isEqualTo("$ l");
        h.after(1);
        assertThat(h.row(0)).isEqualTo("$ ls");
        assertThat(h.underlined(0, 3)).as("a short glitch is not flagged").isFalse();
    }

    @Test
    void aPredictionPendingFiveSecondsIsUnderlined() {
        Harness h = prompt(PredictionDisplay.ADAPTIVE).type("s");
        h.after(4_999);
        assertThat(h.underlined(0, 3)).isFalse();
        h.after(1);
        assertThat(h.triggers().glitchTrigger()).isEqualTo(20);
        h.after(0); // flagging follows the glitch trigger at the next check
        assertThat(h.row(0)).isEqualTo("$ ls");
        assertThat(h.underlined(0, 3)).isTrue();
    }

    @Test
    void quickConfirmationsRepairTheGlitchTrigger() {
        Harness h = prompt(PredictionDisplay.ADAPTIVE).type("s").after(250).echo("s");
        assertThat(h.triggers().glitchTrigger()).as("a slow confirmation does not repair").isEqualTo(10);
        String typed = "abcdefghij";
        for (int i = 0; i < typed.length(); i++) {
            String c = typed.substring(i, i + 1);
            h.type(c).after(10).echo(c).after(140);
        }
        assertThat(h.triggers().glitchTrigger()).isZero();
        h.type("z");
        assertThat(h.row(0)).as("hidden again").isEqualTo("$ lsabcdefghij");
    }

    @Test
    void alwaysShowsOnAFastLinkWithoutUnderline() {
        Harness h = prompt(PredictionDisplay.ALWAYS).type("s");
        assertThat(h.row(0)).isEqualTo("$ ls");
        assertThat(h.underlined(0, 3)).isFalse();
    }

    @Test
    void predictionsAreUnderlinedAbove80MillisecondsUntil50() {
        Harness h = prompt(PredictionDisplay.ALWAYS).sendInterval(80).type("s");
        assertThat(h.underlined(0, 3)).isFalse();
        h.sendInterval(81);
        assertThat(h.underlined(0, 3)).isTrue();
        h.sendInterval(51);
        assertThat(h.underlined(0, 3)).isTrue();
        h.sendInterval(50);
        assertThat(h.underlined(0, 3)).isFalse();
    }

    @Test
    void blankOverBlankIsNotUnderlined() {
        Harness h = prompt(PredictionDisplay.ALWAYS).sendInterval(250).type(" ").type("x");
        assertThat(h.row(0)).isEqualTo("$ l x");
        assertThat(h.underlined(0, 3)).isFalse();
        assertThat(h.underlined(0, 4)).isTrue();
    }

    @Test
    void unknownCellsAreOnlyUnderlinedAndNeverInTheLastColumn() {
        Harness h = new Harness(PredictionDisplay.ALWAYS, false, 10, 3, "$ ").sendInterval(250).confirmed("a");
        h.host("bcdefgh\r\033[5C");
        h.type("\u007f");
        assertThat(h.row(0)).isEqualTo("$ abdefggh");
        assertThat(h.underlined(0, 4)).isTrue();
        assertThat(h.underlined(0, 8)).as("unknown: the server's g, underlined").isTrue();
        assertThat(h.underlined(0, 9)).as("unknown in the last column").isFalse();
    }

    @Test
    void neverPredictsNothing() {
        Harness h = new Harness(PredictionDisplay.NEVER, false, 20, 5, "$ ").sendInterval(250);
        h.type("ls");
        assertThat(h.row(0)).isEqualTo("$");
        assertThat(h.predictions().active()).isFalse();
        assertThat(h.engine.wakeupMillis(h.now)).isEqualTo(-1);
        h.echo("ls");
        assertThat(h.shown).isEqualTo(h.server.framebuffer());
    }

    @Test
    void theEngineAsksToBeWokenEvery50MillisecondsWhileATimingTriggerMayFire() {
        Harness h = prompt(PredictionDisplay.ADAPTIVE);
        assertThat(h.engine.wakeupMillis(h.now)).as("nothing outstanding").isEqualTo(-1);
        h.type("s");
        assertThat(h.engine.wakeupMillis(h.now)).isEqualTo(50);
        h.after(5_000).after(0);
        assertThat(h.engine.wakeupMillis(h.now)).as("glitching and flagging: nothing left to fire").isEqualTo(-1);
    }
}
