package dev.jmosh.pty.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The plumbing shared by the libc bindings: the native linker, glibc's symbols, the
 * {@code errno} capture and {@code strerror}.
 *
 * <p>Functions that report failure through {@code errno} are bound with {@link #ERRNO} and take
 * a capture segment ({@link #errnoState}) as their first argument; read it back with
 * {@link #errno}. Reading the thread-local {@code errno} after the call instead would be wrong:
 * the JVM may run native code of its own in between.
 */
public final class Native {
    /** The linker for this platform (Linux x86_64, System V ABI). */
    public static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** Captures {@code errno} into the segment passed as the first argument. */
    public static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle STRERROR_R = downcall("strerror_r",
            FunctionDescriptor.of(ValueLayouts.ADDRESS, ValueLayouts.INT, ValueLayouts.ADDRESS, ValueLayouts.LONG));

    private Native() {
    }

    /**
     * A downcall handle for a libc function.
     *
     * @throws IllegalStateException if this C library lacks the function (glibc older than
     *         the version documented on the binding)
     */
    @SuppressWarnings("restricted")
    public static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LIBC.find(name)
                .orElseThrow(() -> new IllegalStateException("the C library has no " + name
                        + " (jmosh needs glibc 2.36 or later on Linux)"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /** A segment to receive {@code errno} from a call bound with {@link #ERRNO}. */
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
            MemorySegment buf = arena.allocate(256);
            // the GNU strerror_r returns a pointer to the message (in buf or a static string)
            MemorySegment msg = (MemorySegment) STRERROR_R.invokeExact(errno, buf, 256L);
            return msg.reinterpret(1024).getString(0);
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
