package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.predictor.PredictionDisplay;
import dev.jmosh.vt.Color;
import org.junit.jupiter.api.Test;

/** What each keystroke predicts (mosh {@code new_user_byte}), on a screen whose epoch is proven. */
class TypingPredictionTest {
    /** A proven shell prompt "$ l" with the cursor after it. */
    private static Harness prompt() {
        return Harness.always("$ ").confirmed("l");
    }

    @Test
    void theFirstPredictionsWaitForTheirEpochToBeProven() {
        Harness h = Harness.always("$ ").type("l");
        assertThat(h.row(0)).as("epoch 1 is tentative until confirmed").isEqualTo("$");
        h.echo("l").type("s");
        assertThat(h.row(0)).isEqualTo("$ ls");
        assertThat(h.cursor()).containsExactly(0, 4);
    }

    @Test
    void typingInsertsAndShiftsTheRestOfTheRowRight() {
        Harness h = prompt().host("abc\033[3D");
        h.type("X");
        assertThat(h.row(0)).isEqualTo("$ lXabc");
        assertThat(h.cursor()).containsExactly(0, 4);
        h.type("Y");
        assertThat(h.row(0)).isEqualTo("$ lXYabc");
    }

    @Test
    void withOverwriteTypingReplacesTheCell() {
        Harness h = new Harness(PredictionDisplay.ALWAYS, true, 20, 5, "$ ").confirmed("l").host("abc\033[3D");
        h.type("X");
        assertThat(h.row(0)).isEqualTo("$ lXbc");
        assertThat(h.cursor()).containsExactly(0, 4);
    }

    @Test
    void aNewCharacterTakesTheRenditionOfTheCellToItsLeft() {
        Harness h = Harness.always("\033[31m$ \033[0m").confirmed("l");
        assertThat(h.shown.cell(0, 2).rendition().foreground()).as("echoed with the default rendition").isEqualTo(Color.DEFAULT);
        h.host("\033[32mg\033[0m");
        h.type("s");
        assertThat(h.shown.cell(0, 4).rendition().foreground()).isEqualTo(Color.indexed(2));
    }

    @Test
    void theRenditionOfAnEarlierPredictionIsFollowed() {
        Harness h = Harness.always("\033[31m$ ").confirmed("l").host("\033[0m");
        h.type("s").type("t");
        assertThat(h.shown.cell(0, 3).rendition().foreground()).as("from the server's l").isEqualTo(Color.indexed(1));
        assertThat(h.shown.cell(0, 4).rendition().foreground()).as("from the predicted s").isEqualTo(Color.indexed(1));
    }

    @Test
    void atColumnZeroTheFramesCurrentRenditionIsUsed() {
        Harness h = Harness.always("\033[1m").confirmed("a").host("\r\n");
        h.type("b");
        assertThat(h.row(1)).isEqualTo("b");
        assertThat(h.shown.cell(1, 0).rendition().bold()).isTrue();
    }

    @Test
    void backspaceShiftsTheRestOfTheRowLeft() {
        Harness h = prompt().host("abc\033[2D");
        h.type("\u007f");
        assertThat(h.row(0)).isEqualTo("$ lbc");
        assertThat(h.cursor()).containsExactly(0, 3);
    }

    @Test
    void backspaceAtTheEndOfTheLineErases() {
        Harness h = prompt();
        h.type("s").type("\u007f");
        assertThat(h.row(0)).isEqualTo("$ l");
        assertThat(h.cursor()).containsExactly(0, 3);
    }

    @Test
    void backspaceMakesTheLastTwoCellsUnknown() {
        Harness h = prompt();
        h.type("\u007f");
        ConditionalOverlayCell[] cells = h.predictions().row(0, 20).cells;
        assertThat(cells[17].unknown).isFalse();
        assertThat(cells[18].unknown).isTrue();
        assertThat(cells[19].unknown).isTrue();
    }

    @Test
    void backspaceAtColumnZeroDoesNothing() {
        Harness h = Harness.always("").confirmed("a").host("\r\033[K");
        h.type("\u007f");
        assertThat(h.cursor()).containsExactly(0, 0);
        assertThat(h.predictions().row(0, 20).active()).isFalse();
    }

    @Test
    void withOverwriteBackspaceLeavesABlank() {
        Harness h = new Harness(PredictionDisplay.ALWAYS, true, 20, 5, "$ ").confirmed("l").host("abc\033[2D");
        h.type("\u007f");
        assertThat(h.row(0)).isEqualTo("$ l bc");
        assertThat(h.cursor()).containsExactly(0, 3);
    }

    @Test
    void arrowsMoveOnlyTheCursor() {
        Harness h = prompt().host("abc");
        h.type("\033[D").type("\033OD");
        assertThat(h.cursor()).containsExactly(0, 4);
        assertThat(h.row(0)).isEqualTo("$ labc");
        h.type("\033[C");
        assertThat(h.cursor()).containsExactly(0, 5);
        assertThat(h.predictions().row(0, 20).active()).as("no cell is predicted").isFalse();
    }

    @Test
    void arrowsStopAtTheEdges() {
        Harness h = prompt();
        for (int i = 0; i < 5; i++) {
            h.type("\033[D");
        }
        assertThat(h.cursor()).containsExactly(0, 0);
        for (int i = 0; i < 25; i++) {
            h.type("\033[C");
        }
        assertThat(h.cursor()).containsExactly(0, 19);
    }

    @Test
    void carriageReturnPredictsTheNextRowTentatively() {
        Harness h = prompt();
        h.type("\r");
        assertThat(h.cursor()).as("hidden until its epoch is proven").containsExactly(0, 3);
        ConditionalCursorMove cursor = h.predictions().cursor();
        assertThat(new int[] {cursor.row, cursor.col}).containsExactly(1, 0);
        assertThat(cursor.tentative(h.predictions().confirmedEpoch)).isTrue();
    }

    @Test
    void carriageReturnOnTheBottomRowPredictsItBlank() {
        Harness h = prompt().host("\r\n\n\n\n$ ").confirmed("x");
        h.type("\r");
        ConditionalOverlayCell[] cells = h.predictions().row(4, 20).cells;
        assertThat(cells).allSatisfy(c -> {
            assertThat(c.active).isTrue();
            assertThat(c.replacement.text()).isEmpty();
        });
        ConditionalCursorMove cursor = h.predictions().cursor();
        assertThat(new int[] {cursor.row, cursor.col}).containsExactly(4, 0);
    }

    @Test
    void typingInTheLastColumnIsTentativeAndWraps() {
        Harness h = Harness.always("").confirmed("a").host("\033[1;19H");
        h.type("y");
        assertThat(h.row(0)).as("y shown: its epoch was proven").isEqualTo("a                 y");
        h.echo("y").type("z");
        assertThat(h.row(0)).as("z in the last column is tentative").isEqualTo("a                 y");
        ConditionalCursorMove cursor = h.predictions().cursor();
        assertThat(new int[] {cursor.row, cursor.col}).as("wrapped to the next row").containsExactly(1, 0);
        h.echo("z\r\n");
        assertThat(h.row(0)).isEqualTo("a                 yz");
    }

    @Test
    void theLastColumnOfAnInsertIsUnknown() {
        Harness h = prompt().host("abcdefghijklmnopq\r\033[3C");
        h.type("X");
        ConditionalOverlayCell[] cells = h.predictions().row(0, 20).cells;
        assertThat(cells[19].unknown).isTrue();
        assertThat(h.row(0)).as("an unknown cell shows what the server shows").isEqualTo("$ lXabcdefghijklmnoq");
    }

    @Test
    void unprintableCharactersAreNotPredictedAndMakeTheRestTentative() {
        Harness h = prompt();
        h.type("\u0378"); // unassigned: the emulator ignores it
        h.type("s");
        assertThat(h.row(0)).isEqualTo("$ l");
        assertThat(h.predictions().predictionEpoch).isEqualTo(3);
    }

    @Test
    void aMarkAfterTheServersOwnTextMakesTheRestTentativeAsInMosh() {
        Harness h = prompt();
        h.type("\u0301");
        h.type("s");
        assertThat(h.row(0)).isEqualTo("$ l");
        assertThat(h.predictions().predictionEpoch).isEqualTo(3);
    }

    @Test
    void otherControlsAndSequencesMakeTheRestTentative() {
        for (String key : new String[] {"\u0003", "\033x", "\033[A", "\t"}) {
            Harness h = prompt();
            long epoch = h.predictions().predictionEpoch;
            h.type(key).type("s");
            assertThat(h.row(0)).as("after %s", key.replace("\033", "ESC")).isEqualTo("$ l");
            assertThat(h.predictions().predictionEpoch).isEqualTo(epoch + 1);
        }
    }

    @Test
    void wideCharactersOnScreenAreCopiedWhenShifted() {
        Harness h = prompt().host("\u4e2da\033[3D");
        h.type("X");
        assertThat(h.row(0)).isEqualTo("$ lX\u4e2da");
    }
}
