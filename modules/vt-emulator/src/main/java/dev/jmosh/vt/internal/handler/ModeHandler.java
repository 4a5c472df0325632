package dev.jmosh.vt.internal.handler;

import static dev.jmosh.vt.internal.handler.Origin.BEYOND_MOSH;
import static dev.jmosh.vt.internal.handler.Origin.MOSH;

import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Screen;

/**
 * Modes and resets: SM/RM ({@code CSI h/l}, only IRM 4), DECSET/DECRST ({@code CSI ? h/l}),
 * DECSTR ({@code CSI ! p}) and RIS ({@code ESC c}). Mirrors mosh 1.4.0's private modes:
 * 1 DECCKM, 3 (ignored but clears the screen), 5 reverse video, 6 origin (homes first), 7
 * autowrap, 25 cursor, 9/1000..1003 mouse reporting (one at a time; any reset turns it off),
 * 1004 focus, 1005/1006/1015 mouse encoding (likewise), 1007 alternate scroll, 2004 bracketed
 * paste. Beyond mosh, the alternate screen: 47 and 1047 switch screens, 1049 also saves and
 * restores the cursor (see {@code AlternateScreen} for the tmux semantics). Any other mode is
 * ignored.
 */
final class ModeHandler {
    /** X10 mouse reporting. */
    static final int MOUSE_X10 = 9;
    static final int ENCODING_UTF8 = 1005;
    static final int ENCODING_SGR = 1006;
    static final int ENCODING_URXVT = 1015;
    /** Insert/replace mode, the only ANSI mode. */
    static final int IRM = 4;

    /** SM/RM modes. */
    static final FunctionTable<Functions.Mode> ANSI = new FunctionTable<Functions.Mode>()
            .add(IRM, MOSH, false, (s, on) -> s.ds().insertMode = on);

    /** DECSET/DECRST modes. */
    static final FunctionTable<Functions.Mode> PRIVATE = new FunctionTable<Functions.Mode>()
            .add(1, MOSH, false, (s, on) -> s.ds().applicationCursorKeys = on)
            .add(3, MOSH, false, (s, on) -> clearForColumnMode(s))
            .add(5, MOSH, false, (s, on) -> s.ds().reverseVideo = on)
            .add(6, MOSH, false, ModeHandler::setOrigin)
            .add(7, MOSH, false, (s, on) -> s.ds().autoWrapMode = on)
            .add(25, MOSH, false, (s, on) -> s.ds().cursorVisible = on)
            .add(MOUSE_X10, MOSH, false, (s, on) -> mouseReporting(s, MOUSE_X10, on))
            .add(1000, MOSH, false, (s, on) -> mouseReporting(s, 1000, on))
            .add(1001, MOSH, false, (s, on) -> mouseReporting(s, 1001, on))
            .add(1002, MOSH, false, (s, on) -> mouseReporting(s, 1002, on))
            .add(1003, MOSH, false, (s, on) -> mouseReporting(s, 1003, on))
            .add(1004, MOSH, false, (s, on) -> s.ds().mouseFocusEvent = on)
            .add(ENCODING_UTF8, MOSH, false, (s, on) -> mouseEncoding(s, ENCODING_UTF8, on))
            .add(ENCODING_SGR, MOSH, false, (s, on) -> mouseEncoding(s, ENCODING_SGR, on))
            .add(ENCODING_URXVT, MOSH, false, (s, on) -> mouseEncoding(s, ENCODING_URXVT, on))
            .add(1007, MOSH, false, (s, on) -> s.ds().mouseAlternateScroll = on)
            .add(2004, MOSH, false, (s, on) -> s.ds().bracketedPaste = on)
            .add(47, BEYOND_MOSH, false, (s, on) -> alternateScreen(s, on, false))
            .add(1047, BEYOND_MOSH, false, (s, on) -> alternateScreen(s, on, false))
            .add(1049, BEYOND_MOSH, false, (s, on) -> alternateScreen(s, on, true));

    private ModeHandler() {
    }

    /** SM/RM, each parameter in turn. */
    static void setAnsiModes(Screen s, Sequence seq, boolean on) {
        setModes(ANSI, s, seq, on);
    }

    /** DECSET/DECRST, each parameter in turn. */
    static void setPrivateModes(Screen s, Sequence seq, boolean on) {
        setModes(PRIVATE, s, seq, on);
    }

    private static void setModes(FunctionTable<Functions.Mode> table, Screen s, Sequence seq, boolean on) {
        for (int i = 0; i < seq.count(); i++) {
            int index = table.find(seq.get(i, 0));
            if (index >= 0) {
                table.function(index).set(s, on);
            }
        }
    }

    private static void mouseReporting(Screen s, int mode, boolean on) {
        s.ds().mouseReportingMode = on ? mode : 0;
    }

    private static void mouseEncoding(Screen s, int mode, boolean on) {
        s.ds().mouseEncodingMode = on ? mode : 0;
    }

    /** ?3, 80/132 columns: not supported, but the screen is cleared and the cursor homed. */
    private static void clearForColumnMode(Screen s) {
        DrawState ds = s.ds();
        ds.moveRow(0, false);
        ds.moveCol(0, false, false);
        for (int y = 0; y < ds.height(); y++) {
            s.resetRow(y);
        }
    }

    /** ?6: homes with the old origin mode, then switches. */
    private static void setOrigin(Screen s, boolean on) {
        DrawState ds = s.ds();
        ds.moveRow(0, false);
        ds.moveCol(0, false, false);
        ds.originMode = on;
    }

    /** ?47, ?1047 and (with the cursor) ?1049. */
    private static void alternateScreen(Screen s, boolean on, boolean cursor) {
        if (on) {
            s.enterAlternate(cursor);
        } else {
            s.leaveAlternate(cursor);
        }
    }

    /** DECSTR. */
    static void softReset(Screen s) {
        s.softReset();
    }

    /** RIS. */
    static void fullReset(Screen s) {
        s.reset();
    }
}
