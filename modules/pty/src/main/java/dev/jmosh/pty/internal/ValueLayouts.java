package dev.jmosh.pty.internal;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.ValueLayout;

/** Short names for the C types of the bindings (LP64: {@code long} and pointers are 8 bytes). */
final class ValueLayouts {
    /** {@code int}, {@code pid_t}, {@code mode_t}. */
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    /** {@code long}, {@code size_t}, {@code ssize_t}, {@code unsigned long} (ioctl request). */
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    /** {@code short} ({@code posix_spawnattr_setflags}). */
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT;
    /** Any pointer. */
    static final AddressLayout ADDRESS = ValueLayout.ADDRESS;

    private ValueLayouts() {
    }
}
