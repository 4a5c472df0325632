package dev.jmosh.cli.internal;

import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;

/**
 * What {@link ScreenRenderer} draws on: a Lanterna terminal, which knows the window size and
 * buffers and flushes the output, that also takes bytes as they are: the renderer writes cells,
 * renditions, cursor moves, modes and titles itself, in mosh's own sequences. {@link RawTerminal}
 * is the user's tty; tests draw into a buffer.
 */
interface TerminalOutput extends Terminal {
    /** Writes {@code sequence} to the terminal as it is, in UTF-8. */
    void writeRaw(String sequence) throws IOException;
}
