package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.DrawState;
import dev.jmosh.vt.internal.screen.Screen;

/**
 * Modes and resets: SM/RM ({@code CSI h/l}, only IRM 4), DECSET/DECRST ({@code CSI ? h/l}),
 * DECSTR ({@code CSI ! p}) and RIS ({@code ESC c}). Mirrors mosh 1.4.0's private modes:
 * 1 DECCKM, 3 (ignored but clears the screen), 5 reverse video, 6 origin (homes first), 7
 * autowrap, 25 cursor, 9/1000..1003 mouse reporting (one at a time; any reset turns it off),
 * 1004 focus, 1005/1006/1015 mouse encoding (likewise), 1007 alternate scroll, 2004 bracketed
 * paste. Anything else, including the alternate screen (47, 1047, 1049), is ignored.
 */
final class ModeHandler {
    /** X10 mouse reporting. */
    static final int MOUSE_X10 = 9;
    /** First and last of the xterm mouse reporting modes 1000..1003. */
    static final int MOUSE_FIRST = 1000;
    static final int MOUSE_LAST = 1003;
    static final int ENCODING_UTF8 = 1005;
    static final int ENCODING_SGR = 1006;
    static final int ENCODING_URXVT = 1015;

    private ModeHandler() {
    }

    /** SM/RM: only IRM (4) is known. */
    static void setAnsiModes(Screen s, Sequence seq, boolean on) {
        for (int i = 0; i < seq.count(); i++) {
            if (seq.get(i, 0) == 4) {
                s.ds().insertMode = on;
            }
        }
    }

    /** DECSET/DECRST, each parameter in turn. */
    static void setPrivateModes(Screen s, Sequence seq, boolean on) {
        DrawState ds = s.ds();
        for (int i = 0; i < seq.count(); i++) {
            int mode = seq.get(i, 0);
            if (mode == MOUSE_X10 || (mode >= MOUSE_FIRST && mode <= MOUSE_LAST)) {
                ds.mouseReportingMode = on ? mode : 0;
            } else if (mode == ENCODING_UTF8 || mode == ENCODING_SGR || mode == ENCODING_URXVT) {
                ds.mouseEncodingMode = on ? mode : 0;
            } else {
                setPrivateMode(s, mode, on);
            }
        }
    }

    private static void setPrivateMode(Screen s, int mode, boolean on) {
        DrawState ds = s.ds();
        switch (mode) {
            case 1: ds.applicationCursorKeys = on; break;
            case 3: // 80/132 columns: not supported, but the screen is cleared
                ds.moveRow(0, false);
                ds.moveCol(0, false, false);
                for (int y = 0; y < ds.height(); y++) {
                    s.resetRow(y);
                }
                break;
            case 5: ds.reverseVideo = on; break;
            case 6: // homes with the old origin mode, then switches
                ds.moveRow(0, false);
                ds.moveCol(0, false, false);
                ds.originMode = on;
                break;
            case 7: ds.autoWrapMode = on; break;
            case 25: ds.cursorVisible = on; break;
            case 1004: ds.mouseFocusEvent = on; break;
            case 1007: ds.mouseAlternateScroll = on; break;
            case 2004: ds.bracketedPaste = on; break;
            default: break;
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
