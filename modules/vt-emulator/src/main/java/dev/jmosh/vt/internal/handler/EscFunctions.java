package dev.jmosh.vt.internal.handler;

import static dev.jmosh.vt.internal.handler.Origin.MOSH;

/**
 * The escape sequences ({@code ESC <intermediate> F}) the emulator performs, besides the 7-bit
 * C1 controls: DECSC ({@code ESC 7}), DECRC ({@code ESC 8}), RIS ({@code ESC c}) and DECALN
 * ({@code ESC # 8}) as mosh, which cancel deferred wrap; beyond mosh, the character-set
 * sequences of {@link CharsetHandler}. Anything not registered is ignored and cancels deferred
 * wrap (mosh).
 */
final class EscFunctions {
    static final FunctionTable<Functions.Plain> TABLE = new FunctionTable<>();

    static {
        TABLE.add('7', MOSH, true, CursorHandler::save);
        TABLE.add('8', MOSH, true, CursorHandler::restore);
        TABLE.add('c', MOSH, true, ModeHandler::fullReset);
        TABLE.add(Functions.key('#', '8'), MOSH, true, EraseHandler::screenAlignment);
        CharsetHandler.register(TABLE);
    }

    private EscFunctions() {
    }
}
