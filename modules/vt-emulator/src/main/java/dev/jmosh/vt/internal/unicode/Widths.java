package dev.jmosh.vt.internal.unicode;

/**
 * Character widths, as glibc's {@code wcwidth} reports them on Debian 12 (glibc 2.36, Unicode
 * 14): -1 for non-printable code points, 0 for combining and zero-width marks, 2 for East Asian
 * wide and fullwidth characters (which include the wide emoji), 1 otherwise. Mirrors
 * {@code Terminal::Emulator::print}, which fast-paths printable ISO 8859-1 before asking
 * {@code wcwidth}.
 */
public final class Widths {
    /** The largest Unicode code point. */
    public static final int MAX_CODE_POINT = 0x10FFFF;

    private Widths() {
    }

    /**
     * Returns the width of a code point.
     *
     * @param codePoint any int; values outside 0..U+10FFFF are non-printable
     * @return -1, 0, 1 or 2
     */
    public static int of(int codePoint) {
        if ((codePoint >= 0x20 && codePoint < 0x7F) || (codePoint >= 0xA0 && codePoint <= 0xFF)) {
            return 1; // printable ISO 8859-1, the common case
        }
        if (codePoint < 0 || codePoint > MAX_CODE_POINT) {
            return -1;
        }
        int[] first = WidthTable.FIRST;
        int lo = 0;
        int hi = WidthTable.SIZE - 1;
        while (lo <= hi) { // find the last range starting at or before codePoint
            int mid = (lo + hi) >>> 1;
            if (first[mid] <= codePoint) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (hi >= 0 && codePoint <= WidthTable.LAST[hi]) {
            return WidthTable.WIDTH[hi];
        }
        return 1;
    }
}
