package dev.jmosh.predictor.internal;

import dev.jmosh.vt.Utf8Stream;

/**
 * Classifies what the user types the way mosh's prediction engine sees it: through its private
 * {@code Parser::UTF8Parser} and Paul Williams' DEC state machine (mosh's
 * {@code src/terminal/parserstate.cc}), reporting only the four actions the engine reacts to.
 * {@code ESC O} (an application-mode cursor key) is read as {@code ESC [}, as
 * {@code PredictionEngine::new_user_byte} does.
 *
 * <p>Code points from U+00A0 up are classified like {@code 'A'} but reported as themselves; the
 * "anywhere" rules (CAN, SUB, C1 controls, ESC) apply in every state.
 */
final class KeystrokeParser {
    /** The actions mosh's engine reacts to; every other action of the state machine is dropped. */
    interface Actions {
        /** A graphic character (or DEL, 0x7F) in the ground state. */
        void print(int ch);

        /** A C0 or C1 control executed. */
        void execute(int ch);

        /** An escape sequence completed. */
        void escDispatch(int ch);

        /** A control sequence completed; {@code ch} is its final character. */
        void csiDispatch(int ch);
    }

    private enum State {
        GROUND, ESCAPE, ESCAPE_INTERMEDIATE, CSI_ENTRY, CSI_PARAM, CSI_INTERMEDIATE, CSI_IGNORE,
        DCS_ENTRY, DCS_PARAM, DCS_INTERMEDIATE, DCS_PASSTHROUGH, DCS_IGNORE, OSC_STRING, SOS_PM_APC_STRING
    }

    private static final int ESC = 0x1B;
    private static final int ST = 0x9C;

    private final Actions actions;
    private final Utf8Stream utf8 = new Utf8Stream();
    private State state = State.GROUND;
    private byte lastByte;

    KeystrokeParser(Actions actions) {
        this.actions = actions;
    }

    /** Reads one byte the user typed. */
    void input(byte b) {
        if (lastByte == ESC && b == 'O') {
            b = '[';
        }
        lastByte = b;
        utf8.feed(b, this::codePoint);
    }

    private void codePoint(int ch) {
        if (anywhere(ch)) {
            return;
        }
        int c = ch >= 0xA0 ? 'A' : ch;
        switch (state) {
            case GROUND -> ground(ch, c);
            case ESCAPE -> escape(ch, c);
            case ESCAPE_INTERMEDIATE -> escapeIntermediate(ch, c);
            case CSI_ENTRY -> csiEntry(ch, c);
            case CSI_PARAM -> csiParam(ch, c);
            case CSI_INTERMEDIATE -> csiIntermediate(ch, c);
            case CSI_IGNORE -> csiIgnore(ch, c);
            case DCS_ENTRY, DCS_PARAM -> dcsParam(c);
            case DCS_INTERMEDIATE -> dcsIntermediate(c);
            case DCS_PASSTHROUGH, DCS_IGNORE, SOS_PM_APC_STRING -> {
                // swallowed: these strings end only at ST, an "anywhere" rule
            }
            case OSC_STRING -> osc(c);
            default -> throw new IllegalStateException(state.toString());
        }
    }

    /** The transitions taken from any state; true if one was. */
    private boolean anywhere(int ch) {
        if (ch == 0x18 || ch == 0x1A || (ch >= 0x80 && ch <= 0x8F) || (ch >= 0x91 && ch <= 0x97)
                || ch == 0x99 || ch == 0x9A) {
            actions.execute(ch);
            state = State.GROUND;
        } else if (ch == ST) {
            state = State.GROUND;
        } else if (ch == ESC) {
            state = State.ESCAPE;
        } else if (ch == 0x98 || ch == 0x9E || ch == 0x9F) {
            state = State.SOS_PM_APC_STRING;
        } else if (ch == 0x90) {
            state = State.DCS_ENTRY;
        } else if (ch == 0x9D) {
            state = State.OSC_STRING;
        } else if (ch == 0x9B) {
            state = State.CSI_ENTRY;
        } else {
            return false;
        }
        return true;
    }

    /** C0 controls other than CAN, SUB and ESC: executed in the ground, escape and CSI states. */
    private static boolean c0(int c) {
        return c <= 0x17 || c == 0x19 || (c >= 0x1C && c <= 0x1F);
    }

    private static boolean between(int c, int low, int high) {
        return c >= low && c <= high;
    }

    private void ground(int ch, int c) {
        if (c0(c)) {
            actions.execute(ch);
        } else if (between(c, 0x20, 0x7F)) {
            actions.print(ch);
        }
    }

    private void escape(int ch, int c) {
        if (c0(c)) {
            actions.execute(ch);
        } else if (between(c, 0x20, 0x2F)) {
            state = State.ESCAPE_INTERMEDIATE;
        } else if (c == '[') {
            state = State.CSI_ENTRY;
        } else if (c == ']') {
            state = State.OSC_STRING;
        } else if (c == 'P') {
            state = State.DCS_ENTRY;
        } else if (c == 'X' || c == '^' || c == '_') {
            state = State.SOS_PM_APC_STRING;
        } else if (between(c, 0x30, 0x7E)) {
            state = State.GROUND;
            actions.escDispatch(ch);
        }
    }

    private void escapeIntermediate(int ch, int c) {
        if (c0(c)) {
            actions.execute(ch);
        } else if (between(c, 0x30, 0x7E)) {
            state = State.GROUND;
            actions.escDispatch(ch);
        }
    }

    private void csiEntry(int ch, int c) {
        if (c == ':') {
            state = State.CSI_IGNORE;
        } else {
            csiParam(ch, c);
        }
    }

    private void csiParam(int ch, int c) {
        if (c0(c)) {
            actions.execute(ch);
        } else if (between(c, 0x30, 0x39) || c == ';') {
            state = State.CSI_PARAM;
        } else if (between(c, 0x3A, 0x3F)) {
            // a private marker is collected at entry; ':' or a later marker spoils the sequence
            state = state == State.CSI_ENTRY && c != ':' ? State.CSI_PARAM : State.CSI_IGNORE;
        } else if (between(c, 0x20, 0x2F)) {
            state = State.CSI_INTERMEDIATE;
        } else if (between(c, 0x40, 0x7E)) {
            state = State.GROUND;
            actions.csiDispatch(ch);
        }
    }

    private void csiIntermediate(int ch, int c) {
        if (c0(c)) {
            actions.execute(ch);
        } else if (between(c, 0x30, 0x3F)) {
            state = State.CSI_IGNORE;
        } else if (between(c, 0x40, 0x7E)) {
            state = State.GROUND;
            actions.csiDispatch(ch);
        }
    }

    private void csiIgnore(int ch, int c) {
        if (c0(c)) {
            actions.execute(ch);
        } else if (between(c, 0x40, 0x7E)) {
            state = State.GROUND;
        }
    }

    private void dcsParam(int c) {
        if (between(c, 0x20, 0x2F)) {
            state = State.DCS_INTERMEDIATE;
        } else if (c == ':' || (state == State.DCS_PARAM && between(c, 0x3C, 0x3F))) {
            state = State.DCS_IGNORE;
        } else if (between(c, 0x30, 0x3F)) {
            state = State.DCS_PARAM;
        } else if (between(c, 0x40, 0x7E)) {
            state = State.DCS_PASSTHROUGH;
        }
    }

    private void dcsIntermediate(int c) {
        if (between(c, 0x30, 0x3F)) {
            state = State.DCS_IGNORE;
        } else if (between(c, 0x40, 0x7E)) {
            state = State.DCS_PASSTHROUGH;
        }
    }

    private void osc(int c) {
        if (c == 0x07) { // BEL ends an OSC string (xterm's variant)
            state = State.GROUND;
        }
    }
}
