package dev.jmosh.cli.internal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Lanterna terminal on the user's tty whose driver settings come from {@link Tty} (FFM)
 * instead of Lanterna's {@code stty} subprocesses: fully raw like mosh-client's
 * {@code cfmakeraw}, so every byte the user types reaches the server unchanged (no ICRNL, no
 * IXON, no signals), with the window size read by {@code TIOCGWINSZ}.
 *
 * <p>Lanterna never reads input here: the client reads standard input itself and forwards raw
 * bytes. Lanterna only draws; the client enters and leaves the alternate screen itself
 * ({@link OuterTerminal}), so Lanterna's private mode is never used. {@link #close} restores the
 * saved settings and removes Lanterna's shutdown hook, which restores them if the JVM exits first.
 */
public final class RawTerminal extends UnixLikeTerminal implements TerminalOutput {
    private Tty tty;
    private Runnable lanternaResizeCheck = () -> { };

    /** Takes over the terminal on standard input/output and puts it in raw mode. */
    public RawTerminal(Tty tty, OutputStream out) throws IOException {
        super(InputStream.nullInputStream(), out, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
        this.tty = tty;
        super.acquire();
    }

    /** Deferred: Lanterna's constructor calls this before our fields exist; we call it ourselves. */
    @Override
    protected void acquire() {
    }

    /** Lets Lanterna see the window size change (call on SIGWINCH; the client handles signals). */
    public void windowChanged() {
        lanternaResizeCheck.run();
    }

    @Override
    protected void registerTerminalResizeListener(Runnable onResize) {
        this.lanternaResizeCheck = onResize;
    }

    @Override
    protected void saveTerminalSettings() throws IOException {
        try {
            tty.save();
        } catch (TtyException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        try {
            tty.restore();
        } catch (TtyException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (!enabled) {
            try {
                tty.makeRaw();
            } catch (TtyException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) {
        // raw mode already disables echo; restoring the saved settings brings it back
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) {
        // raw mode already disables ISIG; restoring the saved settings brings it back
    }

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        try {
            int[] size = tty.windowSize();
            return new TerminalSize(Math.max(1, size[0]), Math.max(1, size[1]));
        } catch (TtyException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Writes bytes Lanterna has no call for (modes, titles) straight to the terminal. */
    @Override
    public void writeRaw(String sequence) throws IOException {
        writeToTerminal(sequence.getBytes(StandardCharsets.UTF_8));
    }
}
