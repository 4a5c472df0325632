package dev.jmosh.vt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generates terminal output for property tests: a mix of text (ASCII, Latin-1, wide CJK and
 * emoji, combining marks), controls, cursor movement, erasing, scrolling, margins, SGR with all
 * colour forms, modes, titles, clipboard, and sometimes raw garbage and broken UTF-8; beyond
 * mosh, the alternate screens, character sets and shifts, cursor styles and OSC 8 hyperlinks.
 */
final class RandomInput {
    private static final String[] TEXT = {
        "a", "b", "Z", " ", "  ", "hello", "\u00e9", "\u00a0", "\u00ad", "\u4e2d", "\u6587", "\uff21",
        "\uD83D\uDE00", "\uD83D\uDC4D", "e\u0301", "\u0301", "\u0302\u0303", "\u200b", "\u1160",
        "\u0e01\u0e31", "\ufffd", "~", "|", "\u0301".repeat(20), "\u4e2d\u4e2d\u4e2d", "\u00e9\u0300",
        "\uD83C\uDDE9\uD83C\uDDEA", "\u1100\u1161", "wxyz".repeat(5),
    };
    private static final String[] CONTROLS = {"\r", "\n", "\b", "\t", "\u000b", "\u000c", "\r\n", "\0"};

    private final Random rnd;
    private final boolean bells;
    private final boolean garbage;

    RandomInput(Random rnd, boolean bells, boolean garbage) {
        this.rnd = rnd;
        this.bells = bells;
        this.garbage = garbage;
    }

    /** Returns about {@code items} random pieces of terminal output. */
    byte[] next(int items, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < items; i++) {
            byte[] piece = piece(width, height).getBytes(StandardCharsets.UTF_8);
            out.write(piece, 0, piece.length);
            if (garbage && rnd.nextInt(40) == 0) {
                int n = 1 + rnd.nextInt(6);
                for (int k = 0; k < n; k++) {
                    out.write(rnd.nextInt(256));
                }
            }
        }
        return out.toByteArray();
    }

    private int num(int max) {
        return rnd.nextInt(max + 1);
    }

    private String pos(int limit) {
        return rnd.nextInt(8) == 0 ? "" : Integer.toString(num(limit + 2));
    }

    private String piece(int w, int h) {
        int k = rnd.nextInt(100);
        if (k < 45) {
            return TEXT[rnd.nextInt(TEXT.length)];
        }
        if (k < 55) {
            return CONTROLS[rnd.nextInt(CONTROLS.length)];
        }
        if (k < 62) {
            return sgr();
        }
        if (k < 72) {
            return "\033[" + pos(h) + ";" + pos(w) + "H";
        }
        if (k < 80) {
            String[] moves = {"A", "B", "C", "D", "E", "F", "G", "`", "d", "I", "Z"};
            return "\033[" + pos(Math.max(w, h)) + moves[rnd.nextInt(moves.length)];
        }
        if (k < 87) {
            String[] edits = {"J", "K", "X", "@", "P", "L", "M", "S", "T"};
            return "\033[" + (rnd.nextBoolean() ? "" : Integer.toString(num(3))) + edits[rnd.nextInt(edits.length)];
        }
        if (k < 90) {
            return "\033[" + pos(h) + ";" + pos(h) + "r";
        }
        if (k < 94) {
            int[] modes = {1, 3, 5, 6, 7, 25, 9, 1000, 1002, 1003, 1004, 1005, 1006, 1007, 1015, 2004, 1049,
                47, 1047, 1049, 1049};
            return "\033[?" + modes[rnd.nextInt(modes.length)] + (rnd.nextBoolean() ? "h" : "l");
        }
        if (k < 96) {
            String[] misc = {"\0337", "\0338", "\033D", "\033M", "\033E", "\033H", "\033[g", "\033[3g",
                "\033[4h", "\033[4l", "\033[!p", "\033#8", "\033(0", "\033[=5c", "\033P1$q\033\\",
                "\033(0", "\033(B", "\033)0", "\016", "\017", "\033N", "\033O", "\033*0", "\033n",
                "\033[ q", "\033[2 q", "\033[5 q", "\033[7 q", "\033(Aq",
                "\033]8;;http://a/\033\\", "\033]8;id=1;http://b/\007", "\033]8;;\007", "\033]8;x\007"};
            return misc[rnd.nextInt(misc.length)];
        }
        if (k < 98) {
            String[] titles = {"", "t", "title", "\u4e2d\u6587", "x;y", "t".repeat(300)};
            String[] prefixes = {"0;", "1;", "2;", ";", "52;c;", "52;c;", "7;"};
            String end = rnd.nextBoolean() ? "\007" : "\033\\";
            return "\033]" + prefixes[rnd.nextInt(prefixes.length)] + titles[rnd.nextInt(titles.length)] + end;
        }
        if (k < 99) {
            return rnd.nextInt(20) == 0 ? "\033c" : "\033[" + num(2) + "J";
        }
        return bells ? "\007" : "";
    }

    private String sgr() {
        StringBuilder b = new StringBuilder("\033[");
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(';');
            }
            switch (rnd.nextInt(8)) {
                case 0: b.append(num(9)); break; // includes faint 2 and strikethrough 9
                case 1: b.append(20 + num(9)); break;
                case 2: b.append(30 + num(9)); break;
                case 3: b.append(40 + num(9)); break;
                case 4: b.append(90 + num(17)); break;
                case 5: b.append(rnd.nextBoolean() ? "38;5;" : "48;5;").append(num(255)); break;
                case 6: b.append(rnd.nextBoolean() ? "38;2;" : "48;2;").append(num(255)).append(';')
                        .append(num(255)).append(';').append(num(255)); break;
                default: b.append(rnd.nextBoolean() ? "38:2::" : "4:").append(num(3)).append(":1:2"); break;
            }
        }
        return b.append('m').toString();
    }
}
