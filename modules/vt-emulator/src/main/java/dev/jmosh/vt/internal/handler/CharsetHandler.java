package dev.jmosh.vt.internal.handler;

import static dev.jmosh.vt.internal.handler.Origin.BEYOND_MOSH;

import dev.jmosh.vt.internal.screen.CharsetState;
import dev.jmosh.vt.internal.screen.Screen;

/**
 * Character sets, beyond mosh 1.4.0 (which ignores them): SCS designates US ASCII
 * ({@code B}) or DEC Special Graphics ({@code 0}) to G0 ({@code ESC ( F}), G1 ({@code ESC ) F}),
 * G2 ({@code ESC * F}) or G3 ({@code ESC + F}); SI/SO (LS0/LS1), {@code ESC n}/{@code ESC o}
 * (LS2/LS3) invoke a set into GL; SS2/SS3 ({@code ESC N}/{@code ESC O}) for one character. Other
 * sets (UK, DEC supplemental, ...) are not known: their SCS is ignored, as tmux does. None of
 * these cancels deferred wrap (tmux). Printing maps through the result (see
 * {@link CharsetState}); DECSC/DECRC save and restore it, DECSTR and RIS reset it.
 */
final class CharsetHandler {
    private static final String SLOTS = "()*+";
    private static final char ASCII = 'B';
    private static final char DEC_GRAPHICS = '0';

    private CharsetHandler() {
    }

    /** Registers the SCS and locking-shift escape sequences. */
    static void register(FunctionTable<Functions.Plain> esc) {
        for (int slot = 0; slot < SLOTS.length(); slot++) {
            int g = slot;
            char intermediate = SLOTS.charAt(slot);
            esc.add(Functions.key(intermediate, ASCII), BEYOND_MOSH, false,
                    s -> s.ds().charsets().designate(g, CharsetState.ASCII));
            esc.add(Functions.key(intermediate, DEC_GRAPHICS), BEYOND_MOSH, false,
                    s -> s.ds().charsets().designate(g, CharsetState.DEC_GRAPHICS));
        }
        esc.add('n', BEYOND_MOSH, false, s -> lockingShift(s, 2));
        esc.add('o', BEYOND_MOSH, false, s -> lockingShift(s, 3));
    }

    /** LS0..LS3: invoke G{@code slot} into GL. */
    static void lockingShift(Screen s, int slot) {
        s.ds().charsets().lockingShift(slot);
    }

    /** SS2/SS3: invoke G{@code slot} for the next character. */
    static void singleShift(Screen s, int slot) {
        s.ds().charsets().singleShift(slot);
    }
}
