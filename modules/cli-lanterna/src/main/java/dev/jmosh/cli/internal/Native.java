package dev.jmosh.cli.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The one place where the client calls into libc ({@link Tty}, {@link Signals},
 * {@link StdinReader}): a single downcall handle of one canonical shape, as in jmosh-server's
 * {@code dev.jmosh.pty.internal.Native} (whose comment has the full reasoning), because the JDK
 * generates classes for every distinct shape it links, milliseconds each at start-up that its
 * AOT cache cannot keep. The handle is linked once, without a target, as
 * <pre>
 * (MemorySegment function, MemorySegment errnoState, long, long, long, long, long, long) -> long
 * </pre>
 * with {@code captureCallState("errno")} and {@code firstVariadicArg(0)}; {@link #call} is its
 * {@code invokeExact}. Why every function here can be called so on Linux x86-64 (System V) and
 * AArch64 (AAPCS64):
 * <ul>
 * <li>all their parameters are integers or pointers, at most six, which both ABIs pass in the
 *     next general register by position alone (nothing on the stack), and a callee reads no
 *     register past its own parameters, so the extra zeros are never seen;</li>
 * <li>an {@code int} argument widened to {@code long} is its sign extension, and the callee
 *     reads only the low 32 bits; an {@code int} result is the low 32 bits of the register,
 *     whose upper half is undefined (glibc's {@code tcgetattr} and {@code ioctl} return -1 as
 *     {@code 0x00000000ffffffff}), hence the {@code (int)} cast before any test; pointer results
 *     ({@code strerror}, {@code signal}) fill the register; {@code cfmakeraw}'s {@code void}
 *     result is ignored;</li>
 * <li>{@code ioctl} is variadic: on x86-64 its caller must set {@code al} to an upper bound of
 *     the vector registers used, which the JDK does (to 0) only for a handle linked with
 *     {@code firstVariadicArg}, hence that option; a non-variadic callee ignores {@code rax},
 *     and on Linux AArch64 variadic arguments go where named ones do (only macOS differs);</li>
 * <li>every call captures {@code errno}; the functions that do not report through it
 *     ({@code isatty}'s result, {@code cfmakeraw}, {@code strerror}, {@code kill} and the
 *     signal calls here) simply ignore what was captured.</li>
 * </ul>
 * A pointer argument is {@link #address}: a {@code long} that keeps nothing alive, so the
 * segment is of a confined arena closed only after the call.
 */
final class Native {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** The handle of the canonical shape (class comment). */
    private static final MethodHandle CALL = link();

    private Native() {
    }

    @SuppressWarnings("restricted")
    private static MethodHandle link() {
        FunctionDescriptor sixLongs = FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
        return LINKER.downcallHandle(sixLongs,
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(0));
    }

    /**
     * The libc function {@code name}, to {@link #call}.
     *
     * @throws IllegalStateException if the C library lacks it
     */
    static MemorySegment function(String name) {
        return LIBC.find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name));
    }

    /**
     * Calls {@code function(a, b, c)}, its {@code errno} landing in {@code errnoState}; a
     * function of fewer parameters ignores the rest (class comment).
     *
     * @return the result register, whole: cast an {@code int} result to {@code int}
     */
    static long call(MemorySegment function, MemorySegment errnoState, long a, long b, long c) {
        try {
            return (long) CALL.invokeExact(function, errnoState, a, b, c, 0L, 0L, 0L);
        } catch (Throwable t) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    /** {@code function(a)}: {@link #call(MemorySegment, MemorySegment, long, long, long)}. */
    static long call(MemorySegment function, MemorySegment errnoState, long a) {
        return call(function, errnoState, a, 0, 0);
    }

    /** {@code function(a, b)}: {@link #call(MemorySegment, MemorySegment, long, long, long)}. */
    static long call(MemorySegment function, MemorySegment errnoState, long a, long b) {
        return call(function, errnoState, a, b, 0);
    }

    /**
     * The address of native {@code segment} as a C pointer ({@code MemorySegment.NULL} is 0);
     * the caller keeps the segment allocated until the call returns.
     *
     * @throws IllegalArgumentException for a heap segment, whose address is no pointer
     */
    static long address(MemorySegment segment) {
        if (!segment.isNative()) {
            throw new IllegalArgumentException("not a native segment: " + segment);
        }
        return segment.address();
    }

    /** A segment to receive {@code errno} from a {@link #call}. */
    static MemorySegment errnoState(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /** The {@code errno} captured in {@code state}. */
    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }
}
