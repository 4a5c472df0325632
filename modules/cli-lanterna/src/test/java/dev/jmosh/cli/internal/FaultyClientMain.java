package dev.jmosh.cli.internal;

import dev.jmosh.vt.Framebuffer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A test launcher, not part of the product: jmosh-client ({@code MOSH_KEY}, {@code IP PORT}) whose
 * renderer throws an unexpected exception as soon as the screen shows {@value #TRIGGER} (e.g. the
 * output of {@code printf 'FAIL-%s\n' NOW}), so that a test can drive the client's error path on a
 * real terminal against a real server. The
 * conformance tests run it with this module's test classes patched into {@code dev.jmosh.cli}.
 */
public final class FaultyClientMain {
    /** Text that, once on the remote screen, makes the next frame throw. */
    public static final String TRIGGER = "FAIL-NOW";
    /** The exception's message. */
    public static final String MESSAGE = "injected failure";

    private FaultyClientMain() {
    }

    /** Runs the client; exits with its exit code. */
    public static void main(String[] argv) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        ClientArgs args = ClientArgs.parse(argv);
        Tty tty = new Tty(0);
        tty.save();
        int code = new TerminalClient(tty, Terminfo.load(System.getenv()), args, System.getenv("MOSH_KEY"),
                System.getenv(), out, err, FaultyClientMain::failOnTrigger).run();
        System.exit(code);
    }

    private static void failOnTrigger(Framebuffer frame) {
        for (int row = 0; row < frame.rows(); row++) {
            if (frame.rowText(row).contains(TRIGGER)) {
                throw new IllegalStateException(MESSAGE);
            }
        }
    }
}
