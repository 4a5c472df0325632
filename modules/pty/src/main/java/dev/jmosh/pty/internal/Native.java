package dev.jmosh.pty.internal;

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
import java.lang.ref.Reference;

/**
 * The one place where jmosh-server calls into libc: a single downcall handle, of one canonical
 * shape, through which every libc function is called; plus the {@code errno} capture and
 * {@code strerror}.
 *
 * <h2>Why one shape</h2>
 * For each distinct {@link FunctionDescriptor} (with its options) the JDK generates and loads
 * classes, milliseconds each at start-up that its AOT cache cannot keep, and binding a handle to
 * each function costs a little more. So there is one handle, linked once without a target
 * ({@link Linker#downcallHandle(FunctionDescriptor, Linker.Option...)}), of type
 * <pre>
 * (MemorySegment function, MemorySegment errnoState, long, long, long, long, long, long) -> long
 * </pre>
 * linked with {@code captureCallState("errno")} and {@code firstVariadicArg(0)} (see below). A
 * function is its symbol ({@link #function}); a binding class calls it through {@link #call}
 * (the {@code invokeExact} on that type) from a small typed wrapper: an {@code int} or
 * {@code short} argument is widened to {@code long}, a pointer is {@link #address}, the unused
 * arguments are 0; an {@code int} result is the low half of the {@code long} ({@code (int)}); a
 * pointer result is {@code MemorySegment.ofAddress}, reinterpreted where it is read. Every call
 * captures {@code errno}; a function that does not set it ({@code posix_spawn*} and
 * {@code ptsname_r} return the error number) simply ignores what was captured.
 *
 * <h2>Why that is the same call (Linux x86-64 System V, Linux AArch64 AAPCS64)</h2>
 * <ul>
 * <li>Every parameter of every function called is of the INTEGER class ({@code int},
 *     {@code short}, {@code long}, {@code size_t}, {@code pid_t}, pointers: no floating point,
 *     no struct by value) and no function has more than six. Both ABIs give such arguments the
 *     next general register in order, by position alone ({@code rdi rsi rdx rcx r8 r9};
 *     {@code x0}..{@code x7}), so the i-th C parameter finds in its register what a call through
 *     its own prototype would have put there, and nothing goes on the stack. (The function and
 *     the capture segment are the JDK's own arguments, not C ones.)</li>
 * <li>A callee reads no argument register past its own parameters: the extra zeros are dead
 *     values in caller-saved registers, and there is no stack argument to pop.</li>
 * <li>A parameter narrower than 64 bits ({@code int}, {@code pid_t}, {@code mode_t},
 *     {@code short}) is read from the low bits of its register; neither ABI defines the bits
 *     above, so the callee ignores them (on x86-64 clang's code relies at most on a
 *     {@code short} being extended to 32 bits; on Linux AArch64 nothing is relied on). A Java
 *     {@code int} or {@code short} widened to {@code long} is its sign extension: the low bits are
 *     the value and every bit above is what any extension rule would put there. That covers the
 *     one {@code short} parameter, {@code posix_spawnattr_setflags}'s flags.</li>
 * <li>An {@code int} result is in {@code eax}/{@code w0}, and the upper half of
 *     {@code rax}/{@code x0} is undefined: glibc 2.36's {@code open}, {@code close}, {@code fcntl},
 *     {@code ioctl}, {@code tcgetattr} and {@code waitpid} return -1 as
 *     {@code 0x00000000ffffffff}, while {@code dup2} and {@code kill} fill all 64 bits. Hence an
 *     {@code int} result is truncated before it is tested. {@code ssize_t}, {@code size_t} and
 *     pointer results fill the register and are used whole.</li>
 * <li>Variadic functions ({@code open}, {@code fcntl}, {@code ioctl}): on x86-64 the caller of a
 *     variadic function must set {@code al} to an upper bound (0 to 8) of the vector registers
 *     it uses. The JDK's SysV {@code CallArranger} binds {@code rax} (to the number of vector
 *     arguments) only for a handle linked with {@code firstVariadicArg}; for any other downcall
 *     {@code rax} holds whatever the stub left there. So the handle is linked as variadic from
 *     argument 0: {@code rax} is then 0, exact for a variadic callee and ignored by the others
 *     ({@code rax} is no parameter register), and a variadic INTEGER argument takes the same
 *     register as a named one. (glibc 2.36's three happen not to read {@code al}: their
 *     prologue overwrites {@code rax}; the flag makes that irrelevant, for about 10 ms of
 *     class generation once.) On Linux AArch64 variadic arguments are passed as named ones (the
 *     JDK's {@code LinuxAArch64CallArranger.varArgsOnStack()} is false; it is macOS that puts
 *     them on the stack) and there is no {@code al}: the flag changes nothing. The callee reads
 *     a variadic {@code int} ({@code open}'s mode, {@code fcntl}'s flags) as the low 32 bits of
 *     its slot and a pointer ({@code ioctl}'s) whole.</li>
 * </ul>
 * Nothing here holds for other ABIs (Windows x64 counts arguments differently, macOS AArch64
 * puts variadic arguments on the stack); jmosh's pty is Linux-only.
 *
 * <h2>Memory</h2>
 * An address is a {@code long} that keeps nothing alive: the segment must stay allocated until
 * the call has returned. Wrappers pass segments of a confined arena that they close after the
 * call or, for a segment of an automatic arena, {@link Reference#reachabilityFence} it after the
 * call. {@link #address} refuses heap segments, whose address is no pointer.
 *
 * <h2>errno</h2>
 * Failures reported through {@code errno} are read back from the capture segment with
 * {@link #errno}. Reading the thread-local {@code errno} after the call instead would be wrong:
 * the JVM may run native code of its own in between.
 */
public final class Native {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** The handle of the canonical shape (class comment). */
    private static final MethodHandle CALL = link();

    /** GNU {@code char *strerror_r(int errnum, char *buf, size_t buflen)}. */
    private static final MemorySegment STRERROR_R = function("strerror_r");
    private static final int STRERROR_BYTES = 256;

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
     * @throws IllegalStateException if this C library lacks the function (glibc older than
     *         the version documented on the binding)
     */
    public static MemorySegment function(String name) {
        return LIBC.find(name)
                .orElseThrow(() -> new IllegalStateException("the C library has no " + name
                        + " (jmosh needs glibc 2.36 or later on Linux)"));
    }

    /** The libc function {@code name}, if this C library has it. */
    public static java.util.Optional<MemorySegment> optionalFunction(String name) {
        return LIBC.find(name);
    }

    /**
     * Calls {@code function(a, b, c, d, e, f)}, its {@code errno} landing in {@code errnoState};
     * a function of fewer parameters ignores the rest (class comment).
     *
     * @return the result register, whole: cast an {@code int} result to {@code int}
     */
    public static long call(MemorySegment function, MemorySegment errnoState,
                            long a, long b, long c, long d, long e, long f) {
        try {
            return (long) CALL.invokeExact(function, errnoState, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code function(a)}: the six-argument {@code call} with the rest 0. */
    public static long call(MemorySegment function, MemorySegment errnoState, long a) {
        return call(function, errnoState, a, 0, 0, 0, 0, 0);
    }

    /** {@code function(a, b)}: the six-argument {@code call} with the rest 0. */
    public static long call(MemorySegment function, MemorySegment errnoState, long a, long b) {
        return call(function, errnoState, a, b, 0, 0, 0, 0);
    }

    /** {@code function(a, b, c, d)}: the six-argument {@code call} with the rest 0. */
    public static long call(MemorySegment function, MemorySegment errnoState, long a, long b, long c, long d) {
        return call(function, errnoState, a, b, c, d, 0, 0);
    }

    /** {@code function(a, b, c)}: the six-argument {@code call} with the rest 0. */
    public static long call(MemorySegment function, MemorySegment errnoState, long a, long b, long c) {
        return call(function, errnoState, a, b, c, 0, 0, 0);
    }

    /**
     * The address of native {@code segment} as a C pointer argument ({@code MemorySegment.NULL}
     * is 0). The caller keeps the segment allocated until the call returns (class comment).
     *
     * @throws IllegalArgumentException for a heap segment
     */
    public static long address(MemorySegment segment) {
        if (!segment.isNative()) {
            throw new IllegalArgumentException("not a native segment: " + segment);
        }
        return segment.address();
    }

    /** A segment to receive {@code errno} from a {@link #call}. */
    public static MemorySegment errnoState(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /** The {@code errno} captured in {@code state}. */
    public static int errno(MemorySegment state) {
        return (int) ERRNO_HANDLE.get(state, 0L);
    }

    /** The C library's text for an error number, e.g. "No such file or directory". */
    @SuppressWarnings("restricted")
    public static String strerror(int errno) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(STRERROR_BYTES);
            // the GNU strerror_r returns a pointer to the message (in buf or a static string)
            long msg = call(STRERROR_R, errnoState(arena), errno, address(buf), STRERROR_BYTES);
            return MemorySegment.ofAddress(msg).reinterpret(1024).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    /** Wraps an unexpected throwable of {@code MethodHandle.invokeExact} (never a checked one). */
    public static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
