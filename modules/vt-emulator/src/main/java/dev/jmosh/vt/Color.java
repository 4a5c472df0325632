package dev.jmosh.vt;

import dev.jmosh.vt.internal.screen.Renditions;

/**
 * A colour: the terminal default, a palette index 0..255, or a 24-bit RGB value. Immutable.
 * Mirrors mosh's colour model: SGR 30..37/40..47 are indices 0..7, the bright SGR 90..97/100..107
 * are indices 8..15, so {@code ESC[31m} and {@code ESC[38;5;1m} give the same colour.
 */
public final class Color {
    /** The terminal's default colour. */
    public static final Color DEFAULT = new Color(Renditions.COLOR_DEFAULT);
    private static final int PALETTE_SIZE = 256;
    private static final Color[] PALETTE = new Color[PALETTE_SIZE];

    static {
        for (int i = 0; i < PALETTE_SIZE; i++) {
            PALETTE[i] = new Color(Renditions.indexed(i));
        }
    }

    private final int value; // a Renditions colour value

    private Color(int value) {
        this.value = value;
    }

    /**
     * Returns palette colour {@code index}.
     *
     * @param index 0..255
     * @throws IllegalArgumentException if the index is out of range
     */
    public static Color indexed(int index) {
        if (index < 0 || index >= PALETTE_SIZE) {
            throw new IllegalArgumentException("palette index out of range: " + index);
        }
        return PALETTE[index];
    }

    /** Returns the 24-bit colour with the given components (each 0..255). */
    public static Color rgb(int red, int green, int blue) {
        if ((red | green | blue) >>> 8 != 0) {
            throw new IllegalArgumentException("colour component out of range");
        }
        return new Color(Renditions.rgb((red << 16) | (green << 8) | blue));
    }

    /** Returns the colour for a packed {@code Renditions} colour value. */
    static Color fromValue(int value) {
        if (value == Renditions.COLOR_DEFAULT) {
            return DEFAULT;
        }
        if ((value & Renditions.INDEXED_FLAG) != 0) {
            return PALETTE[value & 0xFF];
        }
        return new Color(value);
    }

    /** Returns whether this is the terminal default colour. */
    public boolean isDefault() {
        return value == Renditions.COLOR_DEFAULT;
    }

    /** Returns whether this is a palette colour. */
    public boolean isIndexed() {
        return (value & Renditions.INDEXED_FLAG) != 0;
    }

    /** Returns whether this is a 24-bit colour. */
    public boolean isRgb() {
        return (value & Renditions.RGB_FLAG) != 0;
    }

    /**
     * Returns the palette index.
     *
     * @throws IllegalStateException if this is not a palette colour
     */
    public int index() {
        if (!isIndexed()) {
            throw new IllegalStateException("not a palette colour: " + this);
        }
        return value & 0xFF;
    }

    /**
     * Returns the 24-bit value 0xRRGGBB.
     *
     * @throws IllegalStateException if this is not a 24-bit colour
     */
    public int rgb() {
        if (!isRgb()) {
            throw new IllegalStateException("not an RGB colour: " + this);
        }
        return value & 0xFFFFFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Color && ((Color) o).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        if (isDefault()) {
            return "default";
        }
        return isIndexed() ? "indexed(" + index() + ")" : String.format("rgb(#%06x)", rgb());
    }
}
