package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.screen.Screen;

/**
 * C0 and C1 controls (mosh {@code terminalfunctions.cc}, CONTROL entries): BEL, BS, LF/VT/FF
 * and IND (index), CR, NEL, HTS and RI. HT lives in {@link TabHandler}.
 */
final class ControlHandler {
    static final int BEL = 0x07;
    static final int BS = 0x08;
    static final int HT = 0x09;
    static final int LF = 0x0A;
    static final int VT = 0x0B;
    static final int FF = 0x0C;
    static final int CR = 0x0D;
    static final int IND = 0x84;
    static final int NEL = 0x85;
    static final int HTS = 0x88;
    static final int RI = 0x8D;

    private ControlHandler() {
    }

    /**
     * Performs a control other than HT.
     *
     * @return whether the control is one mosh implements
     */
    static boolean execute(Screen s, int control) {
        switch (control) {
            case BEL:
                s.ringBell();
                return true;
            case BS:
                s.ds().moveCol(-1, true, false);
                return true;
            case LF: case VT: case FF: case IND:
                s.moveRowsAutoscroll(1);
                return true;
            case CR:
                s.ds().moveCol(0, false, false);
                return true;
            case NEL:
                s.ds().moveCol(0, false, false);
                s.moveRowsAutoscroll(1);
                return true;
            case HTS:
                s.ds().setTab();
                return true;
            case RI:
                s.moveRowsAutoscroll(-1);
                return true;
            default:
                return false;
        }
    }
}
