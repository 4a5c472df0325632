package dev.jmosh.vt.internal.handler;

import static dev.jmosh.vt.internal.handler.Origin.BEYOND_MOSH;
import static dev.jmosh.vt.internal.handler.Origin.MOSH;

/**
 * The control sequences ({@code CSI ... F}) the emulator performs, by private marker or
 * intermediate plus final character, as mosh registers them in {@code terminalfunctions.cc}:
 * every one cancels deferred wrap except SGR, the tab functions and DECSET/DECRST (mosh), and
 * DECSCUSR (tmux). Anything not registered is ignored and cancels deferred wrap (mosh).
 */
final class CsiFunctions {
    static final FunctionTable<Functions.Csi> TABLE = new FunctionTable<>();

    static {
        keepWrap('m', MOSH, (s, q, r) -> SgrHandler.apply(s, q));
        keepWrap('I', MOSH, (s, q, r) -> TabHandler.cxt(s, q, false));
        keepWrap('Z', MOSH, (s, q, r) -> TabHandler.cxt(s, q, true));
        keepWrap('g', MOSH, (s, q, r) -> TabHandler.tbc(s, q));
        add('A', MOSH, (s, q, r) -> CursorHandler.relative(s, q, 'A'));
        add('B', MOSH, (s, q, r) -> CursorHandler.relative(s, q, 'B'));
        add('C', MOSH, (s, q, r) -> CursorHandler.relative(s, q, 'C'));
        add('D', MOSH, (s, q, r) -> CursorHandler.relative(s, q, 'D'));
        add('E', BEYOND_MOSH, (s, q, r) -> CursorHandler.nextLine(s, q, true));
        add('F', BEYOND_MOSH, (s, q, r) -> CursorHandler.nextLine(s, q, false));
        add('H', MOSH, (s, q, r) -> CursorHandler.cup(s, q));
        add('f', MOSH, (s, q, r) -> CursorHandler.cup(s, q));
        add('G', MOSH, (s, q, r) -> CursorHandler.column(s, q));
        add('`', MOSH, (s, q, r) -> CursorHandler.column(s, q));
        add('d', MOSH, (s, q, r) -> CursorHandler.line(s, q));
        add('J', MOSH, (s, q, r) -> EraseHandler.eraseInDisplay(s, q));
        add('K', MOSH, (s, q, r) -> EraseHandler.eraseInLine(s, q));
        add('X', MOSH, (s, q, r) -> EraseHandler.eraseCharacters(s, q));
        add('@', MOSH, (s, q, r) -> EraseHandler.insertCharacters(s, q));
        add('P', MOSH, (s, q, r) -> EraseHandler.deleteCharacters(s, q));
        add('L', MOSH, (s, q, r) -> ScrollHandler.insertLines(s, q));
        add('M', MOSH, (s, q, r) -> ScrollHandler.deleteLines(s, q));
        add('S', MOSH, (s, q, r) -> ScrollHandler.scroll(s, q, true));
        add('T', MOSH, (s, q, r) -> ScrollHandler.scroll(s, q, false));
        add('r', MOSH, (s, q, r) -> ScrollHandler.setMargins(s, q));
        add('h', MOSH, (s, q, r) -> ModeHandler.setAnsiModes(s, q, true));
        add('l', MOSH, (s, q, r) -> ModeHandler.setAnsiModes(s, q, false));
        add('c', MOSH, (s, q, r) -> ReportHandler.primaryAttributes(r));
        add('n', MOSH, (s, q, r) -> ReportHandler.deviceStatus(s, q, r));
        TABLE.add(Functions.key('?', 'h'), MOSH, false, (s, q, r) -> ModeHandler.setPrivateModes(s, q, true));
        TABLE.add(Functions.key('?', 'l'), MOSH, false, (s, q, r) -> ModeHandler.setPrivateModes(s, q, false));
        TABLE.add(Functions.key('>', 'c'), MOSH, true, (s, q, r) -> ReportHandler.secondaryAttributes(r));
        TABLE.add(Functions.key('!', 'p'), MOSH, true, (s, q, r) -> ModeHandler.softReset(s));
        TABLE.add(Functions.key(' ', 'q'), BEYOND_MOSH, false, (s, q, r) -> CursorHandler.style(s, q));
    }

    private CsiFunctions() {
    }

    private static void add(char f, Origin origin, Functions.Csi fn) {
        TABLE.add(f, origin, true, fn);
    }

    private static void keepWrap(char f, Origin origin, Functions.Csi fn) {
        TABLE.add(f, origin, false, fn);
    }
}
