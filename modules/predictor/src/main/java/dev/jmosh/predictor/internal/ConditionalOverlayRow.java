package dev.jmosh.predictor.internal;

import dev.jmosh.vt.Framebuffer;

/** The predicted cells of one screen row, one per column (mosh {@code ConditionalOverlayRow}). */
final class ConditionalOverlayRow {
    final int rowNum;
    final ConditionalOverlayCell[] cells;

    /** A row of {@code columns} inactive cells, tentative until {@code epoch}. */
    ConditionalOverlayRow(int rowNum, int columns, long epoch) {
        this.rowNum = rowNum;
        this.cells = new ConditionalOverlayCell[columns];
        for (int i = 0; i < columns; i++) {
            cells[i] = new ConditionalOverlayCell(0, i, epoch);
        }
    }

    void apply(Framebuffer fb, long confirmedEpoch, boolean flag) {
        for (ConditionalOverlayCell cell : cells) {
            cell.apply(fb, confirmedEpoch, rowNum, flag);
        }
    }

    /** Whether any cell is a prediction. */
    boolean active() {
        for (ConditionalOverlayCell cell : cells) {
            if (cell.active) {
                return true;
            }
        }
        return false;
    }
}
