package dev.jmosh.predictor.internal;

import dev.jmosh.vt.Cell;
import dev.jmosh.vt.CharWidth;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the actions of one keystroke into predictions (the body of mosh's
 * {@code PredictionEngine::new_user_byte} and {@code newline_carriage_return}):
 * <ul>
 *   <li>a printable character of width 1 goes at the predicted cursor, shifting the rest of the
 *       row right (or overwriting), with the rendition of the cell to its left; the cursor
 *       advances, or wraps (tentatively) from the last column;</li>
 *   <li>DEL (0x7F, backspace) moves the cursor left and shifts the rest of the row left (or
 *       blanks the cell);</li>
 *   <li>{@code CSI C} and {@code CSI D} (right and left arrows) move only the cursor;</li>
 *   <li>CR starts a new epoch and moves to the start of the next row, or blanks the bottom row;</li>
 *   <li>anything else (other controls, escape sequences, non-printable characters) starts a new
 *       epoch.</li>
 * </ul>
 * Cells shifted in from the right edge are "unknown": their content cannot be guessed.
 *
 * <p>Beyond mosh, which starts a new epoch for every character of width other than 1 and
 * always moves one column ("XXX handle wide characters"), wide characters and zero-width ones
 * are predicted as the server's emulator will show their echo. These rules come into play only
 * when a wide character or a mark is typed, or a wide character is next to the cursor, so
 * typing, deleting and moving among narrow characters are predicted exactly as by mosh:
 * <ul>
 *   <li>a character of width 2 is a wide cell at the cursor, with the rendition of the character
 *       to its left, and an empty covered cell after it; the rest of the row shifts right two
 *       columns, the last two becoming unknown (or both cells are overwritten), and the cursor
 *       advances two columns. In the second-to-last column it is tentative, the cursor stays in
 *       the last column and then wraps tentatively, as for a narrow character in the last column.
 *       In the last column the emulator wraps before printing it: that cell is predicted blank
 *       and the character goes to the start of the next row, tentatively (on the bottom row,
 *       where the wrap would scroll, nothing is predicted). On the right half of a wide character
 *       nothing is predicted;</li>
 *   <li>a character of width 0 (a combining mark, ZWJ, a variation selector) joins the character
 *       just before the cursor, as the emulator joins it to the cell printed last, if that cell
 *       is a known prediction of the current epoch holding a character (not erased, not a
 *       fallback cell, without a hyperlink) with room for one more mark (mosh's
 *       {@code Cell::full}); otherwise it starts a new epoch, as in mosh;</li>
 *   <li>backspace and the left arrow move two columns when the cell left of the cursor is the
 *       right half of a wide character (on the server's screen or predicted), backspace deleting
 *       both cells: the rest of the row shifts left two columns, the last three becoming unknown
 *       (or both cells are blanked). The right arrow moves two columns over a wide character
 *       under the cursor, or starts a new epoch if that character ends in the last column.</li>
 * </ul>
 * "The cell left of the cursor", "under the cursor" and "the character to the left" always
 * mean the row as predicted ({@link PredictedRow}).
 *
 * <p>Also beyond mosh, a printable key typed on a settled screen lets {@link PromptTrust} decide
 * whether its epoch is shown at once, before it is predicted; and the characters typed after
 * Enter are recorded for {@link TypeAhead}, which may later have them predicted again where the
 * prompt puts them ({@link #replay}).
 */
final class KeystrokePredictor implements KeystrokeParser.Actions {
    private static final int DEL = 0x7F;
    private static final int CR = 0x0D;
    /** mosh's {@code Cell::full}: a cell holding this many bytes of UTF-8 takes no more marks. */
    private static final int FULL_CELL_BYTES = 32;

    private final Predictions p;
    private final boolean overwrite;
    /** Null when prompts are not trusted. */
    private final PromptTrust prompts;
    /** Null when prompts are not trusted. */
    private final TypeAhead typeAhead;
    private Framebuffer fb;
    private long now;
    private boolean settled;

    KeystrokePredictor(Predictions predictions, boolean overwrite, PromptTrust prompts, TypeAhead typeAhead) {
        this.p = predictions;
        this.overwrite = overwrite;
        this.prompts = prompts;
        this.typeAhead = typeAhead;
    }

    /** Sets the frame the user sees and the time for the actions of the next byte. */
    void context(Framebuffer frame, long nowMillis) {
        this.fb = frame;
        this.now = nowMillis;
    }

    /**
     * Says, before a read, whether the screen has caught up with every earlier keystroke; this
     * holds for the read's first action only.
     */
    void settled(boolean screenSettled) {
        this.settled = screenSettled;
    }

    /** Whether this action is the first of a read on a settled screen (and so no later one is). */
    private boolean takeSettled() {
        boolean s = settled;
        settled = false;
        return s;
    }

    @Override
    public void print(int ch) {
        int width = ch < 0x20 || ch == DEL ? -1 : CharWidth.of(ch);
        if (takeSettled() && prompts != null && width > 0) {
            prompts.firstKey(fb, p);
        }
        p.initCursor(fb);
        if (width <= 0) {
            stopTypeAhead();
        } else if (typeAhead != null) {
            typeAhead.key(p.nextFrame(), ch, width, now);
        }
        if (ch == DEL) {
            backspace();
            return;
        }
        switch (width) {
            case 1 -> printNarrow(ch);
            case 2 -> printWide(ch);
            case 0 -> combine(ch);
            default -> p.becomeTentative(); // not printable: the emulator ignores it
        }
    }

    /**
     * Predicts {@code keys} again on the server's frame {@code frame}, from its cursor on, each
     * decided by the state that carried it (for {@link TypeAhead}).
     */
    void replay(Framebuffer frame, List<TypeAhead.Key> keys) {
        Framebuffer before = fb;
        long beforeNow = now;
        long sent = p.localFrameSent;
        fb = frame;
        try {
            for (TypeAhead.Key k : keys) {
                p.localFrameSent = k.frame() - 1;
                now = k.millis();
                p.initCursor(fb);
                if (k.width() == 2) {
                    printWide(k.codePoint());
                } else {
                    printNarrow(k.codePoint());
                }
            }
        } finally {
            p.localFrameSent = sent;
            fb = before;
            now = beforeNow;
        }
    }

    @Override
    public void execute(int ch) {
        settled = false;
        p.becomeTentative();
        if (ch == CR) {
            if (typeAhead != null) {
                typeAhead.enter(p.nextFrame());
            }
            newlineCarriageReturn();
        } else {
            stopTypeAhead();
        }
    }

    /** A key after which typed characters' places can no longer be told ({@link TypeAhead}). */
    private void stopTypeAhead() {
        if (typeAhead != null) {
            typeAhead.stop();
        }
    }

    @Override
    public void escDispatch(int ch) {
        settled = false;
        stopTypeAhead();
        p.becomeTentative();
    }

    @Override
    public void csiDispatch(int ch) {
        settled = false;
        stopTypeAhead();
        if (ch == 'C') { // right arrow
            p.initCursor(fb);
            ConditionalCursorMove cursor = p.cursor();
            if (cursor.col < fb.columns() - 1) {
                int step = view(cursor.row).wide(cursor.col) ? 2 : 1; // beyond mosh: over a wide character
                if (cursor.col + step < fb.columns()) {
                    cursor.col += step;
                    cursor.expire(p.nextFrame(), now);
                } else {
                    p.becomeTentative(); // it ends in the last column: the next row, or nowhere
                }
            }
        } else if (ch == 'D') { // left arrow
            p.initCursor(fb);
            ConditionalCursorMove cursor = p.cursor();
            if (cursor.col > 0) {
                cursor.col -= view(cursor.row).covered(cursor.col - 1) ? 2 : 1; // beyond mosh: wide
                cursor.expire(p.nextFrame(), now);
            }
        } else {
            p.becomeTentative();
        }
    }

    /** Row {@code row} as predicted so far. */
    private PredictedRow view(int row) {
        return new PredictedRow(p.existingRow(row), fb, row);
    }

    /** Re-makes {@code cell} as a prediction of the current epoch, decided by the next frame. */
    private void restamp(ConditionalOverlayCell cell) {
        cell.resetWithOrig();
        cell.activate(p.predictionEpoch, p.nextFrame(), now);
    }

    private void printNarrow(int ch) {
        ConditionalCursorMove cursor = p.cursor();
        int width = fb.columns();
        ConditionalOverlayRow row = p.row(cursor.row, width);
        if (cursor.col + 1 >= width) {
            // the last column is tricky: emacs shows a wrap mark there, a shell the character
            p.becomeTentative();
        }
        if (!overwrite) {
            shiftRight(row, cursor.col, 1);
        }
        ConditionalOverlayCell cell = row.cells[cursor.col];
        restamp(cell);
        Rendition rendition = cursor.col > 0 ? renditionAt(row, cursor.col - 1) : fb.currentRendition();
        cell.replacement = Cell.of(new String(Character.toChars(ch)), rendition);
        cell.originalContents.add(fb.cell(cursor.row, cursor.col));
        cursor.expire(p.nextFrame(), now);
        if (cursor.col < width - 1) {
            cursor.col++;
        } else {
            p.becomeTentative();
            newlineCarriageReturn();
        }
    }

    /** A character of width 2 (beyond mosh). */
    private void printWide(int ch) {
        ConditionalCursorMove cursor = p.cursor();
        int width = fb.columns();
        PredictedRow view = view(cursor.row);
        if (width < 2 || view.covered(cursor.col)) {
            p.becomeTentative(); // no room at all, or it would split a wide character
            return;
        }
        if (cursor.col == width - 1) {
            wrapWide(ch);
            return;
        }
        if (cursor.col + 2 >= width) {
            p.becomeTentative(); // the last two columns: emacs moves it to the next row
        }
        ConditionalOverlayRow row = p.row(cursor.row, width);
        // heuristic (mosh's): the rendition of the character to the left
        Rendition rendition = cursor.col > 0 ? renditionAt(row, view.start(cursor.col - 1)) : fb.currentRendition();
        if (!overwrite) {
            shiftRight(row, cursor.col, 2);
        }
        ConditionalOverlayCell cell = row.cells[cursor.col];
        restamp(cell);
        cell.replacement = Cell.ofWide(new String(Character.toChars(ch)), rendition);
        cell.originalContents.add(fb.cell(cursor.row, cursor.col));
        ConditionalOverlayCell covered = row.cells[cursor.col + 1];
        restamp(covered);
        covered.replacement = Cell.of("", rendition);
        covered.originalContents.add(fb.cell(cursor.row, cursor.col + 1));
        cursor.expire(p.nextFrame(), now);
        if (cursor.col + 2 < width) {
            cursor.col += 2;
            return;
        }
        // the emulator leaves the cursor in the last column, to wrap at the next character
        p.initCursor(fb); // a move of the character's (tentative) epoch
        p.cursor().col = width - 1;
        p.cursor().expire(p.nextFrame(), now);
        p.becomeTentative();
        newlineCarriageReturn();
    }

    /**
     * A wide character typed in the last column (beyond mosh): the emulator erases that cell and
     * prints the character at the start of the next row, scrolling if there is none.
     */
    private void wrapWide(int ch) {
        p.becomeTentative();
        ConditionalCursorMove cursor = p.cursor();
        int width = fb.columns();
        if (cursor.row + 1 >= fb.rows()) {
            return; // scrolling is not predicted
        }
        ConditionalOverlayCell last = p.row(cursor.row, width).cells[width - 1];
        restamp(last);
        Cell original = fb.cell(cursor.row, width - 1);
        last.originalContents.add(original);
        last.replacement = Cell.of("", original.rendition());
        p.initCursor(fb);
        ConditionalCursorMove next = p.cursor();
        next.row++;
        next.col = 0;
        next.expire(p.nextFrame(), now);
        printWide(ch);
    }

    /**
     * A character of width 0 (beyond mosh): joins the known prediction of the current epoch just
     * before the cursor, or starts a new epoch.
     */
    private void combine(int mark) {
        ConditionalCursorMove cursor = p.cursor();
        ConditionalOverlayRow row = p.existingRow(cursor.row);
        if (row == null || cursor.col == 0) {
            p.becomeTentative();
            return;
        }
        ConditionalOverlayCell cell = row.cells[view(cursor.row).start(cursor.col - 1)];
        Cell c = cell.replacement;
        if (!cell.active || cell.unknown || cell.tentativeUntilEpoch != p.predictionEpoch || c.text().isEmpty()
                || c.fallback() || c.link() != null
                || c.text().getBytes(StandardCharsets.UTF_8).length >= FULL_CELL_BYTES) {
            p.becomeTentative();
            return;
        }
        String text = c.text() + new String(Character.toChars(mark));
        cell.replacement = c.wide() ? Cell.ofWide(text, c.rendition()) : Cell.of(text, c.rendition());
        cell.expire(p.nextFrame(), now); // decided by the echo of the mark
    }

    /** The rendition of the cell at {@code col} as predicted (mosh's heuristic for a new character). */
    private Rendition renditionAt(ConditionalOverlayRow row, int col) {
        ConditionalOverlayCell prev = row.cells[col];
        return prev.active && !prev.unknown ? prev.replacement.rendition()
                : fb.cell(row.rowNum, col).rendition();
    }

    /**
     * Shifts the row right by {@code n} columns from {@code col} on, as inserting does; the last
     * {@code n} columns become unknown (as in mosh, which makes the last one unknown for
     * {@code n = 1}).
     */
    private void shiftRight(ConditionalOverlayRow row, int col, int n) {
        int width = fb.columns();
        for (int i = width - 1; i >= col + n; i--) {
            ConditionalOverlayCell cell = row.cells[i];
            restamp(cell);
            cell.originalContents.add(fb.cell(row.rowNum, i));
            ConditionalOverlayCell prev = row.cells[i - n];
            if (i >= width - n) {
                cell.unknown = true;
            } else if (prev.active) {
                cell.unknown = prev.unknown;
                if (!prev.unknown) {
                    cell.replacement = prev.replacement;
                }
            } else {
                cell.unknown = false;
                cell.replacement = fb.cell(row.rowNum, i - n);
            }
        }
    }

    private void backspace() {
        ConditionalCursorMove cursor = p.cursor();
        int width = fb.columns();
        ConditionalOverlayRow row = p.row(cursor.row, width);
        if (cursor.col == 0) {
            return;
        }
        int n = view(cursor.row).covered(cursor.col - 1) ? 2 : 1; // beyond mosh: a wide character
        cursor.col -= n;
        cursor.expire(p.nextFrame(), now);
        if (overwrite) {
            // mosh reads the cell under the frame's own cursor here (fb.get_cell()), not the
            // predicted one: its contents become the original, its rendition the blank's
            Cell original = fb.cell(fb.cursorRow(), fb.cursorCol());
            for (int i = cursor.col; i < cursor.col + n; i++) {
                ConditionalOverlayCell cell = row.cells[i];
                restamp(cell);
                cell.originalContents.add(original);
                cell.replacement = Cell.of(" ", original.rendition());
            }
            return;
        }
        shiftLeft(row, cursor.col, n);
    }

    /**
     * Shifts the row left by {@code n} columns from {@code col} on, as deleting does; a cell whose
     * contents would come from the last column or beyond becomes unknown (as in mosh, which makes
     * the last two cells unknown for {@code n = 1}).
     */
    private void shiftLeft(ConditionalOverlayRow row, int col, int n) {
        int width = fb.columns();
        for (int i = col; i < width; i++) {
            ConditionalOverlayCell cell = row.cells[i];
            restamp(cell);
            cell.originalContents.add(fb.cell(row.rowNum, i));
            if (i + n + 1 < width) {
                ConditionalOverlayCell next = row.cells[i + n];
                if (next.active) {
                    cell.unknown = next.unknown;
                    if (!next.unknown) {
                        cell.replacement = next.replacement;
                    }
                } else {
                    cell.unknown = false;
                    cell.replacement = fb.cell(row.rowNum, i + n);
                }
            } else {
                cell.unknown = true;
            }
        }
    }

    /** Moves the predicted cursor to the start of the next row, or blanks the bottom row. */
    private void newlineCarriageReturn() {
        p.initCursor(fb);
        ConditionalCursorMove cursor = p.cursor();
        cursor.col = 0;
        if (cursor.row < fb.rows() - 1) {
            cursor.row++;
            return;
        }
        // scrolling is not predicted; the bottom row is predicted blank instead
        ConditionalOverlayRow row = p.row(cursor.row, fb.columns());
        for (ConditionalOverlayCell cell : row.cells) {
            cell.activate(p.predictionEpoch, p.nextFrame(), now);
            cell.replacement = Cell.of("", cell.replacement.rendition());
        }
    }
}
