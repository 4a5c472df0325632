package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.predictor.PredictionDisplay;
import org.junit.jupiter.api.Test;

/** Epochs, confirmation by the server's echo ack, and what a wrong guess costs (mosh {@code cull}). */
class ConfirmationTest {
    private static Harness prompt() {
        return Harness.always("$ ").confirmed("l");
    }

    @Test
    void aPredictionIsPendingUntilTheEchoAckReachesItsState() {
        Harness h = prompt().type("s");
        long state = h.sent;
        h.ack(state - 1);
        assertThat(h.row(0)).as("pending: still shown although the server does not show it").isEqualTo("$ ls");
        h.ack(state);
        assertThat(h.row(0)).as("echoed without it: wrong").isEqualTo("$ l");
        assertThat(h.predictions().active()).isFalse();
    }

    @Test
    void aCorrectPredictionIsRetiredAndTheServersCellShown() {
        Harness h = prompt().type("s").echo("\033[1ms");
        assertThat(h.row(0)).isEqualTo("$ ls");
        assertThat(h.shown.cell(0, 3).rendition().bold()).isTrue();
        assertThat(h.predictions().row(0, 20).active()).isFalse();
    }

    @Test
    void aCorrectPredictionProvesItsWholeEpoch() {
        Harness h = prompt();
        h.type("\u0003"); // unpredictable: a new epoch
        h.type("a").type("b");
        assertThat(h.row(0)).as("tentative").isEqualTo("$ l");
        long epoch = h.predictions().predictionEpoch;
        h.host("a").ack(h.sent - 1); // the server shows a, and has echoed up to a's state
        assertThat(h.predictions().confirmedEpoch).isEqualTo(epoch);
        assertThat(h.row(0)).as("b, of the proven epoch, is now shown").isEqualTo("$ lab");
    }

    @Test
    void aCorrectPredictionGivesTheRestOfTheRowTheServersRendition() {
        Harness h = prompt();
        h.type("a").type("b");
        h.host("\033[4ma\033[0m").ack(h.sent - 1);
        assertThat(h.shown.cell(0, 4).text()).isEqualTo("b");
        assertThat(h.shown.cell(0, 4).rendition().underlined()).isTrue();
    }

    @Test
    void aBlankPredictionEarnsNoCredit() {
        Harness h = prompt();
        h.type("\u0003").type(" ");
        long confirmed = h.predictions().confirmedEpoch;
        h.echo("^C ");
        assertThat(h.predictions().confirmedEpoch).isEqualTo(confirmed);
    }

    @Test
    void matchingWhatWasThereBeforeEarnsNoCredit() {
        Harness h = prompt().host("x\033[D");
        h.type("\u0003").type("x"); // overwrite would leave it, so the x proves nothing
        long confirmed = h.predictions().confirmedEpoch;
        h.echo("x");
        assertThat(h.predictions().confirmedEpoch).isEqualTo(confirmed);
        assertThat(h.predictions().row(0, 20).cells[3].active).isFalse();
    }

    @Test
    void unknownCellsEarnNoCreditAndAreNeverWrong() {
        Harness h = prompt();
        h.type("\u007f"); // the last two cells become unknown
        h.echo("\b\033[K");
        assertThat(h.predictions().active()).isFalse();
        assertThat(h.row(0)).isEqualTo("$");
    }

    @Test
    void aWrongTentativePredictionKillsItsEpoch() {
        Harness h = prompt();
        h.type("\u0003").type("a").type("b"); // tentative, never shown
        long killed = h.predictions().predictionEpoch;
        h.host("^C\r\n$ ").ack(h.sent - 1); // a's state echoed, and no a on the screen
        Predictions p = h.predictions();
        assertThat(p.predictionEpoch).as("a new epoch").isEqualTo(killed + 1);
        assertThat(p.confirmedEpoch).isEqualTo(killed - 1);
        assertThat(p.row(0, 20).active()).as("b went with a's epoch").isFalse();
        // unlike a reset, a kill predicts the cursor where the server has it, pending the next state
        assertThat(p.cursors).singleElement().satisfies(c -> {
            assertThat(new int[] {c.row, c.col}).containsExactly(1, 2);
            assertThat(c.expirationFrame).isEqualTo(h.sent);
            assertThat(c.tentativeUntilEpoch).isEqualTo(killed);
        });
        assertThat(h.shown).isEqualTo(h.server.framebuffer());
    }

    @Test
    void aWrongPredictionThatWasShownResetsEverything() {
        Harness h = prompt();
        h.type("s");
        long epoch = h.predictions().predictionEpoch;
        h.echo("X");
        assertThat(h.row(0)).isEqualTo("$ lX");
        assertThat(h.predictions().cursors).isEmpty();
        assertThat(h.predictions().rows).isEmpty();
        assertThat(h.predictions().predictionEpoch).isEqualTo(epoch + 1);
    }

    @Test
    void aWrongCursorPredictionResetsEverything() {
        Harness h = prompt();
        h.type("\033[D");
        h.echo(""); // the server ignored the arrow
        assertThat(h.cursor()).containsExactly(0, 3);
        assertThat(h.predictions().cursors).isEmpty();
    }

    @Test
    void aRightCursorPredictionIsRetired() {
        Harness h = prompt();
        h.type("\033[D").echo("\b");
        assertThat(h.cursor()).containsExactly(0, 2);
        assertThat(h.predictions().cursors).isEmpty();
    }

    @Test
    void anEchoAckOfTwoToTheSixtyFourMinusOneCountsAsTheNewest() {
        Harness h = prompt().type("s");
        h.host("s").ack(-1L); // unsigned: 2^64-1 acknowledges every state
        assertThat(h.predictions().active()).isFalse();
        assertThat(h.row(0)).isEqualTo("$ ls");
    }

    @Test
    void aServerWithoutEchoAcksLeavesPredictionsPendingForever() {
        Harness h = prompt().type("s");
        h.host("s").after(60_000);
        assertThat(h.predictions().row(0, 20).cells[3].active).isTrue();
        assertThat(h.row(0)).isEqualTo("$ ls");
    }

    @Test
    void experimentalModeNeverHoldsPredictionsBack() {
        Harness h = new Harness(PredictionDisplay.EXPERIMENTAL, false, 20, 5, "$ ");
        h.type("l");
        assertThat(h.row(0)).as("shown before any confirmation").isEqualTo("$ l");
        h.type("\u0003").type("s");
        assertThat(h.row(0)).isEqualTo("$ ls");
    }

    @Test
    void experimentalModeKillsOnlyTheWrongCell() {
        Harness h = new Harness(PredictionDisplay.EXPERIMENTAL, false, 20, 5, "$ ");
        h.type("a").type("b");
        h.host("X").ack(h.sent - 1); // a was wrong; b is still pending
        assertThat(h.row(0)).isEqualTo("$ Xb");
        assertThat(h.predictions().row(0, 20).cells[3].active).isTrue();
    }

    @Test
    void experimentalModeDropsOnlyTheCursorWhenItIsWrong() {
        Harness h = new Harness(PredictionDisplay.EXPERIMENTAL, false, 20, 5, "$ ");
        h.type("a");
        h.type("\033[D");
        h.echo("a");
        assertThat(h.predictions().cursors).isEmpty();
        assertThat(h.cursor()).containsExactly(0, 3);
    }
}
