package dev.jmosh.vt;

import dev.jmosh.vt.internal.unicode.Widths;

/**
 * Terminal column width of a code point, matching glibc's {@code wcwidth} on Debian 12 (glibc
 * 2.36, Unicode 14) for every code point, which is what mosh peers use. The table is generated
 * by {@code tools/unicode/gen-widths.py}.
 */
public final class CharWidth {
    private CharWidth() {
    }

    /**
     * Returns the width of a code point: -1 if not printable (controls, unassigned code points,
     * surrogates, U+2028/U+2029, values outside Unicode), 0 for combining and zero-width
     * characters (and for NUL, as glibc), 2 for wide and fullwidth characters including emoji
     * with emoji presentation, else 1.
     */
    public static int of(int codePoint) {
        return Widths.of(codePoint);
    }
}
