package dev.jmosh.pty.internal;

import static dev.jmosh.pty.internal.ValueLayouts.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

/** C string arrays ({@code char *const argv[]}, {@code envp}) in native memory. */
final class CStrings {
    private CStrings() {
    }

    /**
     * A NULL-terminated array of NUL-terminated UTF-8 strings, all allocated in {@code arena}.
     *
     * @throws IllegalArgumentException if a string contains NUL, which C would cut short
     */
    static MemorySegment array(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(ADDRESS, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            String s = strings.get(i);
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("NUL in a C string: " + s.replace('\0', '@'));
            }
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(s));
        }
        array.setAtIndex(ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }
}
