package dev.jmosh.vt.internal.parser;

import dev.jmosh.vt.internal.unicode.Utf8Decoder;

/**
 * Paul Williams' DEC ANSI parser (vt100.net/emu/dec_ansi_parser), push-based, on Unicode code
 * points. Mirrors mosh's {@code Parser::Parser} and its state table, including its extensions:
 * code points from U+00A0 up are classified like 'A' (so they print in GROUND and go into OSC
 * strings), and BEL ends an OSC string (xterm). DCS, SOS, PM and APC strings are swallowed.
 *
 * <p>One deliberate difference: ':' in a CSI parameter string is kept as a sub-parameter
 * separator instead of turning the sequence into CSI_IGNORE; the {@link ParserListener} drops
 * such sequences unless it understands them (SGR).
 *
 * <p>Allocation-free once constructed, except when an OSC string grows.
 */
public final class Parser implements Utf8Decoder.Sink {
    private final ParserListener listener;
    private final Sequence sequence = new Sequence();
    private final OscString osc = new OscString();
    private State state = State.GROUND;

    /** Creates a parser in the ground state. */
    public Parser(ParserListener listener) {
        this.listener = listener;
    }

    /** Returns a parser in the same state that reports to another listener. */
    public Parser copy(ParserListener newListener) {
        Parser p = new Parser(newListener);
        p.state = state;
        p.sequence.copyFrom(sequence);
        p.osc.copyFrom(osc);
        return p;
    }

    /** Returns whether the parser is between sequences. */
    public boolean inGround() {
        return state == State.GROUND;
    }

    /**
     * Prints the run of printable ASCII bytes (0x20..0x7E) that starts at {@code data[from]},
     * if the parser is in the ground state, as {@link #input} would one by one; stops before
     * {@code to} or the first other byte.
     *
     * @return the index after the bytes consumed ({@code from} if none)
     */
    public int printAscii(byte[] data, int from, int to) {
        if (state != State.GROUND) {
            return from;
        }
        int i = from;
        while (i < to && isPrintableAscii(data[i])) {
            i++;
        }
        if (i > from) {
            listener.printAscii(data, from, i);
        }
        return i;
    }

    /**
     * Parses the control sequence ({@code ESC [ ...}) that starts at {@code data[from]} in one
     * go, if the parser is in the ground state and the whole sequence is in {@code data} before
     * {@code to} in its common form: an optional private marker, parameter characters,
     * intermediates and a final character, nothing else (no controls, no second marker). Has
     * exactly the effect of {@link #input} on each byte; otherwise does nothing, so the caller
     * feeds the bytes one at a time.
     *
     * @return the index after the sequence, or {@code from} if it was not parsed here
     */
    public int csi(byte[] data, int from, int to) {
        if (state != State.GROUND || to - from < 3 || data[from] != 0x1B || data[from + 1] != '[') {
            return from;
        }
        int i = from + 2;
        boolean marker = data[i] >= 0x3C && data[i] <= 0x3F;
        // the sequence must be complete: find its final character before touching anything
        int p = marker ? i + 1 : i;
        while (p < to && paramChar(data[p])) {
            p++;
        }
        int q = p;
        while (q < to && intermediate(data[q])) {
            q++;
        }
        if (q >= to || !finalChar(data[q])) {
            return from;
        }
        sequence.clear();
        if (marker) {
            sequence.collect(data[i]);
            i++;
        }
        sequence.params(data, i, p);
        for (i = p; i < q; i++) {
            sequence.collect(data[i]);
        }
        listener.csiDispatch(sequence, data[q]);
        state = State.GROUND;
        return q + 1;
    }

    private static boolean isPrintableAscii(byte b) {
        return b >= 0x20 && b < 0x7F;
    }

    @Override
    public void codePoint(int codePoint) {
        input(codePoint);
    }

    /** Feeds one code point. */
    public void input(int ch) {
        if ((ch < 0x20 || (ch >= 0x80 && ch < 0xA0)) && anywhere(ch)) { // only these can be
            return;
        }
        int c = ch >= 0xA0 ? 0x41 : ch; // high code points behave like 'A'
        switch (state) {
            case GROUND: ground(ch, c); break;
            case ESCAPE: escape(ch, c); break;
            case ESCAPE_INTERMEDIATE: escapeIntermediate(ch, c); break;
            case CSI_ENTRY: csiEntry(ch, c); break;
            case CSI_PARAM: csiParam(ch, c); break;
            case CSI_INTERMEDIATE: csiIntermediate(ch, c); break;
            case CSI_IGNORE: csiIgnore(ch, c); break;
            case DCS_ENTRY: dcsEntry(c); break;
            case DCS_PARAM: dcsParam(c); break;
            case DCS_INTERMEDIATE: dcsIntermediate(c); break;
            case OSC_STRING: oscString(ch, c); break;
            default: break; // DCS_PASSTHROUGH, DCS_IGNORE, SOS_PM_APC_STRING: swallow
        }
    }

    private boolean anywhere(int ch) {
        if (ch == 0x18 || ch == 0x1A || (ch >= 0x80 && ch <= 0x8F) || (ch >= 0x91 && ch <= 0x97)
                || ch == 0x99 || ch == 0x9A) {
            leave();
            listener.execute(ch);
            enter(State.GROUND);
        } else if (ch == 0x9C) {
            transition(State.GROUND);
        } else if (ch == 0x1B) {
            transition(State.ESCAPE);
        } else if (ch == 0x98 || ch == 0x9E || ch == 0x9F) {
            transition(State.SOS_PM_APC_STRING);
        } else if (ch == 0x90) {
            transition(State.DCS_ENTRY);
        } else if (ch == 0x9D) {
            transition(State.OSC_STRING);
        } else if (ch == 0x9B) {
            transition(State.CSI_ENTRY);
        } else {
            return false;
        }
        return true;
    }

    /** Runs the exit action of the current state. */
    private void leave() {
        if (state == State.OSC_STRING) {
            listener.oscDispatch(osc);
        }
    }

    /** Switches state and runs the entry action of the new state. */
    private void enter(State next) {
        state = next;
        if (next == State.ESCAPE || next == State.CSI_ENTRY || next == State.DCS_ENTRY) {
            sequence.clear();
        } else if (next == State.OSC_STRING) {
            osc.clear();
        }
    }

    private void transition(State next) {
        leave();
        enter(next);
    }

    /** C0 controls other than CAN, SUB and ESC. */
    private static boolean c0(int c) {
        return c <= 0x17 || c == 0x19 || (c >= 0x1C && c <= 0x1F);
    }

    private static boolean paramChar(int c) {
        return (c >= '0' && c <= '9') || c == ';' || c == ':';
    }

    private static boolean finalChar(int c) {
        return c >= 0x40 && c <= 0x7E;
    }

    private static boolean intermediate(int c) {
        return c >= 0x20 && c <= 0x2F;
    }

    private void ground(int ch, int c) {
        if (c0(c)) {
            listener.execute(ch);
        } else if (c >= 0x20) { // 0x20..0x7F, and >= 0xA0 (seen as 'A')
            listener.print(ch);
        }
    }

    private void escape(int ch, int c) {
        if (c0(c)) {
            listener.execute(ch);
        } else if (intermediate(c)) {
            sequence.collect(ch);
            enter(State.ESCAPE_INTERMEDIATE);
        } else if (c == '[') {
            enter(State.CSI_ENTRY);
        } else if (c == ']') {
            enter(State.OSC_STRING);
        } else if (c == 'P') {
            enter(State.DCS_ENTRY);
        } else if (c == 'X' || c == '^' || c == '_') {
            enter(State.SOS_PM_APC_STRING);
        } else if (c >= 0x30 && c <= 0x7E) {
            listener.escDispatch(sequence, ch);
            enter(State.GROUND);
        }
    }

    private void escapeIntermediate(int ch, int c) {
        if (c0(c)) {
            listener.execute(ch);
        } else if (intermediate(c)) {
            sequence.collect(ch);
        } else if (c >= 0x30 && c <= 0x7E) {
            listener.escDispatch(sequence, ch);
            enter(State.GROUND);
        }
    }

    private void csiEntry(int ch, int c) {
        if (c0(c)) {
            listener.execute(ch);
        } else if (finalChar(c)) {
            listener.csiDispatch(sequence, ch);
            enter(State.GROUND);
        } else if (paramChar(c)) {
            sequence.param(c);
            enter(State.CSI_PARAM);
        } else if (c >= 0x3C && c <= 0x3F) {
            sequence.collect(ch);
            enter(State.CSI_PARAM);
        } else if (intermediate(c)) {
            sequence.collect(ch);
            enter(State.CSI_INTERMEDIATE);
        }
    }

    private void csiParam(int ch, int c) {
        if (c0(c)) {
            listener.execute(ch);
        } else if (paramChar(c)) {
            sequence.param(c);
        } else if (c >= 0x3C && c <= 0x3F) {
            enter(State.CSI_IGNORE);
        } else if (intermediate(c)) {
            sequence.collect(ch);
            enter(State.CSI_INTERMEDIATE);
        } else if (finalChar(c)) {
            listener.csiDispatch(sequence, ch);
            enter(State.GROUND);
        }
    }

    private void csiIntermediate(int ch, int c) {
        if (c0(c)) {
            listener.execute(ch);
        } else if (intermediate(c)) {
            sequence.collect(ch);
        } else if (finalChar(c)) {
            listener.csiDispatch(sequence, ch);
            enter(State.GROUND);
        } else if (c >= 0x30 && c <= 0x3F) {
            enter(State.CSI_IGNORE);
        }
    }

    private void csiIgnore(int ch, int c) {
        if (c0(c)) {
            listener.execute(ch);
        } else if (finalChar(c)) {
            enter(State.GROUND);
        }
    }

    private void dcsEntry(int c) {
        if (intermediate(c)) {
            enter(State.DCS_INTERMEDIATE);
        } else if (c == ':') {
            enter(State.DCS_IGNORE);
        } else if ((c >= '0' && c <= '9') || c == ';' || (c >= 0x3C && c <= 0x3F)) {
            enter(State.DCS_PARAM);
        } else if (finalChar(c)) {
            enter(State.DCS_PASSTHROUGH);
        }
    }

    private void dcsParam(int c) {
        if (c == ':' || (c >= 0x3C && c <= 0x3F)) {
            enter(State.DCS_IGNORE);
        } else if (intermediate(c)) {
            enter(State.DCS_INTERMEDIATE);
        } else if (finalChar(c)) {
            enter(State.DCS_PASSTHROUGH);
        }
    }

    private void dcsIntermediate(int c) {
        if (finalChar(c)) {
            enter(State.DCS_PASSTHROUGH);
        } else if (c >= 0x30 && c <= 0x3F) {
            enter(State.DCS_IGNORE);
        }
    }

    private void oscString(int ch, int c) {
        if (c >= 0x20 && c <= 0x7F) {
            osc.put(ch);
        } else if (c == 0x07) {
            transition(State.GROUND);
        }
    }
}
