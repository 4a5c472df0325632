package dev.jmosh.vt.tools;

import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jmosh-vt replay --size COLSxROWS [--format text|sgr] [--cursor] FILE...}: feeds the
 * files (in order; {@code -} is standard input) to an emulator of that size and prints the
 * final screen, as plain rows ({@code text}, like {@code tmux capture-pane -p}) or with SGR
 * attributes ({@code sgr}, like {@code capture-pane -p -e}); {@code --cursor} adds a last line
 * {@code cursor X,Y visible|hidden} (0-based column and row). Replies the emulator would send to
 * the application (DA, DSR) are dropped. A bad command line is reported in one line on
 * standard error with exit status 2, an unreadable file likewise with status 1, before
 * anything is printed.
 */
public final class ReplayMain {
    /** Exit status for a bad command line. */
    static final int EXIT_USAGE = 2;
    /** Exit status for an unreadable input or an unwritable output. */
    static final int EXIT_IO = 1;

    private ReplayMain() {
    }

    public static void main(String[] args) {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        int rc = run(args, System.in, out, System.err);
        try {
            out.flush();
        } catch (IOException e) {
            rc = 1;
        }
        System.exit(rc);
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, InputStream stdin, OutputStream out, PrintStream err) {
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args);
        } catch (ReplayOptions.UsageException e) {
            err.println("jmosh-vt replay: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (options.help) {
            err.println(ReplayOptions.USAGE);
            return 0;
        }
        List<byte[]> inputs = new ArrayList<>();
        for (String file : options.files) {
            try {
                inputs.add(file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Paths.get(file)));
            } catch (NoSuchFileException e) {
                err.println("jmosh-vt replay: " + file + ": no such file");
                return EXIT_IO;
            } catch (IOException | RuntimeException e) {
                err.println("jmosh-vt replay: " + file + ": cannot read (" + reason(e, Paths.get(file)) + ")");
                return EXIT_IO;
            }
        }
        Emulator emulator = new Emulator(options.columns, options.rows);
        for (byte[] input : inputs) {
            emulator.write(input);
            emulator.takeReplies();
        }
        Framebuffer fb = emulator.framebuffer();
        StringBuilder screen = new StringBuilder(
                options.format == ReplayOptions.Format.SGR ? ScreenPrinter.sgr(fb) : ScreenPrinter.text(fb));
        if (options.cursor) {
            screen.append("cursor ").append(fb.cursorCol()).append(',').append(fb.cursorRow())
                    .append(fb.cursorVisible() ? " visible" : " hidden").append('\n');
        }
        try {
            out.write(screen.toString().getBytes(StandardCharsets.UTF_8));
            return 0;
        } catch (IOException e) {
            err.println("jmosh-vt replay: cannot write the screen: " + e.getMessage());
            return EXIT_IO;
        }
    }

    private static String reason(Exception e, Path file) {
        if (Files.isDirectory(file)) {
            return "a directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
