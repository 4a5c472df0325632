package dev.jmosh.pty;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run on a new pseudo-terminal, and its size. The child gets exactly
 * {@link #environment()}, nothing of the JVM's; mosh-server's child gets {@code TERM},
 * {@code NCURSES_NO_UTF8_ACS=1}, {@code PWD}, the user's variables minus {@code STY}, and starts
 * in {@code $HOME} (building that is the server's job).
 *
 * @param executable the program: an absolute path, or a name searched in the {@code PATH} of
 *        {@code environment} (not the JVM's) when the child is started, or a relative path
 *        resolved against {@code workingDirectory}
 * @param argv the arguments, {@code argv[0]} included (e.g. {@code "-bash"} for a login shell);
 *        not empty; no string here or in the environment may contain NUL
 * @param environment the child's whole environment, in the order given; names are non-empty and
 *        contain no {@code '='}
 * @param workingDirectory the child's working directory (made absolute against the JVM's)
 * @param columns the window width, 1 to 65535
 * @param rows the window height, 1 to 65535
 */
public record PtySpec(String executable, List<String> argv, Map<String, String> environment,
                      Path workingDirectory, int columns, int rows) {
    /** Validates and copies the collections. */
    public PtySpec {
        Objects.requireNonNull(executable, "executable");
        if (executable.isEmpty()) {
            throw new IllegalArgumentException("empty executable");
        }
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv needs at least argv[0]");
        }
        noNul(executable);
        argv.forEach(PtySpec::noNul);
        Map<String, String> env = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("bad environment variable name: " + name);
            }
            env.put(noNul(name), noNul(Objects.requireNonNull(value, name)));
        });
        environment = Collections.unmodifiableMap(env);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        checkSize(columns, rows);
    }

    /** The same spec for another window size. */
    public PtySpec withSize(int columns, int rows) {
        return new PtySpec(executable, argv, environment, workingDirectory, columns, rows);
    }

    /** C strings end at NUL: such a string would reach the child cut short. */
    private static String noNul(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL in a C string: " + s.replace('\0', '@'));
        }
        return s;
    }

    static void checkSize(int columns, int rows) {
        if (columns < 1 || columns > 0xffff || rows < 1 || rows > 0xffff) {
            throw new IllegalArgumentException("window size out of range: " + columns + "x" + rows);
        }
    }
}
