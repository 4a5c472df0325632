package dev.jmosh.pty.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code execvp}'s search, done in Java so that it uses the child's {@code PATH} and not the
 * JVM's (pty-ffm.md pitfall 11): a name containing a slash is taken as a path; otherwise each
 * {@code PATH} entry is tried in order (an empty entry is the current directory), and the first
 * regular, executable file wins. Without {@code PATH}, glibc's default {@code /bin:/usr/bin}.
 */
public final class PathSearch {
    /** glibc's search path when {@code PATH} is unset. */
    public static final String DEFAULT_PATH = "/bin:/usr/bin";

    private PathSearch() {
    }

    /**
     * Finds {@code program}.
     *
     * @param program a name ("sh") or a path ("/bin/sh", "./run")
     * @param pathVariable the value of {@code PATH}, or null
     * @param base the directory that relative paths and entries are resolved against
     * @return the absolute path of the executable, if one is found
     */
    public static Optional<Path> find(String program, String pathVariable, Path base) {
        if (program.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (program.indexOf('/') >= 0) {
                return executable(base.resolve(program));
            }
            String path = pathVariable == null ? DEFAULT_PATH : pathVariable;
            for (String entry : path.split(":", -1)) {
                Optional<Path> found = executable(base.resolve(entry.isEmpty() ? "." : entry).resolve(program));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> executable(Path candidate) {
        Path absolute = candidate.toAbsolutePath();
        return Files.isRegularFile(absolute) && Files.isExecutable(absolute) ? Optional.of(absolute) : Optional.empty();
    }
}
