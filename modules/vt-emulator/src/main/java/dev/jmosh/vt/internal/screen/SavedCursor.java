package dev.jmosh.vt.internal.screen;

/**
 * What DECSC ({@code ESC 7}) saves and DECRC ({@code ESC 8}) restores: cursor position,
 * rendition, autowrap and origin mode (as mosh), plus, beyond mosh, the character sets (as
 * xterm) and the hyperlink being written (as tmux, which saves it with the rendition). The same
 * record holds the cursor that {@code CSI ? 1049 h} saves for {@code CSI ? 1049 l}.
 */
public final class SavedCursor {
    int col;
    int row;
    long rendition = Renditions.DEFAULT;
    boolean autoWrap = true;
    boolean origin;
    final CharsetState charsets = new CharsetState();
    String link;

    /** Returns a record of the power-on state: home, default rendition, autowrap on. */
    public SavedCursor() {
        // fields start at the power-on values
    }

    /** Returns an independent copy. */
    public SavedCursor copy() {
        SavedCursor c = new SavedCursor();
        c.copyFrom(this);
        return c;
    }

    void copyFrom(SavedCursor o) {
        col = o.col;
        row = o.row;
        rendition = o.rendition;
        autoWrap = o.autoWrap;
        origin = o.origin;
        charsets.copyFrom(o.charsets);
        link = o.link;
    }

    /** Forgets what was saved (back to the power-on values). */
    void clear() {
        col = 0;
        row = 0;
        rendition = Renditions.DEFAULT;
        autoWrap = true;
        origin = false;
        charsets.reset();
        link = null;
    }
}
