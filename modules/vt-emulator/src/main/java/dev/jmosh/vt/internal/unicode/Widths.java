package dev.jmosh.vt.internal.unicode;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Character widths, as glibc's {@code wcwidth} reports them on Debian 12 (glibc 2.36, Unicode
 * 14): -1 for non-printable code points, 0 for combining and zero-width marks, 2 for East Asian
 * wide and fullwidth characters (which include the wide emoji), 1 otherwise. Mirrors
 * {@code Terminal::Emulator::print}, which fast-paths printable ISO 8859-1 before asking
 * {@code wcwidth}.
 *
 * <p>Lookups are two array reads: at class initialisation the ranges of {@link WidthTable} are
 * expanded into blocks of {@value #BLOCK} code points, identical blocks stored once (about 150
 * distinct blocks for the whole code space: under 40 KiB).
 */
public final class Widths {
    /** The largest Unicode code point. */
    public static final int MAX_CODE_POINT = 0x10FFFF;
    private static final int SHIFT = 8;
    private static final int BLOCK = 1 << SHIFT;
    /** Per block of code points, the start of its widths in {@link #WIDTHS}. */
    private static final int[] BLOCK_START = new int[(MAX_CODE_POINT + 1) >>> SHIFT];
    /** The distinct blocks of widths, one after another. */
    private static final byte[] WIDTHS;

    static {
        Map<ByteBuffer, Integer> seen = new HashMap<>();
        byte[] all = new byte[0];
        byte[] block = new byte[BLOCK];
        int range = 0;
        for (int b = 0; b < BLOCK_START.length; b++) {
            for (int k = 0; k < BLOCK; k++) {
                int cp = b << SHIFT | k;
                while (range < WidthTable.SIZE && WidthTable.LAST[range] < cp) {
                    range++;
                }
                boolean inRange = range < WidthTable.SIZE && WidthTable.FIRST[range] <= cp;
                block[k] = (byte) (inRange ? WidthTable.WIDTH[range] : 1);
            }
            ByteBuffer key = ByteBuffer.wrap(block.clone());
            Integer start = seen.get(key);
            if (start == null) {
                start = all.length;
                all = Arrays.copyOf(all, all.length + BLOCK);
                System.arraycopy(block, 0, all, start, BLOCK);
                seen.put(key, start);
            }
            BLOCK_START[b] = start;
        }
        WIDTHS = all;
    }

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
        return WIDTHS[BLOCK_START[codePoint >>> SHIFT] + (codePoint & (BLOCK - 1))];
    }
}
