package dev.jmosh.predictor.internal;

import dev.jmosh.vt.Framebuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The set of outstanding predictions and their epochs (the data of mosh's
 * {@code PredictionEngine}).
 *
 * <p>Every prediction belongs to an epoch. A new epoch starts whenever the engine meets
 * something it cannot predict ({@link #becomeTentative}); predictions of an epoch stay hidden
 * until one of them is confirmed by the server ({@link #confirm}), which proves the whole epoch.
 * In experimental mode there are no epochs: nothing ever becomes tentative.
 */
final class Predictions {
    private final boolean experimental;
    /** Cursor predictions, oldest first; the last one is the current cursor. */
    final List<ConditionalCursorMove> cursors = new ArrayList<>();
    /** Cell predictions, by row, in the order the rows were first predicted on. */
    final List<ConditionalOverlayRow> rows = new ArrayList<>();
    /** The epoch new predictions belong to; starts at 1. */
    long predictionEpoch = 1;
    /** The newest epoch proven by a correct prediction; starts at 0. */
    long confirmedEpoch;
    /** The newest client state sent so far; keystrokes now will travel in the next one. */
    long localFrameSent;

    Predictions(boolean experimental) {
        this.experimental = experimental;
    }

    /** The client state that will carry keystrokes typed now. */
    long nextFrame() {
        return localFrameSent + 1;
    }

    /** The current cursor prediction; there must be one. */
    ConditionalCursorMove cursor() {
        return cursors.get(cursors.size() - 1);
    }

    /** Starts a new epoch: what follows is hidden until proven (mosh {@code become_tentative}). */
    void becomeTentative() {
        if (!experimental) {
            predictionEpoch++;
        }
    }

    /** Whether predictions made now stay hidden until their epoch is proven. */
    boolean tentative() {
        return Long.compareUnsigned(predictionEpoch, confirmedEpoch) > 0;
    }

    /** Drops every prediction and starts a new epoch. */
    void reset() {
        cursors.clear();
        rows.clear();
        becomeTentative();
    }

    /** A correct prediction of epoch {@code epoch} proves it (and all before it). */
    void confirm(long epoch) {
        if (Long.compareUnsigned(epoch, confirmedEpoch) > 0) {
            confirmedEpoch = epoch;
        }
    }

    /**
     * Makes sure a cursor prediction of the current epoch exists (mosh {@code init_cursor}):
     * the first one starts at the frame's cursor, a later one where the previous one ended.
     */
    void initCursor(Framebuffer fb) {
        if (cursors.isEmpty()) {
            addCursor(fb.cursorRow(), fb.cursorCol());
        } else if (cursor().tentativeUntilEpoch != predictionEpoch) {
            addCursor(cursor().row, cursor().col);
        }
    }

    private void addCursor(int row, int col) {
        ConditionalCursorMove c = new ConditionalCursorMove(nextFrame(), row, col, predictionEpoch);
        c.active = true;
        cursors.add(c);
    }

    /** Returns the predictions of row {@code rowNum}, made if needed (mosh {@code get_or_make_row}). */
    ConditionalOverlayRow row(int rowNum, int columns) {
        ConditionalOverlayRow r = existingRow(rowNum);
        if (r == null) {
            r = new ConditionalOverlayRow(rowNum, columns, predictionEpoch);
            rows.add(r);
        }
        return r;
    }

    /** Returns the predictions of row {@code rowNum}, or null if it never had any. */
    ConditionalOverlayRow existingRow(int rowNum) {
        for (ConditionalOverlayRow r : rows) {
            if (r.rowNum == rowNum) {
                return r;
            }
        }
        return null;
    }

    /**
     * Drops the predictions of epoch {@code epoch} and later, puts the cursor back where the
     * frame has it, and starts a new epoch (mosh {@code kill_epoch}).
     */
    void killEpoch(long epoch, Framebuffer fb) {
        cursors.removeIf(c -> c.tentative(epoch - 1));
        addCursor(fb.cursorRow(), fb.cursorCol());
        for (ConditionalOverlayRow r : rows) {
            for (ConditionalOverlayCell cell : r.cells) {
                if (cell.tentative(epoch - 1)) {
                    cell.reset();
                }
            }
        }
        becomeTentative();
    }

    /** Whether any prediction exists (mosh {@code active}). */
    boolean active() {
        if (!cursors.isEmpty()) {
            return true;
        }
        for (ConditionalOverlayRow r : rows) {
            if (r.active()) {
                return true;
            }
        }
        return false;
    }
}
