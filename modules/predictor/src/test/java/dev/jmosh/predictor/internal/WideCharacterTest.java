package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.predictor.PredictionDisplay;
import dev.jmosh.vt.Color;
import org.junit.jupiter.api.Test;

/**
 * Wide characters (width 2), beyond mosh: what is shown at once is what the server's emulator
 * will have after the application's echo ({@link Harness#serverAfter}), and the echo proves it.
 */
class WideCharacterTest {
    private static final String ZHONG = "\u4e2d";
    private static final String WEN = "\u6587";
    private static final String DEL = "\u007f";

    /** A proven shell prompt "$ l" with the cursor after it, on a 20x5 screen. */
    private static Harness prompt() {
        return Harness.always("$ ").confirmed("l");
    }

    private static Harness overwriting() {
        return new Harness(PredictionDisplay.ALWAYS, true, 20, 5, "$ ").confirmed("l");
    }

    /** An engine that never waits for an epoch to be proven, so that tentative guesses show. */
    private static Harness experimental(String screen) {
        return new Harness(PredictionDisplay.EXPERIMENTAL, false, 20, 5, screen);
    }

    @Test
    void aWideCharacterIsAWideCellAndACoveredOneAndTheCursorAdvancesTwo() {
        Harness h = prompt().type(ZHONG);
        assertThat(h.shown).isEqualTo(h.serverAfter(ZHONG));
        assertThat(h.shown.cell(0, 3).wide()).isTrue();
        assertThat(h.shown.cell(0, 3).text()).isEqualTo(ZHONG);
        assertThat(h.shown.covered(0, 4)).isTrue();
        assertThat(h.cursor()).containsExactly(0, 5);
        h.type(WEN).type("s");
        assertThat(h.row(0)).isEqualTo("$ l" + ZHONG + WEN + "s");
        assertThat(h.shown).isEqualTo(h.serverAfter(ZHONG + WEN + "s"));
        h.echoWithoutMisprediction(ZHONG + WEN + "s");
    }

    @Test
    void theEchoOfAWideCharacterProvesItsEpoch() {
        Harness h = Harness.always("$ ").type(ZHONG);
        assertThat(h.row(0)).as("tentative until proven").isEqualTo("$");
        h.echo(ZHONG);
        assertThat(h.predictions().confirmedEpoch).as("the wide cell was correct").isEqualTo(
                h.predictions().predictionEpoch);
        h.type(WEN);
        assertThat(h.row(0)).isEqualTo("$ " + ZHONG + WEN);
    }

    @Test
    void theWideCellIsCorrectAndTheCoveredCellEarnsNoCredit() {
        Harness h = prompt().type(ZHONG);
        ConditionalOverlayCell[] cells = h.predictions().row(0, 20).cells;
        h.server.write(ZHONG.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(cells[3].validity(h.server.framebuffer(), 0, h.sent)).isEqualTo(Validity.CORRECT);
        assertThat(cells[4].validity(h.server.framebuffer(), 0, h.sent)).isEqualTo(Validity.CORRECT_NO_CREDIT);
    }

    @Test
    void insertingInTheMiddleShiftsTheRowTwoColumns() {
        Harness h = prompt().host("abc\033[3D").type(ZHONG);
        assertThat(h.row(0)).isEqualTo("$ l" + ZHONG + "abc");
        assertThat(h.cursor()).containsExactly(0, 5);
        assertThat(h.shown).as("readline with ICH").isEqualTo(h.serverAfter("\033[2@" + ZHONG));
        assertThat(h.shown).as("readline redrawing the tail").isEqualTo(h.serverAfter(ZHONG + "abc\033[3D"));
        ConditionalOverlayCell[] cells = h.predictions().row(0, 20).cells;
        assertThat(cells[17].unknown).isFalse();
        assertThat(cells[18].unknown).as("the last two columns").isTrue();
        assertThat(cells[19].unknown).isTrue();
        h.echoWithoutMisprediction(ZHONG + "abc\033[3D");
    }

    @Test
    void narrowTypingBeforeAPredictedWideCharacterMovesItWhole() {
        Harness h = prompt().host("abc\033[3D").type(ZHONG).type("\033[D").type("x");
        assertThat(h.row(0)).isEqualTo("$ lx" + ZHONG + "abc");
        assertThat(h.shown.cell(0, 4).wide()).isTrue();
        assertThat(h.cursor()).containsExactly(0, 4);
    }

    @Test
    void withOverwriteAWideCharacterReplacesTwoCells() {
        Harness h = overwriting().host("abc\033[3D").type(ZHONG);
        assertThat(h.row(0)).isEqualTo("$ l" + ZHONG + "c");
        assertThat(h.shown).isEqualTo(h.serverAfter(ZHONG));
        h.echoWithoutMisprediction(ZHONG);
    }

    @Test
    void overwritingTheLeftHalfOfAWideCharacterUncoversItsRightHalf() {
        Harness h = overwriting().host("a" + ZHONG + "b\033[4D").type(WEN);
        assertThat(h.row(0)).isEqualTo("$ l" + WEN + " b");
        assertThat(h.shown).isEqualTo(h.serverAfter(WEN));
        h.echoWithoutMisprediction(WEN);
    }

    @Test
    void overwritingAWideCharacterWithANarrowOneUncoversItsRightHalf() {
        Harness h = overwriting().host(ZHONG + "\033[2D").type("x");
        assertThat(h.row(0)).isEqualTo("$ lx");
        assertThat(h.shown).isEqualTo(h.serverAfter("x"));
    }

    @Test
    void onTheRightHalfOfAWideCharacterNothingIsPredicted() {
        Harness h = prompt().host(ZHONG + "\033[D");
        long epoch = h.predictions().predictionEpoch;
        h.type(WEN);
        assertThat(h.row(0)).isEqualTo("$ l" + ZHONG);
        assertThat(h.predictions().predictionEpoch).isEqualTo(epoch + 1);
    }

    @Test
    void theRenditionIsTheWideCharacterToTheLeftNotItsCoveredCell() {
        Harness h = prompt().host("\033[32m" + ZHONG + "\033[0m").type(WEN);
        assertThat(h.shown.cell(0, 5).rendition().foreground()).isEqualTo(Color.indexed(2));
        h.type(ZHONG);
        assertThat(h.shown.cell(0, 7).rendition().foreground()).as("from the predicted one")
                .isEqualTo(Color.indexed(2));
    }

    @Test
    void inTheSecondToLastColumnItIsTentativeAndTheCursorWraps() {
        Harness h = Harness.always("").confirmed("a").host("\033[1;19H").type(ZHONG);
        assertThat(h.row(0)).as("tentative, as in the last column").isEqualTo("a");
        ConditionalCursorMove cursor = h.predictions().cursor();
        assertThat(new int[] {cursor.row, cursor.col}).as("wrapped to the next row").containsExactly(1, 0);
        h.echo(ZHONG + "\r\n");
        assertThat(h.row(0)).isEqualTo("a                 " + ZHONG);
        assertThat(h.predictions().confirmedEpoch).as("the character was right").isGreaterThan(2);
    }

    @Test
    void inTheSecondToLastColumnTheGuessIsTheEmulatorsOnceTheShellWraps() {
        Harness h = experimental("\033[1;19H").type(ZHONG);
        assertThat(h.shown.cell(0, 18).wide()).isTrue();
        assertThat(h.cursor()).containsExactly(1, 0);
        assertThat(h.shown).isEqualTo(h.serverAfter(ZHONG + "\r\n"));
    }

    @Test
    void inTheLastColumnTheEmulatorsWrapIsPredictedTentatively() {
        Harness h = Harness.always("").confirmed("a").host("\033[1;20Hz\033[1;20H").type(ZHONG);
        assertThat(h.row(0)).as("tentative").isEqualTo("a                  z");
        h.echo(ZHONG);
        assertThat(h.predictions().confirmedEpoch).as("the character was right").isEqualTo(
                h.predictions().predictionEpoch);
        assertThat(h.shown).isEqualTo(h.server.framebuffer());
        h.type("x");
        assertThat(h.row(1)).as("the wrapped cursor was right too").isEqualTo(ZHONG + "x");
    }

    @Test
    void inTheLastColumnTheGuessIsTheEmulatorsWrap() {
        Harness h = experimental("$ \033[2;1Habc\033[1;20Hz\033[1;20H").type(ZHONG);
        assertThat(h.row(0)).isEqualTo("$");
        assertThat(h.row(1)).isEqualTo(ZHONG + "abc");
        assertThat(h.cursor()).containsExactly(1, 2);
        assertThat(h.shown).as("inserting on the next row").isEqualTo(h.serverAfter("\033[4h" + ZHONG + "\033[4l"));
    }

    @Test
    void inTheLastColumnOfTheBottomRowNothingIsPredicted() {
        Harness h = Harness.always("").confirmed("a").host("\033[5;20H");
        long epoch = h.predictions().predictionEpoch;
        h.type(ZHONG);
        assertThat(h.predictions().predictionEpoch).isEqualTo(epoch + 1);
        assertThat(h.predictions().row(4, 20).active()).isFalse();
    }

    @Test
    void aWideCharacterShiftedToTheEdgeIsUnknown() {
        Harness h = prompt().host("abcdefghijklmn" + ZHONG + "\r\033[3C").type("X");
        assertThat(h.row(0)).isEqualTo("$ lXabcdefghijklmn" + ZHONG);
        assertThat(h.shown).isEqualTo(h.serverAfter("\033[@X"));
        ConditionalOverlayCell[] cells = h.predictions().row(0, 20).cells;
        assertThat(cells[19].unknown).isTrue();
        assertThat(cells[18].replacement.wide()).as("the wide character, whose right half is unknown").isTrue();
    }

    @Test
    void backspaceDeletesAWideCharacterWhole() {
        Harness h = prompt().host(ZHONG).type(DEL);
        assertThat(h.row(0)).isEqualTo("$ l");
        assertThat(h.cursor()).containsExactly(0, 3);
        assertThat(h.shown).isEqualTo(h.serverAfter("\b\b\033[K"));
        ConditionalOverlayCell[] cells = h.predictions().row(0, 20).cells;
        assertThat(cells[16].unknown).isFalse();
        assertThat(cells[17].unknown).as("the last three columns").isTrue();
        h.echoWithoutMisprediction("\b\b  \b\b");
    }

    @Test
    void backspaceInTheMiddlePullsTheRowTwoColumns() {
        Harness h = prompt().host(ZHONG + "ab\033[2D").type(DEL);
        assertThat(h.row(0)).isEqualTo("$ lab");
        assertThat(h.cursor()).containsExactly(0, 3);
        assertThat(h.shown).isEqualTo(h.serverAfter("\b\b\033[2P"));
        h.echoWithoutMisprediction("\b\b\033[2P");
    }

    @Test
    void backspaceDeletesAPredictedWideCharacter() {
        Harness h = prompt().type(ZHONG).type(WEN).type(DEL);
        assertThat(h.row(0)).isEqualTo("$ l" + ZHONG);
        assertThat(h.cursor()).containsExactly(0, 5);
        h.echoWithoutMisprediction(ZHONG + WEN + "\b\b\033[K");
    }

    @Test
    void withOverwriteBackspaceBlanksBothCells() {
        Harness h = overwriting().host(ZHONG + "b\033[D").type(DEL);
        assertThat(h.row(0)).isEqualTo("$ l  b");
        assertThat(h.cursor()).containsExactly(0, 3);
        assertThat(h.shown).isEqualTo(h.serverAfter("\b\b  \b\b"));
    }

    @Test
    void arrowsMoveOverAWideCharacterWhole() {
        Harness h = prompt().host(ZHONG + "a");
        h.type("\033[D");
        assertThat(h.cursor()).as("over the narrow a, as in mosh").containsExactly(0, 5);
        h.type("\033[D");
        assertThat(h.cursor()).containsExactly(0, 3);
        h.type("\033[C");
        assertThat(h.cursor()).containsExactly(0, 5);
        h.type("\033[C");
        assertThat(h.cursor()).containsExactly(0, 6);
        assertThat(h.predictions().row(0, 20).active()).as("no cell is predicted").isFalse();
    }

    @Test
    void arrowsMoveOverAPredictedWideCharacter() {
        Harness h = prompt().type(ZHONG).type("\033[D");
        assertThat(h.cursor()).containsExactly(0, 3);
        h.type("\033[C");
        assertThat(h.cursor()).containsExactly(0, 5);
    }

    @Test
    void theRightArrowOverAWideCharacterEndingInTheLastColumnIsTentative() {
        Harness h = Harness.always("").confirmed("a").host("\033[1;19H" + ZHONG + "\033[1;19H");
        long epoch = h.predictions().predictionEpoch;
        h.type("\033[C");
        assertThat(h.cursor()).containsExactly(0, 18);
        assertThat(h.predictions().predictionEpoch).isEqualTo(epoch + 1);
    }

    @Test
    void aNarrowCharacterRightOfAWideOneIsStillOneColumn() {
        Harness h = prompt().host(ZHONG + "ab").type(DEL);
        assertThat(h.row(0)).isEqualTo("$ l" + ZHONG + "a");
        assertThat(h.cursor()).containsExactly(0, 6);
    }
}
