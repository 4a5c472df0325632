package dev.jmosh.pty.internal;

import static dev.jmosh.pty.internal.ValueLayouts.INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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

    // every one returns the error number (0 on success), errno is not used; glibc's prototypes:
    /** {@code (posix_spawnattr_t *)}. */
    private static final MemorySegment ATTR_INIT = Native.function("posix_spawnattr_init");
    /** {@code (posix_spawnattr_t *)}. */
    private static final MemorySegment ATTR_DESTROY = Native.function("posix_spawnattr_destroy");
    /** {@code (posix_spawnattr_t *, short flags)}. */
    private static final MemorySegment ATTR_SETFLAGS = Native.function("posix_spawnattr_setflags");
    /** {@code (posix_spawnattr_t *, const sigset_t *)}. */
    private static final MemorySegment ATTR_SETSIGDEFAULT = Native.function("posix_spawnattr_setsigdefault");
    /** {@code (posix_spawnattr_t *, const sigset_t *)}. */
    private static final MemorySegment ATTR_SETSIGMASK = Native.function("posix_spawnattr_setsigmask");
    /** {@code (posix_spawn_file_actions_t *)}. */
    private static final MemorySegment FA_INIT = Native.function("posix_spawn_file_actions_init");
    /** {@code (posix_spawn_file_actions_t *)}. */
    private static final MemorySegment FA_DESTROY = Native.function("posix_spawn_file_actions_destroy");
    /** {@code (posix_spawn_file_actions_t *, int fd, const char *path, int oflag, mode_t mode)}. */
    private static final MemorySegment FA_ADDOPEN = Native.function("posix_spawn_file_actions_addopen");
    /** {@code (posix_spawn_file_actions_t *, int fd, int newfd)}. */
    private static final MemorySegment FA_ADDDUP2 = Native.function("posix_spawn_file_actions_adddup2");
    /** {@code (posix_spawn_file_actions_t *, int from)}. */
    private static final MemorySegment FA_ADDCLOSEFROM = Native.function("posix_spawn_file_actions_addclosefrom_np");
    /** {@code (posix_spawn_file_actions_t *, const char *path)}. */
    private static final MemorySegment FA_ADDCHDIR = Native.function("posix_spawn_file_actions_addchdir_np");
    /** {@code (pid_t *pid, const char *path, actions *, attr *, char *const argv[], char *const envp[])}. */
    private static final MemorySegment POSIX_SPAWN = Native.function("posix_spawn");

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
            MemorySegment state = Native.errnoState(arena);
            MemorySegment attr = arena.allocate(ATTR_BYTES, 8);
            MemorySegment actions = arena.allocate(FILE_ACTIONS_BYTES, 8);
            check("posix_spawnattr_init", call(ATTR_INIT, state, attr));
            try {
                check("posix_spawn_file_actions_init", call(FA_INIT, state, actions));
                try {
                    configure(arena, state, attr, actions, slavePath, directory);
                    MemorySegment pid = arena.allocate(INT);
                    int err = (int) Native.call(POSIX_SPAWN, state, Native.address(pid),
                            Native.address(arena.allocateFrom(executable)), Native.address(actions),
                            Native.address(attr), Native.address(CStrings.array(arena, argv)),
                            Native.address(CStrings.array(arena, environment)));
                    if (err != 0) {
                        throw new PosixException("posix_spawn " + executable + " (in " + directory + ")", err);
                    }
                    return pid.get(INT, 0);
                } finally {
                    call(FA_DESTROY, state, actions);
                }
            } finally {
                call(ATTR_DESTROY, state, attr);
            }
        }
    }

    private static void configure(Arena arena, MemorySegment state, MemorySegment attr, MemorySegment actions,
                                  String slavePath, String directory) throws PosixException {
        short flags = (short) (POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
        // a short widened to long: its sign extension (see Native)
        check("posix_spawnattr_setflags", call(ATTR_SETFLAGS, state, attr, flags));
        // every signal back to SIG_DFL: sigfillset would skip glibc's internal 32 and 33
        MemorySegment all = arena.allocate(SIGSET_BYTES).fill((byte) 0xff);
        check("posix_spawnattr_setsigdefault", call(ATTR_SETSIGDEFAULT, state, attr, Native.address(all)));
        // nothing blocked (JVM threads block SIGQUIT, among others)
        MemorySegment none = arena.allocate(SIGSET_BYTES);
        check("posix_spawnattr_setsigmask", call(ATTR_SETSIGMASK, state, attr, Native.address(none)));

        check("posix_spawn_file_actions_addopen", call(FA_ADDOPEN, state, actions, 0,
                Native.address(arena.allocateFrom(slavePath)), Libc.O_RDWR, 0));
        check("posix_spawn_file_actions_adddup2", call(FA_ADDDUP2, state, actions, 0, 1));
        check("posix_spawn_file_actions_adddup2", call(FA_ADDDUP2, state, actions, 0, 2));
        check("posix_spawn_file_actions_addclosefrom_np", call(FA_ADDCLOSEFROM, state, actions, 3));
        check("posix_spawn_file_actions_addchdir_np",
                call(FA_ADDCHDIR, state, actions, Native.address(arena.allocateFrom(directory))));
    }

    /** {@code function(object)}: an {@code int} result. */
    private static int call(MemorySegment function, MemorySegment state, MemorySegment object) {
        return (int) Native.call(function, state, Native.address(object));
    }

    /** {@code function(object, a)}: an {@code int} result. */
    private static int call(MemorySegment function, MemorySegment state, MemorySegment object, long a) {
        return (int) Native.call(function, state, Native.address(object), a);
    }

    /** {@code function(object, a, b)}: an {@code int} result. */
    private static int call(MemorySegment function, MemorySegment state, MemorySegment object, long a, long b) {
        return (int) Native.call(function, state, Native.address(object), a, b);
    }

    /** {@code function(object, a, b, c, d)}: an {@code int} result. */
    private static int call(MemorySegment function, MemorySegment state, MemorySegment object,
                            long a, long b, long c, long d) {
        return (int) Native.call(function, state, Native.address(object), a, b, c, d, 0);
    }

    /** The {@code posix_spawn*} functions return the error number instead of setting errno. */
    private static void check(String what, int err) throws PosixException {
        if (err != 0) {
            throw new PosixException(what, err);
        }
    }
}
