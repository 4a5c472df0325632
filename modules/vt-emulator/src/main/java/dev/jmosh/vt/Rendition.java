package dev.jmosh.vt;

import dev.jmosh.vt.internal.screen.Renditions;

/**
 * How a cell is drawn: foreground and background colour and the attributes mosh supports (bold,
 * italic, underlined, blink, inverse, invisible). Immutable. Mirrors mosh's
 * {@code Terminal::Renditions}; faint and strikethrough are not represented (mosh 1.4.0 ignores
 * them).
 */
public final class Rendition {
    /** Default colours, no attributes. */
    public static final Rendition DEFAULT = new Rendition(Renditions.DEFAULT);

    private final long packed;

    private Rendition(long packed) {
        this.packed = packed;
    }

    static Rendition of(long packed) {
        return packed == Renditions.DEFAULT ? DEFAULT : new Rendition(packed);
    }

    long packed() {
        return packed;
    }

    /** Returns this rendition with the underline attribute set or cleared. */
    public Rendition withUnderlined(boolean on) {
        return of(Renditions.withAttribute(packed, Renditions.UNDERLINED, on));
    }

    public Color foreground() {
        return Color.fromValue(Renditions.foreground(packed));
    }

    public Color background() {
        return Color.fromValue(Renditions.background(packed));
    }

    private boolean has(int attribute) {
        return (Renditions.attributes(packed) & attribute) != 0;
    }

    public boolean bold() {
        return has(Renditions.BOLD);
    }

    public boolean italic() {
        return has(Renditions.ITALIC);
    }

    public boolean underlined() {
        return has(Renditions.UNDERLINED);
    }

    public boolean blink() {
        return has(Renditions.BLINK);
    }

    public boolean inverse() {
        return has(Renditions.INVERSE);
    }

    public boolean invisible() {
        return has(Renditions.INVISIBLE);
    }

    /** Returns whether the text is faint (SGR 2); beyond mosh 1.4.0. */
    public boolean faint() {
        return has(Renditions.FAINT);
    }

    /** Returns whether the text is crossed out (SGR 9); beyond mosh 1.4.0. */
    public boolean strikethrough() {
        return has(Renditions.STRIKETHROUGH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rendition && ((Rendition) o).packed == packed;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(packed);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Rendition[fg=").append(foreground())
                .append(", bg=").append(background());
        String[] names = {"bold", "italic", "underlined", "blink", "inverse", "invisible", "faint",
            "strikethrough"};
        for (int i = 0; i < names.length; i++) {
            if (has(1 << i)) {
                b.append(", ").append(names[i]);
            }
        }
        return b.append(']').toString();
    }
}
