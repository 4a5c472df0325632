package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.OscString;
import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.Screen;
import dev.jmosh.vt.internal.unicode.ByteSink;

/** The shapes of the functions registered in the {@link FunctionTable}s. */
final class Functions {
    private Functions() {
    }

    /** A control sequence function ({@code CSI ... F}); replies go to the sink. */
    @FunctionalInterface
    interface Csi {
        void run(Screen s, Sequence seq, ByteSink replies);
    }

    /** A control character or escape sequence function: no parameters. */
    @FunctionalInterface
    interface Plain {
        void run(Screen s);
    }

    /** A plain SGR number: returns the rendition it turns {@code r} into. */
    @FunctionalInterface
    interface Sgr {
        long apply(long r);
    }

    /** A mode of SM/RM or DECSET/DECRST. */
    @FunctionalInterface
    interface Mode {
        void set(Screen s, boolean on);
    }

    /** An operating system command; its text starts at {@code offset}, after "n;". */
    @FunctionalInterface
    interface Osc {
        void run(Screen s, OscString osc, int offset);
    }

    /**
     * Returns the key of a sequence with at most one intermediate or private marker:
     * {@code marker << 8 | final}, with marker 0 when there is none.
     */
    static int key(int marker, int finalChar) {
        return marker << 8 | finalChar;
    }

    /** Returns the key of a parsed sequence, or -1 if it has more than one collected character. */
    static int key(Sequence seq, int finalChar) {
        switch (seq.collectedCount()) {
            case 0: return finalChar;
            case 1: return key(seq.collected(0), finalChar);
            default: return -1;
        }
    }

}
