package dev.jmosh.vt.internal.handler;

import static dev.jmosh.vt.internal.handler.Origin.BEYOND_MOSH;
import static dev.jmosh.vt.internal.handler.Origin.MOSH;

import dev.jmosh.vt.internal.screen.Screen;

/**
 * C0 and C1 controls (mosh {@code terminalfunctions.cc}, CONTROL entries): BEL, BS, HT (see
 * {@link TabHandler}), LF/VT/FF and IND (index), CR, NEL, HTS and RI, which all cancel deferred
 * wrap but HT; beyond mosh, the shifts SO (LS1), SI (LS0), SS2 and SS3 (see
 * {@link CharsetHandler}), which leave it alone as in tmux. A C1 control may also arrive as
 * {@code ESC} plus 0x40..0x5F. Unregistered controls are ignored and cancel deferred wrap (mosh).
 */
final class ControlHandler {
    static final int BEL = 0x07;
    static final int BS = 0x08;
    static final int HT = 0x09;
    static final int LF = 0x0A;
    static final int VT = 0x0B;
    static final int FF = 0x0C;
    static final int CR = 0x0D;
    static final int SO = 0x0E;
    static final int SI = 0x0F;
    static final int IND = 0x84;
    static final int NEL = 0x85;
    static final int HTS = 0x88;
    static final int RI = 0x8D;
    static final int SS2 = 0x8E;
    static final int SS3 = 0x8F;

    static final FunctionTable<Functions.Plain> TABLE = new FunctionTable<Functions.Plain>()
            .add(BEL, MOSH, true, Screen::ringBell)
            .add(BS, MOSH, true, s -> s.ds().moveCol(-1, true, false))
            .add(HT, MOSH, false, TabHandler::ht)
            .add(LF, MOSH, true, ControlHandler::index)
            .add(VT, MOSH, true, ControlHandler::index)
            .add(FF, MOSH, true, ControlHandler::index)
            .add(IND, MOSH, true, ControlHandler::index)
            .add(CR, MOSH, true, s -> s.ds().moveCol(0, false, false))
            .add(NEL, MOSH, true, ControlHandler::nextLine)
            .add(HTS, MOSH, true, s -> s.ds().setTab())
            .add(RI, MOSH, true, s -> s.moveRowsAutoscroll(-1))
            .add(SO, BEYOND_MOSH, false, s -> CharsetHandler.lockingShift(s, 1))
            .add(SI, BEYOND_MOSH, false, s -> CharsetHandler.lockingShift(s, 0))
            .add(SS2, BEYOND_MOSH, false, s -> CharsetHandler.singleShift(s, 2))
            .add(SS3, BEYOND_MOSH, false, s -> CharsetHandler.singleShift(s, 3));

    private ControlHandler() {
    }

    /** IND, LF, VT, FF: down one row, scrolling at the bottom margin. */
    private static void index(Screen s) {
        s.moveRowsAutoscroll(1);
    }

    /** NEL: to column 1 of the next row, scrolling at the bottom margin. */
    private static void nextLine(Screen s) {
        s.ds().moveCol(0, false, false);
        s.moveRowsAutoscroll(1);
    }
}
