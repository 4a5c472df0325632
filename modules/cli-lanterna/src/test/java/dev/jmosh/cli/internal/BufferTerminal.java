package dev.jmosh.cli.internal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Lanterna's ANSI writer into a buffer, of a fixed size: what the renderer writes, for tests to read. */
final class BufferTerminal extends ANSITerminal implements TerminalOutput {
    private final ByteArrayOutputStream out;
    private final TerminalSize size;

    BufferTerminal(int columns, int rows) {
        this(new ByteArrayOutputStream(), new TerminalSize(columns, rows));
    }

    private BufferTerminal(ByteArrayOutputStream out, TerminalSize size) {
        super(InputStream.nullInputStream(), out, StandardCharsets.UTF_8);
        this.out = out;
        this.size = size;
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size;
    }

    @Override
    public void writeRaw(String sequence) throws IOException {
        writeToTerminal(sequence.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes written since the last call. */
    byte[] take() {
        byte[] b = out.toByteArray();
        out.reset();
        return b;
    }

    /** The same as UTF-8 text. */
    String takeText() {
        return new String(take(), StandardCharsets.UTF_8);
    }
}
