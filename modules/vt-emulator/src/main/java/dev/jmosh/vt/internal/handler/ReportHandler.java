package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.Sequence;
import dev.jmosh.vt.internal.screen.Screen;
import dev.jmosh.vt.internal.unicode.ByteSink;

/**
 * Reports to the host: DA ({@code CSI c} → {@code ESC[?62c}), DA2 ({@code CSI > c} →
 * {@code ESC[>1;10;0c}) and DSR ({@code CSI 5 n} → {@code ESC[0n}, {@code CSI 6 n} → CPR
 * {@code ESC[row;colR}, absolute and 1-based even in origin mode). Mirrors mosh, which answers
 * as a plain VT220.
 */
final class ReportHandler {
    static final String PRIMARY_DA = "\033[?62c";
    static final String SECONDARY_DA = "\033[>1;10;0c";
    static final String STATUS_OK = "\033[0n";

    private ReportHandler() {
    }

    static void primaryAttributes(ByteSink replies) {
        replies.appendAscii(PRIMARY_DA);
    }

    static void secondaryAttributes(ByteSink replies) {
        replies.appendAscii(SECONDARY_DA);
    }

    static void deviceStatus(Screen s, Sequence seq, ByteSink replies) {
        switch (seq.get(0, 0)) {
            case 5:
                replies.appendAscii(STATUS_OK);
                break;
            case 6:
                replies.appendAscii("\033[");
                replies.appendDecimal(s.ds().cursorRow() + 1);
                replies.append(';');
                replies.appendDecimal(s.ds().cursorCol() + 1);
                replies.append('R');
                break;
            default:
                break;
        }
    }
}
