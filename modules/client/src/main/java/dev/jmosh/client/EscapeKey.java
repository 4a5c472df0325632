package dev.jmosh.client;

/**
 * mosh-client's escape key ({@code MOSH_ESCAPE_KEY}, default Ctrl-^): the key followed by
 * {@code .} quits, by Ctrl-Z suspends, by the key's "pass" character sends the key itself, and
 * by anything else sends both bytes. A printable escape key is recognised only right after CR or
 * LF, like ssh's {@code ~}.
 */
public final class EscapeKey {
    private static final int DEFAULT_KEY = 0x1E;

    private final int key;
    private final int passKey;
    private final int passKey2;
    private final boolean requiresLineStart;

    private EscapeKey(int key, int passKey, int passKey2) {
        this.key = key;
        this.passKey = passKey;
        this.passKey2 = passKey2;
        this.requiresLineStart = key >= 32;
    }

    /** The default, Ctrl-^. */
    public static EscapeKey defaultKey() {
        return new EscapeKey(DEFAULT_KEY, '^', '^');
    }

    /**
     * The escape key described by {@code MOSH_ESCAPE_KEY}: null for the default, "" for none, one
     * ASCII character (1–127) otherwise. Longer values, and Ctrl-C, Ctrl-D, LF, Ctrl-L and CR,
     * keep the default, as in mosh.
     */
    public static EscapeKey fromEnvironment(String value) {
        if (value == null) {
            return defaultKey();
        }
        if (value.isEmpty()) {
            return new EscapeKey(-1, -1, -1);
        }
        if (value.length() != 1) {
            return defaultKey();
        }
        int k = value.charAt(0);
        if (k <= 0 || k >= 128 || k == 0x03 || k == 0x04 || k == 0x0A || k == 0x0C || k == 0x0D) {
            return defaultKey();
        }
        int pass = k < 32 ? k + '@' : k;
        int pass2 = pass >= 'A' && pass <= 'Z' ? pass + ('a' - 'A') : pass;
        return new EscapeKey(k, pass, pass2);
    }

    /** Whether there is an escape key at all. */
    public boolean enabled() {
        return key > 0;
    }

    /** The escape byte, or -1. */
    public int key() {
        return key;
    }

    /** The key's name as mosh prints it: {@code Ctrl-^} or {@code "~"}. */
    public String name() {
        return key < 32 ? "Ctrl-" + (char) passKey : "\"" + (char) key + "\"";
    }

    /** The help shown after the escape key is pressed. */
    public String help() {
        return "Commands: Ctrl-Z suspends, \".\" quits, \"" + (char) passKey + "\" gives literal " + name();
    }

    boolean isPass(int b) {
        return b == passKey || b == passKey2;
    }

    boolean requiresLineStart() {
        return requiresLineStart;
    }
}
