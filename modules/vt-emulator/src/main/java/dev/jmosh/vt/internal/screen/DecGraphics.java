package dev.jmosh.vt.internal.screen;

/**
 * The DEC Special Graphics character set ({@code ESC ( 0}) as Unicode, with tmux's table (its
 * {@code tty_acs_table}, which is also what it draws on a UTF-8 terminal): {@code `} and
 * {@code a}..{@code ~} become the diamond, the stipple, the control pictures, degree, plus/minus,
 * the box-drawing lines and corners, the scan lines, less/greater-or-equal, pi, not-equal, pound
 * and the centred dot, as on a VT100. Like tmux, it also maps the terminfo ACS extras
 * {@code + , - .} (arrows) and {@code 0} (solid block), and leaves {@code _} alone (xterm maps it
 * to a blank). Cells store the Unicode character, so any peer shows it.
 */
public final class DecGraphics {
    private static final int FIRST = '+';
    private static final int LAST = '~';
    private static final char[] TABLE = new char[LAST - FIRST + 1];

    static {
        String from = "+,-.0`abcdefghijklmnopqrstuvwxyz{|}~";
        String to = "\u2192\u2190\u2191\u2193\u25ae"                  // + , - . 0
                + "\u25c6\u2592\u2409\u240c\u240d\u240a\u00b0\u00b1"   // ` a b c d e f g
                + "\u2424\u240b\u2518\u2510\u250c\u2514\u253c\u23ba"   // h i j k l m n o
                + "\u23bb\u2500\u23bc\u23bd\u251c\u2524\u2534\u252c"   // p q r s t u v w
                + "\u2502\u2264\u2265\u03c0\u2260\u00a3\u00b7";        // x y z { | } ~
        for (int i = 0; i < from.length(); i++) {
            TABLE[from.charAt(i) - FIRST] = to.charAt(i);
        }
    }

    private DecGraphics() {
    }

    /** Returns the character that {@code ch} stands for in the set ({@code ch} itself if none). */
    public static int map(int ch) {
        if (ch < FIRST || ch > LAST) {
            return ch;
        }
        char mapped = TABLE[ch - FIRST];
        return mapped == 0 ? ch : mapped;
    }
}
