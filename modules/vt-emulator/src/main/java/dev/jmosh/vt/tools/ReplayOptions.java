package dev.jmosh.vt.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@code jmosh-vt replay}:
 * {@code --size COLSxROWS [--format text|sgr] [--cursor] [FILE...]}, where {@code -} (or no
 * file at all) is standard input. Sizes are 1..{@value #MAX_SIDE} on each side.
 */
final class ReplayOptions {
    /** Largest accepted width or height, in cells. */
    static final int MAX_SIDE = 4096;
    static final String USAGE = "usage: jmosh-vt replay --size COLSxROWS [--format text|sgr] [--cursor] FILE...";
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,9})[xX]([0-9]{1,9})");

    /** How the final screen is printed. */
    enum Format { TEXT, SGR }

    final int columns;
    final int rows;
    final Format format;
    final boolean cursor;
    final boolean help;
    final List<String> files;

    private ReplayOptions(int columns, int rows, Format format, boolean cursor, boolean help, List<String> files) {
        this.columns = columns;
        this.rows = rows;
        this.format = format;
        this.cursor = cursor;
        this.help = help;
        this.files = Collections.unmodifiableList(files);
    }

    /** A command-line mistake, reported as one line and exit status 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static ReplayOptions parse(String[] args) throws UsageException {
        int columns = -1;
        int rows = -1;
        Format format = Format.TEXT;
        boolean cursor = false;
        List<String> files = new ArrayList<>();
        boolean onlyFiles = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (onlyFiles || a.equals("-") || !a.startsWith("-")) {
                files.add(a);
                continue;
            }
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--":
                    onlyFiles = true;
                    break;
                case "-h":
                case "--help":
                    return new ReplayOptions(0, 0, format, false, true, files);
                case "--cursor":
                    cursor = true;
                    break;
                case "--size":
                    value = value != null ? value : next(args, ++i, a);
                    Matcher m = SIZE.matcher(value);
                    if (!m.matches()) {
                        throw new UsageException("bad --size '" + value + "': expected COLSxROWS, e.g. 80x24");
                    }
                    columns = Integer.parseInt(m.group(1));
                    rows = Integer.parseInt(m.group(2));
                    if (columns < 1 || rows < 1 || columns > MAX_SIDE || rows > MAX_SIDE) {
                        throw new UsageException("bad --size '" + value + "': each side must be 1.." + MAX_SIDE);
                    }
                    break;
                case "--format":
                    value = value != null ? value : next(args, ++i, a);
                    if (value.equals("text")) {
                        format = Format.TEXT;
                    } else if (value.equals("sgr")) {
                        format = Format.SGR;
                    } else {
                        throw new UsageException("bad --format '" + value + "': expected text or sgr");
                    }
                    break;
                default:
                    throw new UsageException("unknown option " + a + "; " + USAGE);
            }
        }
        if (columns < 0) {
            throw new UsageException("--size COLSxROWS is required; " + USAGE);
        }
        if (files.isEmpty()) {
            files.add("-");
        }
        return new ReplayOptions(columns, rows, format, cursor, false, files);
    }

    private static String next(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value; " + USAGE);
        }
        return args[i];
    }
}
