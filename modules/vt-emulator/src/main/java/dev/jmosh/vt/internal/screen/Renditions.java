package dev.jmosh.vt.internal.screen;

import dev.jmosh.vt.internal.unicode.ByteSink;

/**
 * Renditions (SGR state) packed into a {@code long}, so that cells store them without objects.
 * Mirrors mosh's {@code Terminal::Renditions} (plus faint and strikethrough), including its
 * colour model: the sixteen ANSI colours are stored as palette indices 0..15 (SGR 30..37 and
 * 90..97 are {@code 38;5;0..15}), and 24-bit colours keep their three bytes. Which SGR number
 * does what is the business of the handlers ({@code SgrTable}).
 *
 * <pre>
 *  63     60 59        52 51                 26 25                  0
 * +---------+------------+---------------------+---------------------+
 * | unused  | attributes | background colour   | foreground colour   |
 * +---------+------------+---------------------+---------------------+
 * colour (26 bits): 0 = default | INDEXED_FLAG | index | RGB_FLAG | 0xRRGGBB
 * </pre>
 */
public final class Renditions {
    /** The default rendition: default colours, no attributes. */
    public static final long DEFAULT = 0L;
    /** Colour value meaning "terminal default". */
    public static final int COLOR_DEFAULT = 0;
    /** Flag marking a 24-bit colour; the low 24 bits hold 0xRRGGBB. */
    public static final int RGB_FLAG = 1 << 24;
    /** Flag marking a palette colour; the low 8 bits hold the index. */
    public static final int INDEXED_FLAG = 1 << 25;
    /** Attribute bit: bold (SGR 1). */
    public static final int BOLD = 1;
    /** Attribute bit: italic (SGR 3). */
    public static final int ITALIC = 1 << 1;
    /** Attribute bit: underlined (SGR 4). */
    public static final int UNDERLINED = 1 << 2;
    /** Attribute bit: blink (SGR 5). */
    public static final int BLINK = 1 << 3;
    /** Attribute bit: inverse (SGR 7). */
    public static final int INVERSE = 1 << 4;
    /** Attribute bit: invisible (SGR 8). */
    public static final int INVISIBLE = 1 << 5;
    /** Attribute bit: faint (SGR 2); beyond mosh 1.4.0, which ignores SGR 2. */
    public static final int FAINT = 1 << 6;
    /** Attribute bit: crossed out (SGR 9); beyond mosh 1.4.0, which ignores SGR 9. */
    public static final int STRIKETHROUGH = 1 << 7;
    /** Number of palette entries (SGR 38;5;n takes n below this). */
    public static final int PALETTE_SIZE = 256;
    /** Number of ANSI colours (SGR 30..37); the bright ones are indices 8..15. */
    public static final int ANSI_COLORS = 8;

    private static final int COLOR_BITS = 26;
    private static final long COLOR_MASK = (1L << COLOR_BITS) - 1;
    private static final int BG_SHIFT = COLOR_BITS;
    private static final int ATTR_SHIFT = 2 * COLOR_BITS;

    private Renditions() {
    }

    /** Returns the foreground colour value. */
    public static int foreground(long r) {
        return (int) (r & COLOR_MASK);
    }

    /** Returns the background colour value. */
    public static int background(long r) {
        return (int) ((r >>> BG_SHIFT) & COLOR_MASK);
    }

    /** Returns the attribute bits. */
    public static int attributes(long r) {
        return (int) (r >>> ATTR_SHIFT) & 0xFF;
    }

    /** Returns the rendition of an erased cell: the given background and nothing else (BCE). */
    public static long blank(int background) {
        return ((long) background) << BG_SHIFT;
    }

    /** Returns {@code r} with another foreground colour. */
    public static long withForeground(long r, int color) {
        return (r & ~COLOR_MASK) | color;
    }

    /** Returns {@code r} with another background colour. */
    public static long withBackground(long r, int color) {
        return (r & ~(COLOR_MASK << BG_SHIFT)) | ((long) color << BG_SHIFT);
    }

    /** Returns {@code r} with an attribute bit set or cleared. */
    public static long withAttribute(long r, int attribute, boolean on) {
        long bit = ((long) attribute) << ATTR_SHIFT;
        return on ? r | bit : r & ~bit;
    }

    /** Returns the colour value of palette entry {@code index} (0..255). */
    public static int indexed(int index) {
        return INDEXED_FLAG | index;
    }

    /** Returns the colour value of a 24-bit colour 0xRRGGBB. */
    public static int rgb(int rgb24) {
        return RGB_FLAG | (rgb24 & 0xFFFFFF);
    }

    /** Returns {@code r} with a 256-colour foreground, ignoring indices outside 0..255 as mosh does. */
    public static long withIndexedForeground(long r, int index) {
        return index >= 0 && index < PALETTE_SIZE ? withForeground(r, indexed(index)) : r;
    }

    /** Returns {@code r} with a 256-colour background, ignoring indices outside 0..255 as mosh does. */
    public static long withIndexedBackground(long r, int index) {
        return index >= 0 && index < PALETTE_SIZE ? withBackground(r, indexed(index)) : r;
    }

    /**
     * Appends the complete SGR string for {@code r}, always starting from a reset, as mosh's
     * {@code Renditions::sgr} writes it: {@code ESC[0;1;2;3;4;5;7;8;9;<fg>;<bg>m}. Faint (2) and
     * strikethrough (9) are beyond mosh; its client ignores them, and without them the string is
     * byte for byte mosh's.
     */
    public static void appendSgr(long r, ByteSink out) {
        out.appendAscii("\033[0");
        int attrs = attributes(r);
        if ((attrs & BOLD) != 0) {
            out.appendAscii(";1");
        }
        if ((attrs & FAINT) != 0) {
            out.appendAscii(";2");
        }
        if ((attrs & ITALIC) != 0) {
            out.appendAscii(";3");
        }
        if ((attrs & UNDERLINED) != 0) {
            out.appendAscii(";4");
        }
        if ((attrs & BLINK) != 0) {
            out.appendAscii(";5");
        }
        if ((attrs & INVERSE) != 0) {
            out.appendAscii(";7");
        }
        if ((attrs & INVISIBLE) != 0) {
            out.appendAscii(";8");
        }
        if ((attrs & STRIKETHROUGH) != 0) {
            out.appendAscii(";9");
        }
        appendColor(foreground(r), 30, out);
        appendColor(background(r), 40, out);
        out.append('m');
    }

    private static void appendColor(int color, int base, ByteSink out) {
        if (color == COLOR_DEFAULT) {
            return;
        }
        out.append(';');
        if ((color & RGB_FLAG) != 0) {
            out.appendDecimal(base + 8);
            out.appendAscii(";2;");
            out.appendDecimal((color >>> 16) & 0xFF);
            out.append(';');
            out.appendDecimal((color >>> 8) & 0xFF);
            out.append(';');
            out.appendDecimal(color & 0xFF);
        } else {
            int index = color & 0xFF;
            if (index < ANSI_COLORS) {
                out.appendDecimal(base + index);
            } else {
                out.appendDecimal(base + 8);
                out.appendAscii(";5;");
                out.appendDecimal(index);
            }
        }
    }
}
