package dev.jmosh.conformance.vt;

import dev.jmosh.vt.CharWidth;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated corpus: seeded, so every run and every machine gets the same streams. Each
 * stream has its own seed (family and number), so adding streams never changes the others.
 * Families:
 * <ul>
 *   <li>{@code mix}: printables, C0 controls, ESC and CSI functions and SGR, at several sizes;</li>
 *   <li>{@code sgr}: text under random SGR combinations (16, 256 and 24-bit colours);</li>
 *   <li>{@code unicode}: wide (CJK, Hangul, fullwidth, emoji) and combining text with moves and
 *       erases that land on and beside wide characters;</li>
 *   <li>{@code wrap}: lines around the width, deferred wrap followed by each kind of function,
 *       wide characters at the last column, autowrap off;</li>
 *   <li>{@code scroll}: a numbered screen scrolled by DECSTBM regions with IL, DL, SU, SD, RI,
 *       LF, IND, NEL at and beside the margins, origin mode.</li>
 * </ul>
 * The vocabulary is the part of ECMA-48/VT100/xterm that mosh 1.4.0 and tmux both implement;
 * constructs and states where the two are known to differ are steered around ({@link #emit},
 * which follows jmosh's own emulator as the streams are made) and have a hand-written stream
 * each in {@link EdgeStreams}, listed with the reason in the allow-list.
 */
final class StreamGenerator {
    private static final int[][] SIZES = {{80, 24}, {80, 24}, {40, 12}, {20, 6}, {132, 30}, {7, 3}};
    /** Tokens after which a deferred wrap means the same to mosh and tmux: text, CR, CUP, CHA, SGR. */
    private static final Pattern SAFE_AT_WRAP =
            Pattern.compile("[^\\x00-\\x1f\\x7f]+|\r.*|\033\\[[0-9;]*[Hf`Gm]", Pattern.DOTALL);
    private static final Pattern LINE_EDIT = Pattern.compile("\033\\[[0-9]*[LM]");
    private static final Pattern REGION = Pattern.compile("\033\\[(?:([0-9]+);([0-9]+))?r");
    private final SplittableRandom r;
    private final int columns;
    private final int rows;
    private final StringBuilder out = new StringBuilder();
    /** jmosh's emulator, fed every token: where the cursor is and whether a wrap is pending. */
    private final Emulator oracle;
    private int top;
    private int bottom;

    private StreamGenerator(long seed, int columns, int rows) {
        this.r = new SplittableRandom(seed);
        this.columns = columns;
        this.rows = rows;
        this.oracle = new Emulator(columns, rows);
        this.bottom = rows - 1;
    }

    /** The whole generated corpus. */
    static List<VtStream> corpus() {
        List<VtStream> all = new ArrayList<>();
        family(all, "mix", 120, 1, StreamGenerator::mix);
        family(all, "sgr", 40, 2, StreamGenerator::sgrText);
        family(all, "unicode", 50, 3, StreamGenerator::unicode);
        family(all, "wrap", 45, 4, StreamGenerator::wrap);
        family(all, "scroll", 50, 5, StreamGenerator::scroll);
        all.addAll(EdgeStreams.all());
        return all;
    }

    private static void family(List<VtStream> all, String name, int count, long familySeed,
                               java.util.function.Consumer<StreamGenerator> body) {
        for (int i = 0; i < count; i++) {
            long seed = familySeed * 1_000_003L + i;
            int[] size = SIZES[(int) Math.floorMod(seed * 7919L, (long) SIZES.length)];
            StreamGenerator g = new StreamGenerator(seed, size[0], size[1]);
            body.accept(g);
            all.add(VtStream.of(String.format("%s-%03d", name, i), g.columns, g.rows, g.out.toString()));
        }
    }

    // ---- families

    private void mix() {
        int tokens = 40 + r.nextInt(260);
        for (int t = 0; t < tokens; t++) {
            int k = r.nextInt(100);
            if (k < 30) {
                text(1 + r.nextInt(columns + 5));
            } else if (k < 42) {
                control();
            } else if (k < 50) {
                sgr();
            } else if (k < 62) {
                cursorMove();
            } else if (k < 72) {
                erase();
            } else if (k < 80) {
                edit();
            } else if (k < 85) {
                escape();
            } else if (k < 89) {
                tabs();
            } else if (k < 94) {
                mode();
            } else {
                region();
            }
        }
    }

    private void sgrText() {
        int tokens = 20 + r.nextInt(120);
        for (int t = 0; t < tokens; t++) {
            int k = r.nextInt(10);
            if (k < 4) {
                sgr();
            } else if (k < 8) {
                text(1 + r.nextInt(12));
            } else if (k < 9) {
                emit(r.nextBoolean() ? "\r\n" : " ");
            } else {
                erase();
            }
        }
    }

    private void unicode() {
        int tokens = 30 + r.nextInt(150);
        for (int t = 0; t < tokens; t++) {
            int k = r.nextInt(100);
            if (k < 25) {
                wideText(1 + r.nextInt(8));
            } else if (k < 40) {
                text(1 + r.nextInt(8));
            } else if (k < 52) {
                combining();
            } else if (k < 60) {
                control();
            } else if (k < 72) {
                cursorMove();
            } else if (k < 82) {
                erase();
            } else if (k < 90) {
                edit();
            } else {
                sgr();
            }
        }
    }

    private void wrap() {
        int lines = 3 + r.nextInt(10);
        for (int l = 0; l < lines; l++) {
            int k = r.nextInt(10);
            if (k < 2) {
                mode7();
            }
            int len = columns - 2 + r.nextInt(5); // around the width
            if (r.nextInt(3) == 0) {
                wideText(len / 2);
            } else {
                text(len);
            }
            if (r.nextInt(4) == 0) {
                emitCodePoint(wide());
            }
            switch (r.nextInt(12)) {
                case 0: emit("\r\n"); break;
                case 1: emit("\r"); break;
                case 2: emit("\n"); break;
                case 3: emit("\t"); break;
                case 4: cursorMove(); break;
                case 5: erase(); break;
                case 6: sgr(); break;
                case 7: edit(); break;
                case 8: escape(); break;
                case 9: emit("\0337"); text(1 + r.nextInt(3)); emit("\0338"); break;
                case 10: combining(); break;
                default: break;
            }
            if (r.nextInt(3) == 0) {
                text(1 + r.nextInt(4));
            }
        }
    }

    private void scroll() {
        for (int y = 1; y <= rows; y++) {
            emit("\033[" + y + "H");
            emit("line " + y + " " + (char) ('a' + y % 26));
        }
        int tokens = 10 + r.nextInt(50);
        for (int t = 0; t < tokens; t++) {
            int k = r.nextInt(100);
            if (k < 15) {
                region();
            } else if (k < 35) {
                atMargin();
            } else if (k < 55) {
                switch (r.nextInt(7)) {
                    case 0: emit("\n"); break;
                    case 1: emit("\033D"); break;
                    case 2: emit("\033E"); break;
                    case 3: emit("\033M"); break;
                    case 4: csi(r.nextInt(4), 'S'); break;
                    case 5: csi(r.nextInt(4), 'T'); break;
                    default: emit("\r\n"); break;
                }
            } else if (k < 70) {
                csi(r.nextInt(5), r.nextBoolean() ? 'L' : 'M');
            } else if (k < 80) {
                text(1 + r.nextInt(10));
            } else if (k < 85) {
                emit(r.nextBoolean() ? "\033[?6h" : "\033[?6l");
            } else if (k < 90) {
                sgr();
            } else {
                cursorMove();
            }
        }
    }

    // ---- known divergences kept out (each has its stream in EdgeStreams)

    /**
     * Appends one token, first steering around the states where mosh 1.4.0 (and so jmosh) and
     * tmux are known to disagree, so that the random families test everything else: a deferred
     * wrap (also one latent under autowrap off) is settled by CR before any token but text, CR,
     * CUP, CHA and SGR (mosh clears it on nearly every function and keeps it across HT, tmux
     * keeps it and moves from column = width); a cursor on the right half of a wide character is
     * moved onto its left half (mosh edits the half, tmux the whole character); a wide character
     * is not started in the last column (mosh erases that cell as it wraps, tmux keeps it); IL and DL are
     * kept inside the scrolling region (outside it mosh ignores them; edge-dl-outside-region
     * checks that tmux agrees) and followed by CR (mosh moves to column 0); DECSTBM and DECOM are followed by CUP home (mosh
     * homes before the mode changes, to the region's top; tmux homes to the screen's top left).
     */
    private void emit(String token) {
        Framebuffer fb = oracle.framebuffer();
        if (fb.cursorCol() == columns - 1 && wrapPending()) {
            if (!SAFE_AT_WRAP.matcher(token).matches()) {
                raw("\r");
            }
        } else if (fb.covered(fb.cursorRow(), fb.cursorCol())) {
            raw("\b");
        } else if (fb.cursorCol() == columns - 1 && !token.isEmpty() && CharWidth.of(token.codePointAt(0)) == 2) {
            raw("\r");
        }
        if (LINE_EDIT.matcher(token).matches()) {
            int y = oracle.framebuffer().cursorRow();
            if (y < top || y > bottom) {
                return;
            }
            raw(token);
            raw("\r");
            return;
        }
        raw(token);
        Matcher m = REGION.matcher(token);
        if (m.matches()) {
            top = m.group(1) == null ? 0 : Integer.parseInt(m.group(1)) - 1;
            bottom = m.group(1) == null ? rows - 1 : Math.min(rows, Integer.parseInt(m.group(2))) - 1;
            raw("\033[H");
        } else if (token.equals("\033[?6h") || token.equals("\033[?6l")) {
            raw("\033[H");
        }
    }

    private void raw(String token) {
        out.append(token);
        oracle.write(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the next character would wrap, were autowrap on (a probe on a copy). */
    private boolean wrapPending() {
        Emulator probe = oracle.copy();
        int y = probe.framebuffer().cursorRow();
        probe.write("\033[?7hX".getBytes(StandardCharsets.US_ASCII)); // DECSM keeps the wrap state
        Framebuffer fb = probe.framebuffer();
        return !(fb.cursorRow() == y && fb.cell(y, columns - 1).text().equals("X")); // X inserted or written
    }

    // ---- vocabulary

    private void text(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(40);
            if (k == 0) {
                b.append("éñüßø".charAt(r.nextInt(5)));
            } else {
                b.append((char) (0x21 + r.nextInt(0x7E - 0x21 + 1)));
                if (k > 33) {
                    b.append(' ');
                }
            }
        }
        emit(b.toString());
    }

    private int wide() {
        switch (r.nextInt(5)) {
            case 0: return 0x4E00 + r.nextInt(0x5000);        // CJK ideographs
            case 1: return 0xAC00 + r.nextInt(0x2B00);        // Hangul syllables
            case 2: return 0xFF01 + r.nextInt(0x5E);          // fullwidth forms
            case 3: return 0x1F600 + r.nextInt(0x50);         // emoticons
            default: return 0x1F300 + r.nextInt(0x100);       // pictographs (wide or not, per wcwidth)
        }
    }

    private void wideText(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (r.nextInt(4) == 0) {
                b.append((char) ('a' + r.nextInt(26)));
            } else {
                b.appendCodePoint(wide());
            }
        }
        emit(b.toString());
    }

    /** A base character and one to three combining marks (never a mark on its own), as one token. */
    private void combining() {
        StringBuilder b = new StringBuilder().append((char) ('a' + r.nextInt(26)));
        int marks = 1 + r.nextInt(3);
        for (int i = 0; i < marks; i++) {
            b.appendCodePoint(r.nextInt(4) == 0 ? 0x20D0 + r.nextInt(0x10) : 0x0300 + r.nextInt(0x70));
        }
        emit(b.toString());
    }

    private void control() {
        String[] c = {"\r", "\n", "\r\n", "\b", "\t", "\007", "\013", "\014"};
        emit(c[r.nextInt(c.length)]);
    }

    private void csi(int n, char f) {
        emit("\033[" + (n >= 0 ? Integer.toString(n) : "") + f);
    }

    private int count() {
        int k = r.nextInt(10);
        return k < 2 ? -1 : k < 4 ? 0 : k < 8 ? 1 + r.nextInt(5) : r.nextInt(Math.max(columns, rows) + 10);
    }

    private void cursorMove() {
        switch (r.nextInt(9)) {
            case 0: csi(count(), 'A'); break;
            case 1: csi(count(), 'B'); break;
            case 2: csi(count(), 'C'); break;
            case 3: csi(count(), 'D'); break;
            case 4: case 5:
                emit("\033[" + r.nextInt(rows + 3) + ';' + r.nextInt(columns + 3) + (r.nextBoolean() ? 'H' : 'f'));
                break;
            case 6: csi(r.nextInt(columns + 3), r.nextBoolean() ? 'G' : '`'); break;
            case 7: csi(r.nextInt(rows + 3), 'd'); break;
            default: emit("\033[H"); break;
        }
    }

    private void erase() {
        switch (r.nextInt(5)) {
            case 0: case 1: csi(selector(), 'K'); break;
            case 2: csi(selector(), 'J'); break;
            default: csi(count(), 'X'); break;
        }
    }

    /** An ED/EL selector: omitted, 0, 1 or 2. */
    private int selector() {
        return r.nextInt(4) - 1;
    }

    private void edit() {
        char[] f = {'@', 'P', 'L', 'M'};
        csi(count(), f[r.nextInt(f.length)]);
    }

    private void escape() {
        String[] e = {"\0337", "\0338", "\033D", "\033E", "\033M"};
        emit(e[r.nextInt(e.length)]);
    }

    private void tabs() {
        switch (r.nextInt(5)) {
            case 0: emit("\033H"); break;
            case 1: csi(r.nextBoolean() ? 0 : 3, 'g'); break;
            case 2: emit("\t\t"); break; // not CHT (CSI I): tmux 3.3 lacks it
            case 3: csi(count(), 'Z'); break;
            default: emit("\t"); break;
        }
    }

    private void mode() {
        switch (r.nextInt(4)) {
            case 0: mode7(); break;
            case 1: emit(r.nextBoolean() ? "\033[4h" : "\033[4l"); break;
            case 2: emit(r.nextBoolean() ? "\033[?25h" : "\033[?25l"); break;
            default: emit(r.nextBoolean() ? "\033[?6h" : "\033[?6l"); break;
        }
    }

    private void mode7() {
        emit(r.nextInt(3) == 0 ? "\033[?7l" : "\033[?7h");
    }

    /** A scrolling region of at least two lines inside the screen, or the reset. */
    private void region() {
        if (r.nextInt(5) == 0 || rows < 2) {
            emit("\033[r");
            return;
        }
        int top = 1 + r.nextInt(rows - 1);
        int bottom = top + 1 + r.nextInt(rows - top);
        emit("\033[" + top + ';' + bottom + 'r');
    }

    /** A cursor placed on, just inside or just outside a margin of the screen, then a scroll. */
    private void atMargin() {
        int y = r.nextInt(3) == 0 ? 1 + r.nextInt(rows) : r.nextBoolean() ? 1 : rows;
        emit("\033[" + y + ';' + (1 + r.nextInt(columns)) + 'H');
        String[] f = {"\n", "\033M", "\033D", "\033[L", "\033[M", "\033[2L", "\033[2M", "\033[S", "\033[T"};
        emit(f[r.nextInt(f.length)]);
    }

    private void sgr() {
        StringBuilder b = new StringBuilder("\033[");
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(';');
            }
            int k = r.nextInt(20);
            if (k < 3) {
                b.append(r.nextBoolean() ? "38" : "48").append(";5;").append(r.nextInt(256));
            } else if (k < 5) {
                b.append(r.nextBoolean() ? "38" : "48").append(";2;").append(r.nextInt(256)).append(';')
                        .append(r.nextInt(256)).append(';').append(r.nextInt(256));
            } else if (k < 10) {
                int[] colours = {30, 40, 90, 100};
                b.append(colours[r.nextInt(4)] + r.nextInt(8));
            } else {
                int[] codes = {0, 0, 1, 2, 3, 4, 5, 7, 8, 9, 22, 23, 24, 25, 27, 28, 29, 39, 49};
                b.append(codes[r.nextInt(codes.length)]);
            }
        }
        emit(b.append('m').toString());
    }

    private void emitCodePoint(int cp) {
        emit(new String(Character.toChars(cp)));
    }
}
