package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Characters of width 0 (combining marks, ZWJ, variation selectors), beyond mosh: they join the
 * prediction just before the cursor, as the emulator joins them to the cell printed last, and
 * their echo proves it; where that cell is not a fresh prediction, mosh's rule (a new epoch)
 * stays.
 */
class CombiningMarkTest {
    private static final String ACUTE = "\u0301";
    private static final String MAN = "\uD83D\uDC68";
    private static final String LAPTOP = "\uD83D\uDCBB";
    private static final String ZWJ = "\u200D";
    private static final String THUMBS_UP = "\uD83D\uDC4D";
    private static final String VS16 = "\uFE0F";

    /** A proven shell prompt "$ l" with the cursor after it, on a 20x5 screen. */
    private static Harness prompt() {
        return Harness.always("$ ").confirmed("l");
    }

    @Test
    void aMarkTypedWithItsLetterJoinsIt() {
        Harness h = prompt().type("e" + ACUTE);
        assertThat(h.shown.cell(0, 3).text()).isEqualTo("e" + ACUTE);
        assertThat(h.cursor()).containsExactly(0, 4);
        assertThat(h.shown).isEqualTo(h.serverAfter("e" + ACUTE));
        h.echoWithoutMisprediction("e" + ACUTE);
    }

    @Test
    void theEchoOfALetterWithItsMarkProvesTheEpoch() {
        Harness h = Harness.always("$ ").type("e" + ACUTE);
        assertThat(h.row(0)).as("tentative until proven").isEqualTo("$");
        h.echo("e" + ACUTE);
        assertThat(h.predictions().confirmedEpoch).isEqualTo(h.predictions().predictionEpoch);
    }

    @Test
    void aMarkTypedLaterWaitsForItsOwnEcho() {
        Harness h = prompt().type("e").type(ACUTE);
        assertThat(h.shown.cell(0, 3).text()).isEqualTo("e" + ACUTE);
        long epoch = h.predictions().predictionEpoch;
        h.echo("e", h.sent - 1);
        assertThat(h.predictions().predictionEpoch).as("the letter alone is no misprediction").isEqualTo(epoch);
        assertThat(h.shown.cell(0, 3).text()).as("still predicted").isEqualTo("e" + ACUTE);
        h.echoWithoutMisprediction(ACUTE);
    }

    @Test
    void aVariationSelectorJoinsAWideEmoji() {
        Harness h = prompt().type(THUMBS_UP + VS16 + "x");
        assertThat(h.shown.cell(0, 3).text()).isEqualTo(THUMBS_UP + VS16);
        assertThat(h.shown.cell(0, 3).wide()).isTrue();
        assertThat(h.cursor()).containsExactly(0, 6);
        assertThat(h.shown).isEqualTo(h.serverAfter(THUMBS_UP + VS16 + "x"));
        h.echoWithoutMisprediction(THUMBS_UP + VS16 + "x");
    }

    @Test
    void aVariationSelectorJoinsANarrowSymbol() {
        Harness h = prompt().type("\u2764" + VS16);
        assertThat(h.cursor()).containsExactly(0, 4);
        assertThat(h.shown).isEqualTo(h.serverAfter("\u2764" + VS16));
        h.echoWithoutMisprediction("\u2764" + VS16);
    }

    @Test
    void aZwjSequenceIsTheCellsTheEmulatorMakesOfIt() {
        String coder = MAN + ZWJ + LAPTOP;
        Harness h = prompt().type(coder);
        assertThat(h.shown.cell(0, 3).text()).isEqualTo(MAN + ZWJ);
        assertThat(h.shown.cell(0, 5).text()).isEqualTo(LAPTOP);
        assertThat(h.cursor()).containsExactly(0, 7);
        assertThat(h.shown).isEqualTo(h.serverAfter(coder));
        h.echoWithoutMisprediction(coder);
    }

    @Test
    void aMarkAfterAPredictionOfAnEarlierEpochMakesTheRestTentative() {
        Harness h = prompt().type("e").type("\033[A");
        long epoch = h.predictions().predictionEpoch;
        h.type(ACUTE);
        assertThat(h.predictions().predictionEpoch).isEqualTo(epoch + 1);
        assertThat(h.shown.cell(0, 3).text()).isEqualTo("e");
    }

    @Test
    void aMarkAtTheStartOfARowMakesTheRestTentative() {
        Harness h = Harness.always("").confirmed("a").host("\r\n");
        long epoch = h.predictions().predictionEpoch;
        h.type(ACUTE);
        assertThat(h.predictions().predictionEpoch).isEqualTo(epoch + 1);
    }

    @Test
    void aMarkAfterAnErasedCellMakesTheRestTentative() {
        Harness h = prompt().type("a").type("\u007f").type("\033[C"); // the cell left of the cursor: erased
        long epoch = h.predictions().predictionEpoch;
        h.type(ACUTE);
        assertThat(h.predictions().predictionEpoch).as("the emulator would make a fallback cell").isEqualTo(epoch + 1);
        assertThat(h.predictions().row(0, 20).cells[3].replacement.text()).isEmpty();
    }

    @Test
    void aFullCellTakesNoMoreMarksAsInTheEmulator() {
        String marks = ACUTE.repeat(17); // "e" and 15 marks make 31 bytes: one more fits
        Harness h = prompt();
        long epoch = h.predictions().predictionEpoch;
        h.type("e" + marks);
        assertThat(h.shown.cell(0, 3).text()).isEqualTo("e" + ACUTE.repeat(16));
        assertThat(h.predictions().predictionEpoch).as("the 17th mark").isEqualTo(epoch + 1);
        assertThat(h.shown).isEqualTo(h.serverAfter("e" + marks));
    }
}
