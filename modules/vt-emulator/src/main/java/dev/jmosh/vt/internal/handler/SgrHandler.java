package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Renditions;
import dev.jmosh.vt.internal.screen.Screen;

/**
 * SGR ({@code CSI m}). Mirrors mosh's {@code CSI_SGR} for ';'-separated parameters, quirks
 * included ({@code 38;5;n} and {@code 38;2;r;g;b} need all their parameters present, else the
 * numbers are taken one by one; colour components above 255 spill into their neighbours as in
 * mosh's packing). Beyond mosh 1.4.0, which ignores any SGR with ':', the ITU T.416 colon forms
 * are understood: {@code 38:5:n}, {@code 38:2:[colourspace]:r:g:b} (and {@code 38:2:r:g:b}),
 * the same with 48, and {@code 4:n} (0 = no underline, any style = underlined); other
 * colon groups are ignored.
 */
final class SgrHandler {
    private static final int FG_EXTENDED = 38;
    private static final int BG_EXTENDED = 48;
    private static final int UNDERLINE = 4;
    private static final int KIND_INDEXED = 5;
    private static final int KIND_RGB = 2;

    private SgrHandler() {
    }

    static void apply(Screen s, Sequence seq) {
        DrawState ds = s.ds();
        long r = ds.rendition();
        int count = seq.count();
        for (int i = 0; i < count; i++) {
            int groupEnd = i + 1;
            while (groupEnd < count && seq.isSubParameter(groupEnd)) {
                groupEnd++;
            }
            if (groupEnd - i > 1) {
                r = applyColonGroup(r, seq, i, groupEnd);
                i = groupEnd - 1;
                continue;
            }
            int num = seq.get(i, 0);
            boolean extended = num == FG_EXTENDED || num == BG_EXTENDED;
            if (extended && count - i >= 3 && seq.get(i + 1, -1) == KIND_INDEXED && plain(seq, i, 3)) {
                r = setIndexed(r, num == FG_EXTENDED, seq.get(i + 2, 0));
                i += 2;
            } else if (extended && count - i >= 5 && seq.get(i + 1, -1) == KIND_RGB && plain(seq, i, 5)) {
                r = setRgb(r, num == FG_EXTENDED, seq.get(i + 2, 0), seq.get(i + 3, 0), seq.get(i + 4, 0));
                i += 4;
            } else {
                r = SgrTable.apply(r, num);
            }
        }
        ds.setRendition(r);
    }

    /** Returns whether parameters i+1 .. i+n-1 are all ';'-separated. */
    private static boolean plain(Sequence seq, int i, int n) {
        for (int k = i + 1; k < i + n; k++) {
            if (seq.isSubParameter(k)) {
                return false;
            }
        }
        return true;
    }

    private static long applyColonGroup(long r, Sequence seq, int start, int end) {
        int num = seq.raw(start);
        int size = end - start;
        if (num == FG_EXTENDED || num == BG_EXTENDED) {
            boolean fg = num == FG_EXTENDED;
            int kind = seq.raw(start + 1);
            if (kind == KIND_INDEXED && size >= 3) {
                return setIndexed(r, fg, component(seq, start + 2));
            }
            if (kind == KIND_RGB && size >= 6) { // 38:2:colourspace:r:g:b
                return setRgb(r, fg, component(seq, start + 3), component(seq, start + 4),
                        component(seq, start + 5));
            }
            if (kind == KIND_RGB && size == 5) { // 38:2:r:g:b
                return setRgb(r, fg, component(seq, start + 2), component(seq, start + 3),
                        component(seq, start + 4));
            }
            return r;
        }
        if (num == UNDERLINE) {
            return Renditions.withAttribute(r, Renditions.UNDERLINED, seq.raw(start + 1) > 0);
        }
        return r;
    }

    private static int component(Sequence seq, int i) {
        return Math.max(0, seq.raw(i));
    }

    private static long setIndexed(long r, boolean fg, int index) {
        return fg ? Renditions.withIndexedForeground(r, index) : Renditions.withIndexedBackground(r, index);
    }

    private static long setRgb(long r, boolean fg, int red, int green, int blue) {
        int rgb = ((red << 16) | (green << 8) | blue) & 0xFFFFFF; // mosh packs without masking
        int color = Renditions.rgb(rgb);
        return fg ? Renditions.withForeground(r, color) : Renditions.withBackground(r, color);
    }
}
