package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.OscString;
import dev.jmosh.vt.internal.parser.ParserListener;
import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.Screen;
import dev.jmosh.vt.internal.unicode.ByteSink;

/**
 * Gives parsed syntax its meaning by routing it to the handlers. Mirrors mosh's
 * {@code Terminal::Dispatcher::dispatch} and {@code Emulator::Esc_dispatch}:
 * <ul>
 *   <li>a function is found by its collected characters plus final character (so at most
 *       {@value Sequence#MAX_COLLECTED} - 1 intermediates leave room for the final);</li>
 *   <li>{@code ESC} followed by 0x40..0x5F and no intermediate is the 7-bit form of a C1
 *       control;</li>
 *   <li>every function and every unknown sequence cancels deferred wrap, except HT, CHT, CBT,
 *       TBC, SGR and DECSET/DECRST; an OSC or an ignored (CSI_IGNORE) sequence leaves it
 *       alone;</li>
 *   <li>a CSI with ':' is ignored (as mosh's parser does) unless it is a plain SGR.</li>
 * </ul>
 * Replies (DA, DSR) are appended to a byte sink.
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
    public void execute(int control) {
        if (control == ControlHandler.HT) {
            TabHandler.ht(screen);
            return;
        }
        cancelWrap();
        ControlHandler.execute(screen, control);
    }

    @Override
    public void escDispatch(Sequence seq, int finalChar) {
        int collected = seq.collectedCount();
        if (collected == 0 && finalChar >= 0x40 && finalChar <= 0x5F) {
            execute(finalChar + C1_OFFSET);
            return;
        }
        cancelWrap();
        if (collected == 0) {
            switch (finalChar) {
                case '7': CursorHandler.save(screen); break;
                case '8': CursorHandler.restore(screen); break;
                case 'c': ModeHandler.fullReset(screen); break;
                default: break;
            }
        } else if (collected == 1 && seq.collected(0) == '#' && finalChar == '8') {
            EraseHandler.screenAlignment(screen);
        }
    }

    @Override
    public void csiDispatch(Sequence seq, int finalChar) {
        int collected = seq.collectedCount();
        if (seq.hasColon()) {
            if (collected == 0 && finalChar == 'm') {
                SgrHandler.apply(screen, seq);
            }
            return;
        }
        if (collected == 0) {
            plain(seq, finalChar);
        } else if (collected == 1) {
            marked(seq, seq.collected(0), finalChar);
        } else {
            cancelWrap();
        }
    }

    private void plain(Sequence seq, int f) {
        switch (f) {
            case 'm': SgrHandler.apply(screen, seq); return;
            case 'I': TabHandler.cxt(screen, seq, false); return;
            case 'Z': TabHandler.cxt(screen, seq, true); return;
            case 'g': TabHandler.tbc(screen, seq); return;
            default: break;
        }
        cancelWrap();
        switch (f) {
            case 'A': case 'B': case 'C': case 'D': CursorHandler.relative(screen, seq, f); break;
            case 'E': CursorHandler.nextLine(screen, seq, true); break;
            case 'F': CursorHandler.nextLine(screen, seq, false); break;
            case 'H': case 'f': CursorHandler.cup(screen, seq); break;
            case 'G': case '`': CursorHandler.column(screen, seq); break;
            case 'd': CursorHandler.line(screen, seq); break;
            case 'J': EraseHandler.eraseInDisplay(screen, seq); break;
            case 'K': EraseHandler.eraseInLine(screen, seq); break;
            case 'X': EraseHandler.eraseCharacters(screen, seq); break;
            case '@': EraseHandler.insertCharacters(screen, seq); break;
            case 'P': EraseHandler.deleteCharacters(screen, seq); break;
            case 'L': ScrollHandler.insertLines(screen, seq); break;
            case 'M': ScrollHandler.deleteLines(screen, seq); break;
            case 'S': ScrollHandler.scroll(screen, seq, true); break;
            case 'T': ScrollHandler.scroll(screen, seq, false); break;
            case 'r': ScrollHandler.setMargins(screen, seq); break;
            case 'h': ModeHandler.setAnsiModes(screen, seq, true); break;
            case 'l': ModeHandler.setAnsiModes(screen, seq, false); break;
            case 'c': ReportHandler.primaryAttributes(replies); break;
            case 'n': ReportHandler.deviceStatus(screen, seq, replies); break;
            default: break;
        }
    }

    private void marked(Sequence seq, char marker, int f) {
        if (marker == '?' && (f == 'h' || f == 'l')) {
            ModeHandler.setPrivateModes(screen, seq, f == 'h');
            return;
        }
        cancelWrap();
        if (marker == '>' && f == 'c') {
            ReportHandler.secondaryAttributes(replies);
        } else if (marker == '!' && f == 'p') {
            ModeHandler.softReset(screen);
        }
    }

    @Override
    public void oscDispatch(OscString osc) {
        OscHandler.dispatch(screen, osc);
    }
}
