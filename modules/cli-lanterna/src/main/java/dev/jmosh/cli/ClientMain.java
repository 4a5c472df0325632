package dev.jmosh.cli;

import dev.jmosh.cli.internal.ClientArgs;
import dev.jmosh.cli.internal.Locale8;
import dev.jmosh.cli.internal.Messages;
import dev.jmosh.cli.internal.TerminalClient;
import dev.jmosh.cli.internal.Terminfo;
import dev.jmosh.cli.internal.Tty;
import dev.jmosh.cli.internal.TtyException;
import dev.jmosh.predictor.PredictionDisplay;
import dev.jmosh.predictor.PredictionOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code jmosh-client [-# 'ARGS'] [-v] IP PORT} and {@code jmosh-client -c}: the contract of
 * mosh-client 1.4.0, so the perl {@code mosh} wrapper can run it with {@code --client=}. The key
 * comes from {@code MOSH_KEY}; the checks, their order and their messages are mosh-client's:
 * the key, the terminfo entry of {@code TERM}, the prediction mode, a UTF-8 locale, then a
 * terminal on standard input, all before the terminal is touched.
 */
public final class ClientMain {
    private static final String PROGRAM = "jmosh-client";

    private ClientMain() {
    }

    /** Runs the client and exits with mosh-client's exit code. */
    public static void main(String[] argv) {
        System.exit(run(argv, System.getenv()));
    }

    static int run(String[] argv, Map<String, String> env) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        ClientArgs args;
        try {
            args = ClientArgs.parse(argv);
        } catch (ClientArgs.UsageException e) {
            if (e.getMessage() != null) {
                err.print(PROGRAM + ": " + e.getMessage() + "\n\n");
            }
            err.print(Messages.usage(PROGRAM));
            return 1;
        }
        switch (args.mode()) {
            case HELP -> {
                out.print(Messages.usage(PROGRAM));
                return 0;
            }
            case VERSION -> {
                out.print(Messages.version(PROGRAM));
                return 0;
            }
            case COLORS -> {
                try {
                    out.println(Terminfo.load(env).colors());
                    return 0;
                } catch (Terminfo.UnknownTerminalException e) {
                    err.print(Terminfo.setuptermError(env));
                    return 1;
                }
            }
            default -> {
            }
        }
        String key = env.get("MOSH_KEY");
        if (key == null) {
            err.println("MOSH_KEY environment variable not found.");
            return 1;
        }
        Terminfo terminfo;
        try {
            terminfo = Terminfo.load(env); // mosh-client's Display reads it before anything else
        } catch (Terminfo.UnknownTerminalException e) {
            err.print("Error: " + e.getMessage() + "\r\n");
            err.flush();
            out.print(Messages.EXITING + "\n");
            out.flush();
            return 1;
        }
        try {
            PredictionDisplay.parse(env.get(PredictionOptions.DISPLAY));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage()); // "Unknown prediction mode X.", as mosh-client
            return 1;
        }
        if (!Locale8.isUtf8()) {
            Locale8.refuse(env, out, err);
            return 1;
        }
        Tty tty = new Tty(0);
        try {
            tty.save();
        } catch (TtyException e) {
            err.println(e.getMessage());
            return 1;
        }
        return new TerminalClient(tty, terminfo, args, key, env, out, err).run();
    }
}
