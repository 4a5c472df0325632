package dev.jmosh.cli.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few terminfo facts mosh-client's display takes from the compiled entry of {@code TERM}
 * (its {@code setupterm} and {@code tigetstr}): whether the entry exists, and the strings that
 * enter and leave the alternate screen ({@code smcup}, {@code rmcup}; e.g. xterm's also save and
 * restore the window title). Entries are found as ncurses finds them: {@code $TERMINFO}, else
 * {@code ~/.terminfo}, the directories of {@code $TERMINFO_DIRS} (an empty one standing for the
 * defaults), and /etc/terminfo, /lib/terminfo, /usr/share/terminfo; each in a subdirectory named
 * by the first character (or its hex code). The file format is term(5)'s: six little-endian
 * shorts (magic 0432, or 01036 for 32-bit numbers; sizes of the names, booleans, numbers,
 * string offsets and string table), then those sections, the numbers on an even boundary.
 */
public final class Terminfo {
    /** mosh-client's messages when {@code setupterm} fails (its "Error: ..." text). */
    public static final String UNKNOWN_TERMINAL = "Unknown terminal type.";
    /** TERM unset or empty. */
    public static final String NO_DATABASE = "Terminfo database could not be found.";

    private static final List<String> DEFAULT_DIRS = List.of("/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo");
    private static final int MAGIC_16 = 0432;
    private static final int MAGIC_32 = 01036;
    /** Indexes in the string section (ncurses' Caps order). */
    private static final int SMCUP = 28;
    private static final int RMCUP = 40;
    /** The index of {@code colors} among the numbers. */
    private static final int COLORS = 13;

    private final String smcup;
    private final String rmcup;
    private final int colors;

    private Terminfo(String smcup, String rmcup, int colors) {
        this.smcup = smcup;
        this.rmcup = rmcup;
        this.colors = colors;
    }

    /** The {@code colors} number, as {@code tigetnum} gives it: -1 when absent, -2 when cancelled. */
    public int colors() {
        return colors;
    }

    /**
     * What ncurses' {@code setupterm} prints when {@code env}'s TERM has no entry, which
     * {@code mosh-client -c} shows: "TERM environment variable not set." or "'NAME': unknown
     * terminal type.".
     */
    public static String setuptermError(Map<String, String> env) {
        String term = env.get("TERM");
        return term == null || term.isEmpty() ? "TERM environment variable not set.\n"
                : "'" + term + "': unknown terminal type.\n";
    }

    /** The string that enters the alternate screen, if the terminal has one. */
    public Optional<String> smcup() {
        return Optional.ofNullable(smcup);
    }

    /** The string that leaves the alternate screen, if the terminal has one. */
    public Optional<String> rmcup() {
        return Optional.ofNullable(rmcup);
    }

    /** Why the terminal cannot be described; the message is mosh-client's. */
    public static final class UnknownTerminalException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownTerminalException(String message) {
            super(message);
        }
    }

    /**
     * The entry of {@code env}'s TERM.
     *
     * @throws UnknownTerminalException {@link #NO_DATABASE} without a TERM, {@link #UNKNOWN_TERMINAL}
     *     when no readable entry has that name
     */
    public static Terminfo load(Map<String, String> env) throws UnknownTerminalException {
        String term = env.get("TERM");
        if (term == null || term.isEmpty()) {
            throw new UnknownTerminalException(NO_DATABASE);
        }
        if (term.contains("/")) {
            throw new UnknownTerminalException(UNKNOWN_TERMINAL);
        }
        for (String dir : directories(env)) {
            for (String sub : List.of(term.substring(0, 1), Integer.toHexString(term.charAt(0)))) {
                Path file = Path.of(dir, sub, term);
                try {
                    return parse(Files.readAllBytes(file));
                } catch (IOException | RuntimeException e) {
                    // not there, or not an entry: go on looking
                }
            }
        }
        throw new UnknownTerminalException(UNKNOWN_TERMINAL);
    }

    private static List<String> directories(Map<String, String> env) {
        List<String> dirs = new ArrayList<>();
        String terminfo = env.get("TERMINFO");
        if (terminfo != null && !terminfo.isEmpty()) {
            dirs.add(terminfo);
        }
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            dirs.add(home + "/.terminfo");
        }
        String list = env.get("TERMINFO_DIRS");
        if (list != null && !list.isEmpty()) {
            for (String d : list.split(":", -1)) {
                if (d.isEmpty()) {
                    dirs.addAll(DEFAULT_DIRS);
                } else {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(DEFAULT_DIRS);
        return dirs;
    }

    /** Reads a compiled entry. */
    static Terminfo parse(byte[] entry) {
        ByteBuffer b = ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getShort();
        if (magic != MAGIC_16 && magic != MAGIC_32) {
            throw new IllegalArgumentException("not a terminfo entry");
        }
        int names = b.getShort();
        int booleans = b.getShort();
        int numbers = b.getShort();
        int strings = b.getShort();
        int tableSize = b.getShort();
        if (names < 0 || booleans < 0 || numbers < 0 || strings < 0 || tableSize < 0) {
            throw new IllegalArgumentException("bad terminfo header");
        }
        int pos = 12 + names + booleans;
        pos += pos % 2;
        pos += numbers * (magic == MAGIC_32 ? 4 : 2);
        int numbersAt = pos - numbers * (magic == MAGIC_32 ? 4 : 2);
        int colors = -1;
        if (COLORS < numbers) {
            colors = magic == MAGIC_32 ? b.getInt(numbersAt + 4 * COLORS) : b.getShort(numbersAt + 2 * COLORS);
        }
        int table = pos + 2 * strings;
        return new Terminfo(string(b, pos, strings, table, tableSize, SMCUP),
                string(b, pos, strings, table, tableSize, RMCUP), colors);
    }

    private static String string(ByteBuffer b, int offsets, int count, int table, int tableSize, int index) {
        if (index >= count) {
            return null;
        }
        int off = b.getShort(offsets + 2 * index);
        if (off < 0 || off >= tableSize) {
            return null; // absent (-1) or cancelled (-2)
        }
        int end = table + off;
        while (b.get(end) != 0) {
            end++;
        }
        return new String(b.array(), table + off, end - table - off, StandardCharsets.ISO_8859_1);
    }
}
