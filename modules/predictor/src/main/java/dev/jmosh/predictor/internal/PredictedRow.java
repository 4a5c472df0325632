package dev.jmosh.predictor.internal;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Framebuffer;

/**
 * One row as it will look if every prediction on it comes true: a predicted cell's replacement,
 * the server's cell where nothing is predicted, and nothing where the prediction is unknown.
 * Says where the wide characters are, for the rules {@link KeystrokePredictor} adds to mosh's;
 * an unknown cell counts as narrow.
 */
final class PredictedRow {
    private final ConditionalOverlayRow predicted;
    private final Framebuffer fb;
    private final int row;

    /**
     * Row {@code row} of {@code fb} under the predictions {@code predicted}.
     *
     * @param predicted the row's predictions, or null if it has none
     */
    PredictedRow(ConditionalOverlayRow predicted, Framebuffer fb, int row) {
        this.predicted = predicted;
        this.fb = fb;
        this.row = row;
    }

    /** Returns the cell at {@code col}, or null if its prediction is unknown. */
    Cell cell(int col) {
        if (predicted != null) {
            ConditionalOverlayCell c = predicted.cells[col];
            if (c.active) {
                return c.unknown ? null : c.replacement;
            }
        }
        return fb.cell(row, col);
    }

    /** Returns whether a wide character starts at {@code col}. */
    boolean wide(int col) {
        Cell c = cell(col);
        return c != null && c.wide();
    }

    /**
     * Returns whether {@code col} is the right half of a wide character, counting from column 0
     * as {@link Framebuffer#covered} does.
     */
    boolean covered(int col) {
        int x = 0;
        while (x < col) {
            int w = wide(x) ? 2 : 1;
            if (x + w > col) {
                return true;
            }
            x += w;
        }
        return false;
    }

    /** Returns the column where the character drawn at {@code col} starts. */
    int start(int col) {
        return covered(col) ? col - 1 : col;
    }
}
