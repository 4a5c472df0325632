package dev.jmosh.vt.internal.parser;

/**
 * The parameters and collected characters of the escape or control sequence being parsed,
 * reused for every sequence (no allocation). Mirrors mosh's {@code Terminal::Dispatcher}
 * bookkeeping:
 * <ul>
 *   <li>the raw parameter string keeps at most {@value #MAX_PARAM_CHARS} characters; later
 *       ones are dropped;</li>
 *   <li>a value above {@value #MAX_VALUE}, or an empty one, reads as "default";</li>
 *   <li>at most {@value #MAX_COLLECTED} intermediate/private-marker characters are kept.</li>
 * </ul>
 * Unlike mosh, ':' is kept as a sub-parameter separator (see {@link #isSubParameter}); the
 * dispatcher decides whether a sequence with colons means anything.
 */
public final class Sequence {
    /** Raw parameter characters kept (mosh: 100, "enough for 16 five-char params"). */
    public static final int MAX_PARAM_CHARS = 100;
    /** Largest parameter value; larger ones read as default. */
    public static final int MAX_VALUE = 65535;
    /** Most intermediate and private-marker characters kept. */
    public static final int MAX_COLLECTED = 8;
    /** Most parameters a sequence can have (every kept character a separator). */
    public static final int MAX_PARAMS = MAX_PARAM_CHARS + 1;

    private final char[] raw = new char[MAX_PARAM_CHARS];
    private int rawLength;
    private final char[] collected = new char[MAX_COLLECTED];
    private int collectedCount;
    private final int[] values = new int[MAX_PARAMS];
    private final boolean[] sub = new boolean[MAX_PARAMS];
    private int count;
    private boolean parsed;
    private boolean colon;

    /** Forgets everything (the parser's "clear" action). */
    public void clear() {
        rawLength = 0;
        collectedCount = 0;
        parsed = false;
        colon = false;
    }

    /** Adds a parameter character: a digit, ';' or ':'. */
    public void param(int ch) {
        if (rawLength < MAX_PARAM_CHARS) {
            raw[rawLength++] = (char) ch;
            colon |= ch == ':';
        }
        parsed = false;
    }

    /** Adds parameter characters {@code data[from..to-1]} (digits, ';', ':'): {@link #param} on each. */
    public void params(byte[] data, int from, int to) {
        int n = Math.min(to - from, MAX_PARAM_CHARS - rawLength);
        for (int k = 0; k < n; k++) {
            char c = (char) data[from + k];
            raw[rawLength++] = c;
            colon |= c == ':';
        }
        parsed = false;
    }

    /** Adds an intermediate or private-marker character (only 8-bit ones are kept). */
    public void collect(int ch) {
        if (collectedCount < MAX_COLLECTED && ch <= 0xFF) {
            collected[collectedCount++] = (char) ch;
        }
    }

    /** Returns how many intermediate/private-marker characters were kept. */
    public int collectedCount() {
        return collectedCount;
    }

    /** Returns the {@code i}th kept intermediate/private-marker character. */
    public char collected(int i) {
        return collected[i];
    }

    /** Returns whether any ':' was kept. */
    public boolean hasColon() {
        return colon;
    }

    private void parse() {
        if (parsed) {
            return;
        }
        count = 0;
        int value = -1;
        boolean nextSub = false;
        for (int i = 0; i < rawLength; i++) {
            char c = raw[i];
            if (c == ';' || c == ':') {
                store(value, nextSub);
                value = -1;
                nextSub = c == ':';
            } else if (value != Integer.MIN_VALUE) {
                int digit = c - '0';
                value = value < 0 ? digit : value * 10 + digit;
                if (value > MAX_VALUE) {
                    value = Integer.MIN_VALUE; // overflowed: default, whatever follows
                }
            }
        }
        store(value, nextSub);
        parsed = true;
    }

    private void store(int value, boolean isSub) {
        values[count] = value < 0 ? -1 : value;
        sub[count] = isSub;
        count++;
    }

    /** Returns the number of parameters; an empty parameter string counts as one (mosh). */
    public int count() {
        parse();
        return count;
    }

    /**
     * Returns parameter {@code i}, or {@code defaultValue} if it is missing, empty, zero or too
     * large (mosh {@code Dispatcher::getparam}: values below 1 read as default).
     */
    public int get(int i, int defaultValue) {
        parse();
        int v = i < count ? values[i] : -1;
        return v < 1 ? defaultValue : v;
    }

    /** Returns parameter {@code i} as parsed: -1 when missing, empty or too large, else 0..65535. */
    public int raw(int i) {
        parse();
        return i < count ? values[i] : -1;
    }

    /** Returns whether parameter {@code i} follows a ':' (a sub-parameter of the one before). */
    public boolean isSubParameter(int i) {
        parse();
        return i < count && sub[i];
    }

    /** Copies another sequence's state into this one. */
    public void copyFrom(Sequence o) {
        System.arraycopy(o.raw, 0, raw, 0, o.rawLength);
        rawLength = o.rawLength;
        System.arraycopy(o.collected, 0, collected, 0, o.collectedCount);
        collectedCount = o.collectedCount;
        colon = o.colon;
        parsed = false;
    }
}
