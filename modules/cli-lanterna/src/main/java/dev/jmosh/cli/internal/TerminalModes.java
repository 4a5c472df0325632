package dev.jmosh.cli.internal;

import dev.jmosh.vt.Framebuffer;
import java.io.IOException;

/**
 * The remote application's terminal modes that the user's terminal must mirror and Lanterna
 * cannot set: reverse video (?5), bracketed paste (?2004), mouse reporting (?9, ?1000–?1003),
 * focus events (?1004) and mouse encodings (?1005, ?1006, ?1015), and, beyond mosh, the cursor
 * style (DECSCUSR). Each is written on change.
 */
final class TerminalModes {
    private static final int UNKNOWN = -1;
    private int reverse = UNKNOWN;
    private int paste = UNKNOWN;
    private int mouse = UNKNOWN;
    private int focus = UNKNOWN;
    private int encoding = UNKNOWN;
    private int cursorStyle;

    void invalidate() {
        reverse = UNKNOWN;
        paste = UNKNOWN;
        mouse = UNKNOWN;
        focus = UNKNOWN;
        encoding = UNKNOWN;
        cursorStyle = UNKNOWN;
    }

    /** Returns the bytes that give the cursor its default style back, if a style was set. */
    String restoreCursorStyle() {
        return cursorStyle > 0 ? "\033[0 q" : "";
    }

    void update(TerminalOutput t, Framebuffer fb) throws IOException {
        StringBuilder out = new StringBuilder();
        int r = fb.reverseVideo() ? 1 : 0;
        if (r != reverse) {
            out.append(r == 1 ? "\033[?5h" : "\033[?5l");
            reverse = r;
        }
        int p = fb.bracketedPaste() ? 1 : 0;
        if (p != paste) {
            out.append(p == 1 ? "\033[?2004h" : "\033[?2004l");
            paste = p;
        }
        int m = fb.mouseReportingMode();
        if (m != mouse) {
            out.append("\033[?1003l\033[?1002l\033[?1001l\033[?1000l\033[?9l");
            if (m != 0) {
                out.append("\033[?").append(m).append('h');
            }
            mouse = m;
        }
        int f = fb.focusEvents() ? 1 : 0;
        if (f != focus) {
            out.append(f == 1 ? "\033[?1004h" : "\033[?1004l");
            focus = f;
        }
        int e = fb.mouseEncodingMode();
        if (e != encoding) {
            out.append("\033[?1015l\033[?1006l\033[?1005l");
            if (e != 0) {
                out.append("\033[?").append(e).append('h');
            }
            encoding = e;
        }
        int c = fb.cursorStyle();
        if (c != cursorStyle && !(cursorStyle == UNKNOWN && c == 0)) {
            out.append("\033[").append(c).append(" q");
        }
        cursorStyle = c;
        if (out.length() > 0) {
            t.writeRaw(out.toString());
        }
    }
}
