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
 *       cut at {@value #TITLE_LIMIT} code points, minus its prefix;</li>
 *   <li>beyond mosh, {@code 8;params;URI} hyperlinks (see {@link #hyperlink}).</li>
 * </ul>
 */
final class OscHandler {
    /** The OSC string is cut here before the title is taken from it (mosh: 256). */
    static final int TITLE_LIMIT = 256;
    private static final String CLIPBOARD_PREFIX = "52;c;";
    private static final String LINK_PREFIX = "8;";
    private static final String ID_KEY = "id=";

    private OscHandler() {
    }

    static void dispatch(Screen s, OscString osc) {
        int n = osc.length();
        if (startsWith(osc, CLIPBOARD_PREFIX)) {
            s.setClipboard(osc.substring(CLIPBOARD_PREFIX.length(), n));
            return;
        }
        if (startsWith(osc, LINK_PREFIX)) {
            hyperlink(s, osc.substring(LINK_PREFIX.length(), n));
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

    /**
     * OSC 8 ({@code 8;params;URI}), beyond mosh 1.4.0: characters printed from now on carry the
     * link, until an OSC 8 with an empty URI. Of the {@code key=value} parameters (separated by
     * ':'), only {@code id} is kept, as tmux does; the link is stored as {@code "id=ID;URI"} or
     * {@code ";URI"}. A malformed OSC 8 (no second ';') ends the current link.
     */
    private static void hyperlink(Screen s, String text) {
        int semi = text.indexOf(';');
        String uri = semi < 0 ? "" : text.substring(semi + 1);
        if (uri.isEmpty()) {
            s.ds().setLink(null);
            return;
        }
        String id = "";
        for (String param : text.substring(0, semi).split(":", -1)) {
            if (param.startsWith(ID_KEY)) {
                id = param;
            }
        }
        s.ds().setLink(s.internLink(id + ";" + uri));
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
