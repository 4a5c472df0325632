package dev.jmosh.vt.internal.parser;

import java.util.Arrays;

/**
 * The text of an operating system command, as code points, capped at {@value #MAX_LENGTH} (mosh
 * {@code MAXIMUM_CLIPBOARD_SIZE}); further characters are dropped. Grows on demand, so parsers
 * that never see a long OSC stay small.
 */
public final class OscString {
    /** Most code points kept, 16 Ki. */
    public static final int MAX_LENGTH = 16 * 1024;
    private static final int INITIAL_CAPACITY = 64;

    private int[] chars = new int[INITIAL_CAPACITY];
    private int length;

    /** Forgets the text. */
    public void clear() {
        length = 0;
    }

    /** Appends a code point unless the cap is reached. */
    public void put(int cp) {
        if (length >= MAX_LENGTH) {
            return;
        }
        if (length == chars.length) {
            chars = Arrays.copyOf(chars, Math.min(MAX_LENGTH, chars.length * 2));
        }
        chars[length++] = cp;
    }

    public int length() {
        return length;
    }

    /** Returns the code point at {@code i}. */
    public int at(int i) {
        return chars[i];
    }

    /** Returns code points {@code from} (inclusive) to {@code to} (exclusive) as a string. */
    public String substring(int from, int to) {
        return from >= to ? "" : new String(chars, from, to - from);
    }

    /** Copies another OSC text into this one. */
    public void copyFrom(OscString o) {
        if (chars.length < o.length) {
            chars = new int[o.chars.length];
        }
        System.arraycopy(o.chars, 0, chars, 0, o.length);
        length = o.length;
    }
}
