package dev.jmosh.predictor.internal;

import dev.jmosh.vt.Framebuffer;

/** A predicted cursor position (mosh {@code ConditionalCursorMove}). */
final class ConditionalCursorMove extends ConditionalOverlay {
    int row;

    ConditionalCursorMove(long expirationFrame, int row, int col, long tentativeUntilEpoch) {
        super(expirationFrame, col, tentativeUntilEpoch);
        this.row = row;
    }

    /** Moves the frame's cursor here, unless the prediction is inactive or still tentative. */
    void apply(Framebuffer fb, long confirmedEpoch) {
        if (!active || tentative(confirmedEpoch)) {
            return;
        }
        fb.moveCursor(row, col);
    }

    /** Checks the prediction against the server's cursor once the keystroke has been echoed. */
    Validity validity(Framebuffer fb, long lateAck) {
        Validity early = precheck(fb, row, lateAck);
        if (early != null) {
            return early;
        }
        return fb.cursorCol() == col && fb.cursorRow() == row ? Validity.CORRECT : Validity.INCORRECT_OR_EXPIRED;
    }

    @Override
    public String toString() {
        return "Cursor[" + row + "," + col + (active ? "" : " inactive") + " epoch=" + tentativeUntilEpoch
                + " frame=" + expirationFrame + "]";
    }
}
