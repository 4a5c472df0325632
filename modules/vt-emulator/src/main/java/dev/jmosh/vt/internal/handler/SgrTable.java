package dev.jmosh.vt.internal.handler;

import static dev.jmosh.vt.internal.handler.Origin.BEYOND_MOSH;
import static dev.jmosh.vt.internal.handler.Origin.MOSH;

import dev.jmosh.vt.internal.screen.Renditions;

/**
 * What each plain SGR number does (mosh {@code Renditions::set_rendition}): 0 resets; 30..37,
 * 40..47, 90..97 and 100..107 set the sixteen colours as palette indices; 39 and 49 restore the
 * defaults; 1/22, 3/23, 4/24, 5/25, 7/27 and 8/28 switch attributes. Beyond mosh 1.4.0, which
 * ignores them: faint (2, cleared by 22 together with bold, as in xterm and tmux) and
 * strikethrough (9/29). Unregistered numbers are ignored. The extended colours
 * ({@code 38;5;n}, {@code 38;2;r;g;b} and their colon forms) are {@link SgrHandler}'s.
 */
final class SgrTable {
    static final FunctionTable<Functions.Sgr> TABLE = new FunctionTable<>();
    private static final int FAST = 128;
    private static final long[] PROBES = {
        0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL, 0x0123_4567_89AB_CDEFL, 0xFEDC_BA98_7654_3210L,
        0x00FF_00FF_00FF_00FFL, 0x0F0F_0F0F_0F0F_0F0FL, Long.MIN_VALUE, 1L,
    };

    static {
        TABLE.add(0, MOSH, false, r -> Renditions.DEFAULT);
        for (int i = 0; i < Renditions.ANSI_COLORS; i++) {
            int fg = Renditions.indexed(i);
            int bg = Renditions.indexed(i);
            int brightFg = Renditions.indexed(i + Renditions.ANSI_COLORS);
            int brightBg = Renditions.indexed(i + Renditions.ANSI_COLORS);
            TABLE.add(30 + i, MOSH, false, r -> Renditions.withForeground(r, fg));
            TABLE.add(40 + i, MOSH, false, r -> Renditions.withBackground(r, bg));
            TABLE.add(90 + i, MOSH, false, r -> Renditions.withForeground(r, brightFg));
            TABLE.add(100 + i, MOSH, false, r -> Renditions.withBackground(r, brightBg));
        }
        TABLE.add(39, MOSH, false, r -> Renditions.withForeground(r, Renditions.COLOR_DEFAULT));
        TABLE.add(49, MOSH, false, r -> Renditions.withBackground(r, Renditions.COLOR_DEFAULT));
        attribute(1, 22, Renditions.BOLD, MOSH);
        attribute(3, 23, Renditions.ITALIC, MOSH);
        attribute(4, 24, Renditions.UNDERLINED, MOSH);
        attribute(5, 25, Renditions.BLINK, MOSH);
        attribute(7, 27, Renditions.INVERSE, MOSH);
        attribute(8, 28, Renditions.INVISIBLE, MOSH);
        attribute(9, 29, Renditions.STRIKETHROUGH, BEYOND_MOSH);
        TABLE.add(2, BEYOND_MOSH, false, r -> Renditions.withAttribute(r, Renditions.FAINT, true));
    }

    private SgrTable() {
    }

    private static void attribute(int on, int off, int bit, Origin origin) {
        TABLE.add(on, origin, false, r -> Renditions.withAttribute(r, bit, true));
        if (off == 22) {
            // 22 is "normal intensity": it ends faint as well as bold (beyond mosh for faint)
            TABLE.add(off, origin, false, r -> Renditions.withAttribute(
                    Renditions.withAttribute(r, Renditions.BOLD, false), Renditions.FAINT, false));
        } else {
            TABLE.add(off, origin, false, r -> Renditions.withAttribute(r, bit, false));
        }
    }

    /** Per SGR number below {@value #FAST}: whether {@link #KEEP} and {@link #SET} describe it. */
    private static final boolean[] MASKED = new boolean[FAST];
    /** Per SGR number below {@value #FAST}: the bits its function keeps. */
    private static final long[] KEEP = new long[FAST];
    /** Per SGR number below {@value #FAST}: the bits its function sets. */
    private static final long[] SET = new long[FAST];

    static {
        for (int num = 0; num < FAST; num++) {
            int i = TABLE.find(num);
            KEEP[num] = -1L; // unknown numbers change nothing
            MASKED[num] = true;
            if (i >= 0) {
                Functions.Sgr f = TABLE.function(i);
                long keep = f.apply(-1L);
                long set = f.apply(0L);
                boolean bitwise = true;
                for (long probe : PROBES) {
                    bitwise &= f.apply(probe) == ((probe & keep) | set);
                }
                MASKED[num] = bitwise;
                KEEP[num] = keep;
                SET[num] = set;
            }
        }
    }

    /** Returns whether {@link #apply} uses masks for {@code num} (for tests). */
    static boolean masked(int num) {
        return num >= 0 && num < FAST && MASKED[num];
    }

    /**
     * Applies one plain SGR number to a rendition; unknown numbers change nothing. Every
     * registered function only keeps, sets or clears bits of the packed rendition, so at class
     * initialisation each is turned into two masks (checked on probe values; one that failed
     * would be called instead): no megamorphic call per parameter.
     */
    static long apply(long r, int num) {
        if (num >= 0 && num < FAST && MASKED[num]) {
            return (r & KEEP[num]) | SET[num];
        }
        int i = TABLE.find(num);
        return i < 0 ? r : TABLE.function(i).apply(r);
    }
}
