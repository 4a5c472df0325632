package dev.jmosh.cli.internal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import dev.jmosh.ssp.Direction;
import dev.jmosh.ssp.Nonce;
import dev.jmosh.ssp.PacketCipher;
import dev.jmosh.ssp.Providers;
import dev.jmosh.ssp.SessionKey;
import dev.jmosh.ssp.spi.CipherProvider;
import dev.jmosh.vt.Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Loads and runs once, on a background thread, what the client needs first (the native
 * terminal calls, the emulator, Lanterna's renderer, the cipher), while the wrapper waits for the
 * server's {@code MOSH CONNECT}: a JVM's first use of a class costs far more than its later ones,
 * and this way that cost overlaps the server's own start instead of following it. It touches no
 * terminal, file or socket, and its failures are ignored (the client then simply pays later).
 */
public final class Prewarm {
    private static final byte[] SAMPLE = ("\033[H\033[2Jjmosh \033[1;31mwarm\033[m \u4e2d\u6587 e\u0301\r\n"
            + "\033[38;5;200m\033[48;2;1;2;3mcolour\033[0m\033[K\r\n\033[?25h").getBytes(StandardCharsets.UTF_8);

    private Prewarm() {
    }

    /** Starts the warm-up; it ends by itself. */
    public static void start() {
        Thread t = new Thread(Prewarm::run, "jmosh-prewarm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            Tty.isatty(0);
            Emulator emulator = new Emulator(80, 24);
            emulator.write(SAMPLE);
            ScreenRenderer renderer = new ScreenRenderer(new Discard(), "[mosh] ", true);
            renderer.render(emulator.framebuffer(), Optional.empty());
            renderer.render(emulator.framebuffer(), Optional.of("mosh: Last contact 3 seconds ago."));
            PacketCipher cipher = Providers.select(CipherProvider.class, SessionKey.MOSH_CIPHER).create(SessionKey.generate(new SecureRandom()));
            Nonce nonce = Nonce.of(Direction.TO_SERVER, 1);
            cipher.open(nonce, cipher.seal(nonce, SAMPLE, 0, SAMPLE.length), 0, SAMPLE.length + 16);
        } catch (Exception | LinkageError e) {
            // a warm-up only: whatever failed here will be done, and reported, by the client itself
        }
    }

    /** A terminal that draws into nothing, of a fixed size. */
    private static final class Discard extends ANSITerminal implements TerminalOutput {
        Discard() {
            super(InputStream.nullInputStream(), OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        }

        @Override
        protected TerminalSize findTerminalSize() {
            return new TerminalSize(80, 24);
        }

        @Override
        public void writeRaw(String sequence) throws IOException {
            writeToTerminal(sequence.getBytes(StandardCharsets.UTF_8));
        }
    }
}
