package dev.jmosh.cli.internal;

import java.io.IOException;

/**
 * The user's terminal as mosh-client takes it and gives it back (its {@code init}/{@code resume}
 * and {@code shutdown}/suspend, with {@code Display::open}/{@code close}).
 *
 * <p>Taking it puts the driver in raw mode ({@code cfmakeraw} plus {@code IUTF8}), then enters
 * the alternate screen (terminfo's {@code smcup}, unless {@code MOSH_NO_TERM_INIT}) and
 * application cursor keys. Giving it back writes mosh's resets (application cursor keys off,
 * SGR reset, cursor shown, mouse modes and encodings off), beyond mosh also X10 mouse, bracketed
 * paste and focus events off and the cursor style the remote side set, then leaves the
 * alternate screen ({@code rmcup}) and restores the driver settings saved at start. Both may be
 * done any number of times (suspend and resume).
 */
final class OuterTerminal {
    static final String APPLICATION_CURSOR_KEYS = "\033[?1h";
    static final String RESETS = "\033[?1l\033[0m\033[?25h\033[?1003l\033[?1002l\033[?1001l\033[?1000l"
            + "\033[?1015l\033[?1006l\033[?1005l" + "\033[?9l\033[?2004l\033[?1004l";

    private final Tty tty;
    private final TerminalOutput out;
    private final String smcup;
    private final String rmcup;

    /**
     * The terminal {@code tty} (its settings saved) drawn on through {@code out}.
     *
     * @param smcup what enters the alternate screen ("" under {@code MOSH_NO_TERM_INIT} or when
     *     the terminal has no such string)
     * @param rmcup what leaves it
     */
    OuterTerminal(Tty tty, TerminalOutput out, String smcup, String rmcup) {
        this.tty = tty;
        this.out = out;
        this.smcup = smcup;
        this.rmcup = rmcup;
    }

    /** Raw mode, then the alternate screen and application cursor keys. */
    void take() throws IOException, TtyException {
        tty.makeRaw();
        out.writeRaw(smcup + APPLICATION_CURSOR_KEYS);
        out.flush();
    }

    /**
     * Writes the resets (with {@code extraResets} before leaving the alternate screen) and
     * restores the saved driver settings, even when the writing fails (a terminal gone away).
     *
     * @throws TtyException when the settings cannot be restored
     */
    void giveBack(String extraResets) throws TtyException {
        try {
            out.writeRaw(RESETS + extraResets + rmcup);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the terminal is going away; its driver settings matter more
        }
        tty.restore();
    }
}
