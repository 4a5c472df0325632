package dev.jmosh.cli.internal;

import dev.jmosh.vt.Framebuffer;

/**
 * mosh's scroll shortcut in {@code Display::new_frame}: when the new frame's top row is the old
 * frame's row {@code lines > 0} moved up ({@link Framebuffer#scrolledFrom}), and the rows after it
 * follow on for {@code height} rows, the user's terminal is told to scroll that block up instead
 * of having every row written again: CR and {@code lines} LFs when the block is the whole screen
 * and the cursor is on the bottom row, else LFs at the bottom of a temporary scrolling region.
 *
 * @param lines how many lines the block moved up (0: no scroll)
 * @param height how many rows, from the top, are the old rows moved into place
 */
record ScrollShortcut(int lines, int height) {
    static final ScrollShortcut NONE = new ScrollShortcut(0, 0);

    /** The scroll from {@code last} to {@code fb} (frames of the same size), or {@link #NONE}. */
    static ScrollShortcut detect(Framebuffer fb, Framebuffer last) {
        int rows = fb.rows();
        for (int from = 0; from < rows; from++) {
            if (!fb.scrolledFrom(0, last, from)) {
                continue;
            }
            if (from == 0) {
                return NONE; // the top row did not move
            }
            int height = 1;
            while (from + height < rows && fb.scrolledFrom(height, last, from + height)) {
                height++;
            }
            return new ScrollShortcut(from, height);
        }
        return NONE;
    }

    /** The last row of the scrolled block: the rows below it stay where they are. */
    int bottom() {
        return lines + height - 1;
    }

    /**
     * The bytes that scroll the user's terminal of {@code rows} rows, written in the default
     * rendition (new lines take its background); moves {@code cursor} as they do.
     */
    String bytes(int rows, CursorTracker cursor) {
        if (bottom() == rows - 1 && cursor.row() == rows - 1 && cursor.col() >= 0) {
            cursor.at(rows - 1, 0);
            return "\r" + "\n".repeat(lines);
        }
        StringBuilder s = new StringBuilder("\033[1;").append(bottom() + 1).append('r'); // homes the cursor
        cursor.forget();
        s.append(cursor.moveTo(bottom(), 0)).append("\n".repeat(lines)).append("\033[r");
        cursor.forget();
        return s.toString();
    }

    /** Shifts {@code shown} as the terminal just did: the block up, blank rows under it. */
    void shift(DisplayCell[][] shown) {
        int bottom = bottom();
        for (int y = 0; y <= bottom; y++) {
            if (y + lines <= bottom) {
                shown[y] = shown[y + lines];
            } else {
                shown[y] = new DisplayCell[shown[y].length];
                java.util.Arrays.fill(shown[y], DisplayCell.BLANK);
            }
        }
    }
}
