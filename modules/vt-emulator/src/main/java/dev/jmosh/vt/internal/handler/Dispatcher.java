package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.OscString;
import dev.jmosh.vt.internal.parser.ParserListener;
import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.Screen;
import dev.jmosh.vt.internal.unicode.ByteSink;

/**
 * Gives parsed syntax its meaning by looking it up in the function tables and running what is
 * registered. Mirrors mosh's {@code Terminal::Dispatcher::dispatch} and
 * {@code Emulator::Esc_dispatch}:
 * <ul>
 *   <li>controls are looked up in {@link ControlHandler#TABLE}, escape sequences in
 *       {@link EscFunctions#TABLE} and control sequences in {@link CsiFunctions#TABLE}, by
 *       private marker or intermediate plus final character (a sequence with two or more
 *       collected characters matches nothing);</li>
 *   <li>{@code ESC} followed by 0x40..0x5F and no intermediate is the 7-bit form of a C1
 *       control;</li>
 *   <li>a function cancels deferred wrap first if its table entry says so; every unknown
 *       sequence cancels it; an OSC leaves it alone;</li>
 *   <li>a CSI with ':' is ignored (as mosh's parser does) unless it is a plain SGR.</li>
 * </ul>
 * Replies (DA, DSR) are appended to a byte sink. The tables are also the list of what is
 * supported ({@link Catalog}).
 */
public final class Dispatcher implements ParserListener {
    private static final int C1_OFFSET = 0x40;
    private final Screen screen;
    private final ByteSink replies;

    /** Creates a dispatcher acting on {@code screen} and answering into {@code replies}. */
    public Dispatcher(Screen screen, ByteSink replies) {
        this.screen = screen;
        this.replies = replies;
    }

    private void cancelWrap() {
        screen.ds().nextPrintWillWrap = false;
    }

    @Override
    public void print(int codePoint) {
        PrintHandler.print(screen, codePoint);
    }

    @Override
    public void printAscii(byte[] data, int from, int to) {
        PrintHandler.printAscii(screen, data, from, to);
    }

    @Override
    public void execute(int control) {
        run(ControlHandler.TABLE, control);
    }

    private void run(FunctionTable<Functions.Plain> table, int key) {
        int i = table.find(key);
        if (i < 0 || table.clearsWrap(i)) {
            cancelWrap();
        }
        if (i >= 0) {
            table.function(i).run(screen);
        }
    }

    @Override
    public void escDispatch(Sequence seq, int finalChar) {
        if (seq.collectedCount() == 0 && finalChar >= 0x40 && finalChar <= 0x5F) {
            execute(finalChar + C1_OFFSET);
            return;
        }
        run(EscFunctions.TABLE, Functions.key(seq, finalChar));
    }

    @Override
    public void csiDispatch(Sequence seq, int finalChar) {
        int key = Functions.key(seq, finalChar);
        if (seq.hasColon() && key != 'm') {
            return;
        }
        FunctionTable<Functions.Csi> table = CsiFunctions.TABLE;
        int i = table.find(key);
        if (i < 0 || table.clearsWrap(i)) {
            cancelWrap();
        }
        if (i >= 0) {
            table.function(i).run(screen, seq, replies);
        }
    }

    @Override
    public void oscDispatch(OscString osc) {
        OscHandler.dispatch(screen, osc);
    }
}
