package dev.jmosh.predictor.internal;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;
import java.util.ArrayList;
import java.util.List;

/**
 * A predicted cell (mosh {@code ConditionalOverlayCell}): its replacement contents, or
 * "unknown" when the cell's new contents cannot be guessed (shifted in from the right edge),
 * and the contents it had before, which a correct prediction earns no credit for matching.
 */
final class ConditionalOverlayCell extends ConditionalOverlay {
    /** mosh's fresh {@code Cell(0)}: empty, default rendition. */
    static final Cell BLANK = Cell.of("", Rendition.DEFAULT);

    Cell replacement = BLANK;
    boolean unknown;
    final List<Cell> originalContents = new ArrayList<>();

    ConditionalOverlayCell(long expirationFrame, int col, long tentativeUntilEpoch) {
        super(expirationFrame, col, tentativeUntilEpoch);
    }

    /** Makes this a prediction of epoch {@code epoch}, decided by state {@code frame}. */
    void activate(long epoch, long frame, long nowMillis) {
        active = true;
        tentativeUntilEpoch = epoch;
        expire(frame, nowMillis);
    }

    /** Stops being a prediction and forgets everything (mosh {@code ConditionalOverlayCell::reset}). */
    void reset() {
        unknown = false;
        originalContents.clear();
        resetOverlay();
    }

    /**
     * Stops being a prediction but remembers its replacement among the original contents, so
     * that a later prediction matching it gets no credit (mosh {@code reset_with_orig}).
     */
    void resetWithOrig() {
        if (!active || unknown) {
            reset();
            return;
        }
        originalContents.add(replacement);
        resetOverlay();
    }

    /**
     * Draws the prediction on row {@code row} of {@code fb} unless it is inactive, off the
     * screen or still tentative. With {@code flag}, it is underlined, except where both it and
     * the actual cell are blank; an unknown cell is only underlined (never in the last column).
     */
    void apply(Framebuffer fb, long confirmedEpoch, int row, boolean flag) {
        if (!active || row >= fb.rows() || col >= fb.columns() || tentative(confirmedEpoch)) {
            return;
        }
        Cell actual = fb.cell(row, col);
        if (replacement.blank() && actual.blank()) {
            flag = false;
        }
        if (unknown) {
            if (flag && col != fb.columns() - 1) {
                fb.setCell(row, col, underlined(actual));
            }
            return;
        }
        if (!actual.equals(replacement)) {
            fb.setCell(row, col, flag ? underlined(replacement) : replacement);
        }
    }

    private static Cell underlined(Cell c) {
        return c.withRendition(c.rendition().withUnderlined(true));
    }

    /** Checks the prediction against row {@code row} of the server's frame. */
    Validity validity(Framebuffer fb, int row, long lateAck) {
        Validity early = precheck(fb, row, lateAck);
        if (early != null) {
            return early;
        }
        if (unknown || replacement.blank()) { // a blank is too easy to match by accident
            return Validity.CORRECT_NO_CREDIT;
        }
        if (contentsMatch(fb.cell(row, col), replacement)) {
            for (Cell original : originalContents) {
                if (contentsMatch(original, replacement)) {
                    return Validity.CORRECT_NO_CREDIT;
                }
            }
            return Validity.CORRECT;
        }
        return Validity.INCORRECT_OR_EXPIRED;
    }

    /** mosh {@code Cell::contents_match}: both blank, or the same text (renditions ignored). */
    static boolean contentsMatch(Cell a, Cell b) {
        return (a.blank() && b.blank()) || a.text().equals(b.text());
    }

    @Override
    public String toString() {
        return "Cell[" + col + (active ? "" : " inactive") + (unknown ? " unknown" : " '" + replacement.text() + "'")
                + " epoch=" + tentativeUntilEpoch + " frame=" + expirationFrame + "]";
    }
}
