package dev.jmosh.cli.internal;

import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;

/**
 * What {@link ScreenRenderer} draws on: a Lanterna terminal that also takes the bytes Lanterna
 * has no call for (modes, titles, hyperlinks, erase sequences). {@link RawTerminal} is the
 * user's tty; tests draw into a buffer.
 */
interface TerminalOutput extends Terminal {
    /** Writes {@code sequence} to the terminal as it is, in UTF-8. */
    void writeRaw(String sequence) throws IOException;
}
