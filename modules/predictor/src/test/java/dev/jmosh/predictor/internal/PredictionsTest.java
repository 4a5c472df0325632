package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Epoch bookkeeping (mosh {@code init_cursor}, {@code kill_epoch}, {@code become_tentative}). */
class PredictionsTest {
    private static Framebuffer frame(String bytes) {
        Emulator e = new Emulator(10, 3);
        e.write(bytes.getBytes(StandardCharsets.UTF_8));
        return e.framebuffer();
    }

    @Test
    void epochsStartAtOneAndZero() {
        Predictions p = new Predictions(false);
        assertThat(p.predictionEpoch).isEqualTo(1);
        assertThat(p.confirmedEpoch).isZero();
        p.becomeTentative();
        assertThat(p.predictionEpoch).isEqualTo(2);
    }

    @Test
    void experimentalPredictionsNeverBecomeTentative() {
        Predictions p = new Predictions(true);
        p.becomeTentative();
        p.reset();
        assertThat(p.predictionEpoch).isEqualTo(1);
    }

    @Test
    void theFirstCursorStartsAtTheFramesCursorAndANewEpochContinuesTheLast() {
        Predictions p = new Predictions(false);
        p.localFrameSent = 6;
        p.initCursor(frame("\033[2;5H"));
        assertThat(p.cursor().row).isEqualTo(1);
        assertThat(p.cursor().col).isEqualTo(4);
        assertThat(p.cursor().expirationFrame).isEqualTo(7);
        assertThat(p.cursor().active).isTrue();
        p.cursor().col = 7;
        p.initCursor(frame(""));
        assertThat(p.cursors).hasSize(1);
        p.becomeTentative();
        p.initCursor(frame(""));
        assertThat(p.cursors).hasSize(2);
        assertThat(p.cursor().col).isEqualTo(7);
        assertThat(p.cursor().tentativeUntilEpoch).isEqualTo(2);
    }

    @Test
    void killingAnEpochDropsItAndLaterOnesAndKeepsEarlierOnes() {
        Predictions p = new Predictions(false);
        Framebuffer fb = frame("\033[3;2H");
        p.initCursor(fb); // epoch 1
        ConditionalOverlayRow row = p.row(0, 10);
        row.cells[0].activate(1, 1, 0);
        p.becomeTentative();
        p.initCursor(fb); // epoch 2
        row.cells[1].activate(2, 1, 0);
        p.becomeTentative();
        row.cells[2].activate(3, 1, 0);

        p.killEpoch(2, fb);

        assertThat(row.cells[0].active).isTrue();
        assertThat(row.cells[1].active).isFalse();
        assertThat(row.cells[2].active).isFalse();
        assertThat(p.cursors).hasSize(2);
        assertThat(p.cursors.get(0).tentativeUntilEpoch).isEqualTo(1);
        ConditionalCursorMove fresh = p.cursor();
        assertThat(new int[] {fresh.row, fresh.col}).as("at the frame's cursor").containsExactly(2, 1);
        assertThat(fresh.tentativeUntilEpoch).isEqualTo(3);
        assertThat(p.predictionEpoch).isEqualTo(4);
    }

    @Test
    void confirmationOnlyMovesForward() {
        Predictions p = new Predictions(false);
        p.confirm(3);
        p.confirm(2);
        assertThat(p.confirmedEpoch).isEqualTo(3);
    }

    @Test
    void resetDropsEverythingAndStartsANewEpoch() {
        Predictions p = new Predictions(false);
        p.initCursor(frame(""));
        p.row(1, 10).cells[0].activate(1, 1, 0);
        assertThat(p.active()).isTrue();
        p.reset();
        assertThat(p.active()).isFalse();
        assertThat(p.predictionEpoch).isEqualTo(2);
    }

    @Test
    void resetWithOrigRemembersTheReplacement() {
        ConditionalOverlayCell cell = new ConditionalOverlayCell(0, 0, 1);
        cell.activate(1, 1, 0);
        cell.replacement = dev.jmosh.vt.Cell.of("q", dev.jmosh.vt.Rendition.DEFAULT);
        cell.resetWithOrig();
        assertThat(cell.originalContents).extracting(dev.jmosh.vt.Cell::text).containsExactly("q");
        assertThat(cell.active).isFalse();
        cell.unknown = true;
        cell.active = true;
        cell.resetWithOrig();
        assertThat(cell.originalContents).as("an unknown cell forgets").isEmpty();
        assertThat(cell.unknown).isFalse();
    }
}
