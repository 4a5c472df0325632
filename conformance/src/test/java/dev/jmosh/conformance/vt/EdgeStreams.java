package dev.jmosh.conformance.vt;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written streams for one behaviour each: the edge cases worth a name, and every construct
 * kept out of the random families because mosh 1.4.0 (and so jmosh) and tmux are known to treat
 * it differently. Their divergences are listed, with the reason, in {@link GeneratedCorpusTest}.
 */
final class EdgeStreams {
    private EdgeStreams() {
    }

    private static void add(List<VtStream> all, String name, int columns, int rows, String text) {
        all.add(VtStream.of("edge-" + name, columns, rows, text));
    }

    static List<VtStream> all() {
        List<VtStream> a = new ArrayList<>();
        // deferred wrap
        add(a, "pending-wrap-cursor", 10, 3, "0123456789");
        add(a, "pending-wrap-bs", 10, 3, "0123456789\bX");
        add(a, "pending-wrap-cr", 10, 3, "0123456789\rX");
        add(a, "pending-wrap-lf", 10, 3, "0123456789\nX");
        add(a, "pending-wrap-cuf", 10, 3, "0123456789\033[CX");
        add(a, "pending-wrap-cub", 10, 3, "0123456789\033[DX");
        add(a, "pending-wrap-el", 10, 3, "0123456789\033[KX");
        add(a, "pending-wrap-sgr", 10, 3, "0123456789\033[1mX");
        add(a, "pending-wrap-ht", 10, 3, "0123456789\tX");
        add(a, "pending-wrap-decsc", 10, 3, "0123456789\0337\r\n\0338X");
        add(a, "pending-wrap-bottom-scroll", 10, 3, "\033[3H0123456789X");
        add(a, "pending-wrap-latent", 10, 3, "\033[?7l0123456789\033[?7hX");
        add(a, "pending-wrap-cbt", 10, 3, "0123456789\033[ZX");
        add(a, "autowrap-off", 10, 3, "\033[?7l0123456789ABC\033[?7h");
        add(a, "wide-last-column", 10, 3, "123456789\u4E2DY");
        add(a, "wide-last-column-nowrap", 10, 3, "\033[?7l123456789\u4E2DY");
        add(a, "wide-wrap-erases-last-cell", 10, 3, "\033[10GS\033[10G\u4E2D");
        add(a, "wide-exact-fit", 10, 3, "12345678\u4E2DZ");
        // wide and combining characters
        add(a, "wide-overwrite-left", 10, 3, "\u4E2D\u6587\rX");
        add(a, "wide-overwrite-right", 10, 3, "\u4E2D\u6587\033[2GX");
        add(a, "wide-erase-right-half", 10, 3, "\u4E2D\u6587\033[2G\033[X");
        add(a, "wide-insert-char", 10, 3, "\u4E2D\u6587\033[2G\033[@");
        add(a, "wide-delete-char", 10, 3, "\u4E2D\u6587\033[2G\033[P");
        add(a, "combining-after-base", 10, 3, "e\u0301a\u0308\u0323 x\u20DD");
        add(a, "combining-alone-first", 10, 3, "\u0301abc");
        add(a, "combining-after-move", 10, 3, "a\033[5G\u0301bc");
        add(a, "combining-after-wide", 10, 3, "\u4E2D\u0301x");
        add(a, "emoji", 20, 3, "\uD83D\uDE00 \uD83D\uDC4D\uD83C\uDFFD \u2764\uFE0F \u263A x");
        add(a, "zero-width", 10, 3, "a\u200Bb\u200Dc\uFEFFd");
        // scrolling regions
        add(a, "region-one-line", 10, 4, "1\r\n2\r\n3\r\n4\033[2;2rX");
        add(a, "region-invalid", 10, 4, "1\r\n2\r\n3\r\n4\033[3;2rX");
        add(a, "region-lf-bottom", 10, 4, "1\r\n2\r\n3\r\n4\033[2;3r\033[3H\nX");
        add(a, "region-ri-top", 10, 4, "1\r\n2\r\n3\r\n4\033[2;3r\033[2H\033MX");
        add(a, "region-il-outside", 10, 4, "1\r\n2\r\n3\r\n4\033[2;3r\033[4H\033[LX");
        add(a, "region-su-sd", 10, 4, "1\r\n2\r\n3\r\n4\033[2;3r\033[S\033[4;1HX\033[T");
        add(a, "region-beyond-screen", 7, 3, "\033[7`\033[3;4rX");
        add(a, "il-dl-column", 10, 3, "ab\033[Lcd\033[Me");
        add(a, "dl-outside-region", 10, 4, "1\r\n2\r\n3\r\n4\033[2;3r\033[4H\033[MX");
        add(a, "decom-homes-absolute", 10, 4, "\033[2;3r\033[?6hX");
        add(a, "decstbm-homes-in-origin-mode", 10, 4, "\033[?6h\033[2;3rX");
        add(a, "origin-mode", 10, 4, "\033[2;3r\033[?6h\033[9;9HX\033[?6l\033[9;9HY");
        // controls, modes and resets
        add(a, "cht", 20, 3, "\033[IX\033[2IY");
        add(a, "tab-stops", 40, 3, "\033[3g\033[5G\033H\033[15G\033H\r\tA\tB\tC\033[Z\033[ZD\033[2IE");
        add(a, "insert-mode", 10, 3, "abcdefghij\r\033[4hXY\033[4l");
        add(a, "cursor-hidden", 10, 3, "ab\033[?25l");
        add(a, "decaln", 6, 3, "\033#8\033[2;2Hx");
        add(a, "ris", 10, 3, "abc\033[1;31mdef\033cX");
        add(a, "decstr", 10, 3, "\033[1;31m\033[2;3r\033[?6h\033[!pab");
        add(a, "bce-erase", 10, 3, "\033[44m\033[2J\033[2;3Hab\033[K\033[0m");
        add(a, "ed3", 10, 3, "abc\033[3J");
        add(a, "cnl-cpl", 10, 4, "\033[2;5H\033[EX\033[2FY");
        add(a, "vt-ff", 10, 3, "ab\013c\014d");
        add(a, "title-osc", 10, 3, "\033]0;a title\007ab\033]2;other\033\\cd");
        // beyond mosh 1.4.0 (some being added to jmosh)
        add(a, "alternate-screen-1049", 10, 3, "main\033[?1049halt\033[?1049l");
        add(a, "alternate-screen-47", 10, 3, "main\033[?47halt");
        add(a, "decscnm-132", 10, 3, "abc\033[?3h");
        add(a, "dec-graphics", 10, 3, "\033(0lqqk\r\nx  x\r\nmqqj\033(B");
        add(a, "sgr-faint-strike", 20, 3, "\033[2mfaint\033[22m \033[9mstrike\033[29m \033[1;2mbf\033[22mn");
        add(a, "sgr-double-underline", 10, 3, "\033[21mdu\033[24m cu\033[0m");
        add(a, "sgr-colon-rgb", 10, 3, "\033[38:2::10:20:30mrgb\033[38:5:208mx\033[0m");
        add(a, "rep", 10, 3, "a\033[3b");
        add(a, "decscusr", 10, 3, "ab\033[4 qcd");
        add(a, "osc8-hyperlink", 20, 3, "\033]8;;http://x\033\\link\033]8;;\033\\ plain");
        return a;
    }
}
