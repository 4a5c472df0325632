package dev.jmosh.vt.internal.handler;

import static dev.jmosh.vt.internal.handler.Origin.BEYOND_MOSH;
import static dev.jmosh.vt.internal.handler.Origin.MOSH;

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
    private static final int CLIPBOARD = 52;
    private static final int HYPERLINK = 8;
    private static final int MAX_COMMAND_DIGITS = 5;
    private static final String ID_KEY = "id=";
    /** Longest hyperlink (params and URI) kept: with 1024 links a screen holds at most 4 MiB of them. */
    static final int MAX_LINK = 4096;

    private OscHandler() {
    }

    /** The OSC commands performed, by number (the bare {@code ;t} form counts as 0). */
    static final FunctionTable<Functions.Osc> TABLE = new FunctionTable<Functions.Osc>()
            .add(0, MOSH, false, (s, osc, at) -> title(s, osc, at, true, true))
            .add(1, MOSH, false, (s, osc, at) -> title(s, osc, at, true, false))
            .add(2, MOSH, false, (s, osc, at) -> title(s, osc, at, false, true))
            .add(CLIPBOARD, MOSH, false, OscHandler::clipboard)
            .add(HYPERLINK, BEYOND_MOSH, false, (s, osc, at) -> hyperlink(s, osc.substring(at, osc.length())));

    static void dispatch(Screen s, OscString osc) {
        int n = osc.length();
        int command = 0;
        int i = 0;
        while (i < n && i < MAX_COMMAND_DIGITS && osc.at(i) >= '0' && osc.at(i) <= '9') {
            command = command * 10 + osc.at(i) - '0';
            i++;
        }
        if (i >= n || osc.at(i) != ';' || (i > 1 && osc.at(0) == '0')) {
            return; // not "number;", or not written canonically (mosh matches exact prefixes)
        }
        int index = TABLE.find(command);
        if (index >= 0) {
            TABLE.function(index).run(s, osc, i + 1);
        }
    }

    /** {@code 52;c;<payload>}: only selection "c" is known (mosh). */
    private static void clipboard(Screen s, OscString osc, int at) {
        if (osc.length() >= at + 2 && osc.at(at) == 'c' && osc.at(at + 1) == ';') {
            s.setClipboard(osc.substring(at + 2, osc.length()));
        }
    }

    private static void title(Screen s, OscString osc, int at, boolean icon, boolean title) {
        String text = osc.substring(Math.min(at, TITLE_LIMIT), Math.min(osc.length(), TITLE_LIMIT));
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
     * {@code ";URI"}. A malformed OSC 8 (no second ';') ends the current link, and so does one
     * longer than {@value #MAX_LINK} characters (its text prints unlinked).
     */
    private static void hyperlink(Screen s, String text) {
        int semi = text.indexOf(';');
        String uri = semi < 0 ? "" : text.substring(semi + 1);
        if (uri.isEmpty() || text.length() > MAX_LINK) {
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
}
