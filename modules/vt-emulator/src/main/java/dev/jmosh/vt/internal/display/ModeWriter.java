package dev.jmosh.vt.internal.display;

import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Screen;
import dev.jmosh.vt.internal.unicode.ByteSink;

/**
 * The parts of a frame diff that are not cells: window title and icon name, clipboard, and the
 * trailing mode switches. Mirrors the corresponding steps of mosh's {@code Display::new_frame}.
 *
 * <p>Beyond mosh: a title of 255 code points (possible only through the bare {@code ESC];t}
 * form) is re-sent in that form, since {@code ESC]0;} would cut it to 254; and alternate scroll
 * (?1007), which mosh tracks but never sends, is sent on change so that peers stay equal.
 */
final class ModeWriter {
    /** Most BELs sent for one diff. */
    static final int MAX_BELLS = 32;
    /** Longest title the {@code ESC]n;} forms can carry (256 minus the two-character prefix). */
    static final int PREFIXED_TITLE_LIMIT = 254;

    private ModeWriter() {
    }

    /** Title and icon name, when either changed: OSC 0 when equal, else OSC 1 then OSC 2. */
    static void titles(Screen from, Screen to, ByteSink out) {
        String icon = to.iconName();
        String title = to.windowTitle();
        if (icon.equals(from.iconName()) && title.equals(from.windowTitle())) {
            return;
        }
        if (icon.equals(title)) {
            osc(longTitle(title) ? "" : "0", title, out);
        } else if (longTitle(icon)) {
            osc("", icon, out); // sets both; the title follows
            osc("2", title, out);
        } else if (longTitle(title)) {
            osc("", title, out); // sets both; the icon name follows
            osc("1", icon, out);
        } else {
            osc("1", icon, out);
            osc("2", title, out);
        }
    }

    private static boolean longTitle(String s) {
        return s.codePointCount(0, s.length()) > PREFIXED_TITLE_LIMIT;
    }

    private static void osc(String command, String text, ByteSink out) {
        out.appendAscii("\033]");
        out.appendAscii(command);
        out.append(';');
        out.appendString(text);
        out.append(0x07);
    }

    /** {@code ESC]52;c;<payload>BEL} when the clipboard changed. */
    static void clipboard(Screen from, Screen to, ByteSink out) {
        if (!to.clipboard().equals(from.clipboard())) {
            osc("52", "c;" + to.clipboard(), out);
        }
    }

    /** Bracketed paste, mouse reporting, focus, mouse encoding, alternate scroll, cursor style. */
    static void modes(DrawState f, DrawState t, boolean all, ByteSink out) {
        if (all || f.bracketedPaste != t.bracketedPaste) {
            out.appendAscii(t.bracketedPaste ? "\033[?2004h" : "\033[?2004l");
        }
        if (all || f.mouseReportingMode != t.mouseReportingMode) {
            if (t.mouseReportingMode == 0) {
                out.appendAscii("\033[?1003l\033[?1002l\033[?1001l\033[?1000l");
            } else {
                if (f.mouseReportingMode != 0) {
                    privateMode(f.mouseReportingMode, false, out);
                }
                privateMode(t.mouseReportingMode, true, out);
            }
        }
        if (all || f.mouseFocusEvent != t.mouseFocusEvent) {
            out.appendAscii(t.mouseFocusEvent ? "\033[?1004h" : "\033[?1004l");
        }
        if (all || f.mouseEncodingMode != t.mouseEncodingMode) {
            if (t.mouseEncodingMode == 0) {
                out.appendAscii("\033[?1015l\033[?1006l\033[?1005l");
            } else {
                if (f.mouseEncodingMode != 0) {
                    privateMode(f.mouseEncodingMode, false, out);
                }
                privateMode(t.mouseEncodingMode, true, out);
            }
        }
        if (f.mouseAlternateScroll != t.mouseAlternateScroll) {
            out.appendAscii(t.mouseAlternateScroll ? "\033[?1007h" : "\033[?1007l");
        }
        if (f.cursorStyle != t.cursorStyle) { // beyond mosh; its client ignores CSI SP q
            out.appendAscii("\033[");
            out.appendDecimal(t.cursorStyle);
            out.appendAscii(" q");
        }
    }

    private static void privateMode(int mode, boolean on, ByteSink out) {
        out.appendAscii("\033[?");
        out.appendDecimal(mode);
        out.append(on ? 'h' : 'l');
    }
}
