package dev.jmosh.vt;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every code point's width against this machine's glibc {@code wcwidth} in {@code C.UTF-8}, the
 * width a C++ mosh peer on the same system uses, called through FFM. On glibc 2.36 (Debian 12,
 * the reference the bundled tables were generated for) every difference must be listed and
 * justified in {@link #JUSTIFIED}; on another glibc the differences are reported, not failed.
 */
class CharWidthVsGlibcTest {
    /** Code point → why jmosh's width differs from glibc 2.36's on purpose. None so far. */
    private static final Map<Integer, String> JUSTIFIED = Map.of();

    @Test
    @SuppressWarnings("restricted")
    void everyCodePointMatchesGlibcWcwidth() throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MethodHandle setlocale = linker.downcallHandle(libc.find("setlocale").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        MethodHandle wcwidth = linker.downcallHandle(libc.find("wcwidth").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        MethodHandle version = linker.downcallHandle(libc.find("gnu_get_libc_version").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS));
        String glibc;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment result = (MemorySegment) setlocale.invokeExact(6 /* LC_ALL */, arena.allocateFrom("C.UTF-8"));
            Assumptions.assumeFalse(result.equals(MemorySegment.NULL), "no C.UTF-8 locale on this machine");
            glibc = ((MemorySegment) version.invokeExact()).reinterpret(32).getString(0);
        }
        List<String> differences = new ArrayList<>();
        for (int cp = 0; cp < 0x110000; cp++) {
            int theirs = (int) wcwidth.invokeExact(cp);
            int ours = CharWidth.of(cp);
            if (theirs != ours && !JUSTIFIED.containsKey(cp)) {
                differences.add(String.format("U+%04X jmosh %d glibc %d", cp, ours, theirs));
            }
        }
        String report = differences.size() + " differences from glibc " + glibc
                + (differences.isEmpty() ? "" : ", first: " + differences.subList(0, Math.min(20, differences.size())));
        System.out.println("CharWidthVsGlibcTest: " + report);
        Assumptions.assumeTrue(glibc.equals("2.36"), "glibc " + glibc + " is not the reference 2.36: " + report);
        assertThat(differences).as(report).isEmpty();
    }
}
