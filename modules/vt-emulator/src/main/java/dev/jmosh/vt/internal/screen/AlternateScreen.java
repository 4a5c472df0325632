package dev.jmosh.vt.internal.screen;

import java.util.function.Consumer;

/**
 * What a {@link Screen} keeps aside while the alternate screen (xterm's ?47, ?1047, ?1049) is
 * shown: the primary screen's rows, untouched until they come back, and the cursor that ?1049
 * saved. Beyond mosh 1.4.0, which ignores these modes.
 *
 * <p>Semantics follow tmux where xterm differs: the alternate screen is cleared on every entry
 * (xterm keeps it for ?47 and clears it on leaving ?1047, which no one can tell apart), entering
 * twice does nothing, and ?1049 saves the cursor into this slot rather than DECSC's, so that
 * {@code ESC 7}/{@code ESC 8} around a full-screen program keep their own position.
 *
 * <p>This is server-side state: a peer fed frame diffs only ever sees what is shown, so neither
 * the primary rows nor the saved cursor count for equality, and {@link Screen#receiverCopy}
 * drops them.
 */
final class AlternateScreen {
    /** The primary screen's rows while the alternate screen is shown, else null. */
    Row[] primary;
    private SavedCursor cursor;

    boolean active() {
        return primary != null;
    }

    /** Returns a copy sharing the (read-only from now on) rows. */
    AlternateScreen copy() {
        AlternateScreen c = new AlternateScreen();
        c.primary = primary == null ? null : primary.clone();
        c.cursor = cursor == null ? null : cursor.copy();
        return c;
    }

    /** Saves the cursor as DECSC does, into this slot. */
    void saveCursor(DrawState ds) {
        if (cursor == null) {
            cursor = new SavedCursor();
        }
        ds.saveCursor(cursor);
    }

    /** Restores the cursor saved by {@link #saveCursor}, if there is one. */
    void restoreCursor(DrawState ds) {
        if (cursor != null) {
            ds.restoreCursor(cursor);
        }
    }

    /** Passes the hyperlink of the saved cursor, if any, to {@code action}. */
    void forEachLink(Consumer<String> action) {
        if (cursor != null && cursor.link != null) {
            action.accept(cursor.link);
        }
    }
}
