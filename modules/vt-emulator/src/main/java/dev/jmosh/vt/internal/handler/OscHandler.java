package dev.jmosh.vt.internal.handler;

import dev.jmosh.vt.internal.parser.OscString;
import dev.jmosh.vt.internal.screen.Screen;

/**
 * Operating system commands. Mirrors mosh's {@code Dispatcher::OSC_dispatch}:
 * <ul>
 *   <li>{@code 52;c;<payload>} sets the clipboard to the payload, verbatim (other selections
 *       are ignored);</li>
 *   <li>{@code 0;<t>} sets icon name and window title, {@code 1;<t>} the icon name,
 *       {@code 2;<t>} the title, and a bare {@code ;<t>} counts as 0; the text is the OSC string
 *       cut at {@value #TITLE_LIMIT} code points, minus its prefix.</li>
 * </ul>
 */
final class OscHandler {
    /** The OSC string is cut here before the title is taken from it (mosh: 256). */
    static final int TITLE_LIMIT = 256;
    private static final String CLIPBOARD_PREFIX = "52;c;";

    private OscHandler() {
    }

    static void dispatch(Screen s, OscString osc) {
        int n = osc.length();
        if (startsWith(osc, CLIPBOARD_PREFIX)) {
            s.setClipboard(osc.substring(CLIPBOARD_PREFIX.length(), n));
            return;
        }
        if (n < 1) {
            return;
        }
        int command;
        int offset;
        if (osc.at(0) == ';') {
            command = 0;
            offset = 1;
        } else if (n >= 2 && osc.at(1) == ';') {
            command = osc.at(0) - '0';
            offset = 2;
        } else {
            return;
        }
        boolean icon = command == 0 || command == 1;
        boolean title = command == 0 || command == 2;
        if (!icon && !title) {
            return;
        }
        String text = osc.substring(offset, Math.min(n, TITLE_LIMIT));
        if (icon) {
            s.setIconName(text);
        }
        if (title) {
            s.setWindowTitle(text);
        }
    }

    private static boolean startsWith(OscString osc, String prefix) {
        if (osc.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (osc.at(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
