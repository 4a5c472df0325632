package dev.jmosh.vt.internal.screen;

/**
 * ISO 2022 character-set state as xterm keeps it in UTF-8 mode: which set is designated to each
 * of G0..G3 (SCS: {@code ESC ( F}, {@code ESC ) F}, {@code ESC * F}, {@code ESC + F}), which of
 * them is invoked into GL (LS0 = SI, LS1 = SO, LS2 = {@code ESC n}, LS3 = {@code ESC o}) and a
 * pending single shift (SS2, SS3) for the next character. Only two sets exist here: US ASCII
 * ({@code B}, and the power-on state) and DEC Special Graphics ({@code 0}); see
 * {@link DecGraphics}. Not in mosh 1.4.0, which ignores all of it.
 *
 * <p>{@link #active()} is the only thing the print path reads when no graphics set is in use.
 */
public final class CharsetState {
    /** US ASCII: characters print as they are. */
    public static final byte ASCII = 0;
    /** DEC Special Graphics: see {@link DecGraphics}. */
    public static final byte DEC_GRAPHICS = 1;
    private static final int SLOTS = 4;
    private static final int NO_SHIFT = -1;

    private final byte[] designated = new byte[SLOTS];
    private int invoked;
    private int singleShift = NO_SHIFT;
    private boolean active;

    /** Returns whether printed characters must go through {@link #map}. */
    public boolean active() {
        return active;
    }

    /** Designates {@code set} ({@link #ASCII} or {@link #DEC_GRAPHICS}) to G{@code slot}. */
    public void designate(int slot, byte set) {
        designated[slot] = set;
        update();
    }

    /** Invokes G{@code slot} into GL until further notice (LS0..LS3). */
    public void lockingShift(int slot) {
        invoked = slot;
        update();
    }

    /** Invokes G{@code slot} (2 or 3) for the next printed character only (SS2, SS3). */
    public void singleShift(int slot) {
        singleShift = slot;
        update();
    }

    /** Returns the character to store for printed {@code ch}, consuming a single shift. */
    public int map(int ch) {
        byte set = designated[singleShift == NO_SHIFT ? invoked : singleShift];
        if (singleShift != NO_SHIFT) {
            singleShift = NO_SHIFT;
            update();
        }
        return set == DEC_GRAPHICS ? DecGraphics.map(ch) : ch;
    }

    private void update() {
        active = singleShift != NO_SHIFT || designated[invoked] != ASCII;
    }

    /** Returns to the power-on state: ASCII everywhere, G0 in GL, no single shift. */
    public void reset() {
        java.util.Arrays.fill(designated, ASCII);
        invoked = 0;
        singleShift = NO_SHIFT;
        active = false;
    }

    /** Copies designations and shifts from another state. */
    public void copyFrom(CharsetState o) {
        System.arraycopy(o.designated, 0, designated, 0, SLOTS);
        invoked = o.invoked;
        singleShift = o.singleShift;
        active = o.active;
    }

    /** Copies designations and the locking shift (what DECSC saves; not a single shift). */
    void copyLockedFrom(CharsetState o) {
        System.arraycopy(o.designated, 0, designated, 0, SLOTS);
        invoked = o.invoked;
        singleShift = NO_SHIFT;
        update();
    }
}
