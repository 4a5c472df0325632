package dev.jmosh.pty.internal;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.ValueLayout;

/**
 * Short names for the C types in native memory (LP64: {@code long} and pointers are 8 bytes).
 * Arguments and results of calls are all {@code long}s ({@link Native}).
 */
final class ValueLayouts {
    /** {@code int}, {@code pid_t}, {@code mode_t}. */
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    /** {@code short} ({@code struct pollfd}'s events, {@code struct winsize}). */
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT;
    /** Any pointer. */
    static final AddressLayout ADDRESS = ValueLayout.ADDRESS;

    private ValueLayouts() {
    }
}
