package dev.jmosh.pty.internal;

import static dev.jmosh.pty.internal.ValueLayouts.ADDRESS;
import static dev.jmosh.pty.internal.ValueLayouts.INT;
import static dev.jmosh.pty.internal.ValueLayouts.SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Starts a child on a pty slave with glibc's {@code posix_spawn} (a {@code clone(CLONE_VM |
 * CLONE_VFORK)}, so the JVM is never forked):
 * <ul>
 * <li>{@code POSIX_SPAWN_SETSID}: the child leads a new session;</li>
 * <li>{@code addopen(0, slave, O_RDWR)} after {@code setsid}, without {@code O_NOCTTY}, so the
 *     slave becomes its controlling terminal (a slave opened by the parent and dup'd in would
 *     not be); {@code adddup2} onto 1 and 2;</li>
 * <li>{@code addclosefrom_np(3)}: none of the JVM's descriptors leak (glibc 2.34);</li>
 * <li>{@code POSIX_SPAWN_SETSIGDEF} for every signal and {@code POSIX_SPAWN_SETSIGMASK} with an
 *     empty set: the JVM's blocked and ignored signals are not inherited;</li>
 * <li>{@code addchdir_np} (glibc 2.29) for the working directory.</li>
 * </ul>
 * The executable is an absolute path: {@code posix_spawnp} would search the JVM's {@code PATH}.
 */
public final class Spawner {
    /** {@code POSIX_SPAWN_SETSIGDEF}. */
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    /** {@code POSIX_SPAWN_SETSIGMASK}. */
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** {@code POSIX_SPAWN_SETSID}. */
    private static final short POSIX_SPAWN_SETSID = 0x80;
    /** {@code sizeof(posix_spawnattr_t)}. */
    private static final int ATTR_BYTES = 336;
    /** {@code sizeof(posix_spawn_file_actions_t)}. */
    private static final int FILE_ACTIONS_BYTES = 80;
    /** {@code sizeof(sigset_t)}. */
    private static final int SIGSET_BYTES = 128;

    private static final FunctionDescriptor INT_ADDR = FunctionDescriptor.of(INT, ADDRESS);
    private static final MethodHandle ATTR_INIT = Native.downcall("posix_spawnattr_init", INT_ADDR);
    private static final MethodHandle ATTR_DESTROY = Native.downcall("posix_spawnattr_destroy", INT_ADDR);
    private static final MethodHandle ATTR_SETFLAGS = Native.downcall("posix_spawnattr_setflags",
            FunctionDescriptor.of(INT, ADDRESS, SHORT));
    private static final MethodHandle ATTR_SETSIGDEFAULT = Native.downcall("posix_spawnattr_setsigdefault",
            FunctionDescriptor.of(INT, ADDRESS, ADDRESS));
    private static final MethodHandle ATTR_SETSIGMASK = Native.downcall("posix_spawnattr_setsigmask",
            FunctionDescriptor.of(INT, ADDRESS, ADDRESS));
    private static final MethodHandle FA_INIT = Native.downcall("posix_spawn_file_actions_init", INT_ADDR);
    private static final MethodHandle FA_DESTROY = Native.downcall("posix_spawn_file_actions_destroy", INT_ADDR);
    private static final MethodHandle FA_ADDOPEN = Native.downcall("posix_spawn_file_actions_addopen",
            FunctionDescriptor.of(INT, ADDRESS, INT, ADDRESS, INT, INT));
    private static final MethodHandle FA_ADDDUP2 = Native.downcall("posix_spawn_file_actions_adddup2",
            FunctionDescriptor.of(INT, ADDRESS, INT, INT));
    private static final MethodHandle FA_ADDCLOSEFROM = Native.downcall("posix_spawn_file_actions_addclosefrom_np",
            FunctionDescriptor.of(INT, ADDRESS, INT));
    private static final MethodHandle FA_ADDCHDIR = Native.downcall("posix_spawn_file_actions_addchdir_np",
            FunctionDescriptor.of(INT, ADDRESS, ADDRESS));
    private static final MethodHandle POSIX_SPAWN = Native.downcall("posix_spawn",
            FunctionDescriptor.of(INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    private Spawner() {
    }

    /**
     * Spawns {@code executable} as a session leader whose standard descriptors are the slave.
     * Returns once the child has run its file actions and {@code execve} (or failed them).
     *
     * @param slavePath the pty slave, e.g. {@code /dev/pts/3}
     * @param executable an absolute path
     * @param argv the arguments, {@code argv[0]} included
     * @param environment {@code NAME=VALUE} strings, the child's whole environment
     * @param directory the working directory, absolute
     * @return the child's PID
     * @throws PosixException "posix_spawn EXECUTABLE: strerror" (exec and chdir failures included)
     */
    public static int spawn(String slavePath, String executable, List<String> argv,
                            List<String> environment, String directory) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_BYTES, 8);
            MemorySegment actions = arena.allocate(FILE_ACTIONS_BYTES, 8);
            check("posix_spawnattr_init", (int) ATTR_INIT.invokeExact(attr));
            try {
                check("posix_spawn_file_actions_init", (int) FA_INIT.invokeExact(actions));
                try {
                    configure(arena, attr, actions, slavePath, directory);
                    MemorySegment pid = arena.allocate(INT);
                    int err = (int) POSIX_SPAWN.invokeExact(pid, arena.allocateFrom(executable), actions, attr,
                            CStrings.array(arena, argv), CStrings.array(arena, environment));
                    if (err != 0) {
                        throw new PosixException("posix_spawn " + executable + " (in " + directory + ")", err);
                    }
                    return pid.get(INT, 0);
                } finally {
                    int _ = (int) FA_DESTROY.invokeExact(actions);
                }
            } finally {
                int _ = (int) ATTR_DESTROY.invokeExact(attr);
            }
        } catch (PosixException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.unchecked(t);
        }
    }

    private static void configure(Arena arena, MemorySegment attr, MemorySegment actions,
                                  String slavePath, String directory) throws Throwable {
        short flags = (short) (POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
        check("posix_spawnattr_setflags", (int) ATTR_SETFLAGS.invokeExact(attr, flags));
        // every signal back to SIG_DFL: sigfillset would skip glibc's internal 32 and 33
        MemorySegment all = arena.allocate(SIGSET_BYTES).fill((byte) 0xff);
        check("posix_spawnattr_setsigdefault", (int) ATTR_SETSIGDEFAULT.invokeExact(attr, all));
        // nothing blocked (JVM threads block SIGQUIT, among others)
        MemorySegment none = arena.allocate(SIGSET_BYTES);
        check("posix_spawnattr_setsigmask", (int) ATTR_SETSIGMASK.invokeExact(attr, none));

        check("posix_spawn_file_actions_addopen",
                (int) FA_ADDOPEN.invokeExact(actions, 0, arena.allocateFrom(slavePath), Libc.O_RDWR, 0));
        check("posix_spawn_file_actions_adddup2", (int) FA_ADDDUP2.invokeExact(actions, 0, 1));
        check("posix_spawn_file_actions_adddup2", (int) FA_ADDDUP2.invokeExact(actions, 0, 2));
        check("posix_spawn_file_actions_addclosefrom_np", (int) FA_ADDCLOSEFROM.invokeExact(actions, 3));
        check("posix_spawn_file_actions_addchdir_np",
                (int) FA_ADDCHDIR.invokeExact(actions, arena.allocateFrom(directory)));
    }

    /** The {@code posix_spawn*} functions return the error number instead of setting errno. */
    private static void check(String what, int err) throws PosixException {
        if (err != 0) {
            throw new PosixException(what, err);
        }
    }
}
