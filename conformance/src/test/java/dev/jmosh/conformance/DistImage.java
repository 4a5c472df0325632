package dev.jmosh.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The jlink image of {@code mvn -Pdist package} ({@code target/jmosh-VERSION/}) and a clean
 * environment to run it in, as on a machine without a JDK: {@code env -i} with {@code HOME},
 * {@code LANG=C.UTF-8}, {@code TERM}, and a {@code PATH} that holds only the commands the
 * launchers and the test sessions use, so there is no {@code java} on it even where the machine
 * has one in {@code /usr/bin}. The image's tests skip with a visible reason when it was not built,
 * but fail instead when {@code -Djmosh.dist.required=true} ({@code -Pdist} sets it).
 */
final class DistImage {
    /** What bin/ of the image runs (bash builtins aside) and what the test sessions type. */
    private static final List<String> TOOLS = List.of("bash", "sh", "env", "readlink", "dirname", "basename",
            "mktemp", "perl", "setsid", "cat", "rm", "sleep", "stty");

    final Path dir;

    private DistImage(Path dir) {
        this.dir = dir;
    }

    /**
     * The built image, or skips (fails, when required) with the reason: call it in each test, so
     * that every skipped test shows the reason.
     */
    static DistImage require() {
        DistImage image = find();
        if (image == null) {
            String property = System.getProperty("jmosh.dist.image");
            String reason = "no jmosh image " + (property != null ? "at " + property
                    : "in " + Conformance.root().resolve("target")) + " (build it with: mvn -Pdist -DskipTests package)";
            if (Boolean.getBoolean("jmosh.dist.required")) {
                fail("the image is required but there is " + reason);
            }
            Assumptions.abort("skipped: " + reason);
        }
        return image;
    }

    /** The built image ({@code -Djmosh.dist.image}, else the newest under target/), or null. */
    static DistImage find() {
        String property = System.getProperty("jmosh.dist.image");
        Path dir = property != null ? Paths.get(property) : newestImage();
        return dir != null && Files.isExecutable(dir.resolve("bin/java")) ? new DistImage(dir.toAbsolutePath().normalize())
                : null;
    }

    private static Path newestImage() {
        try (Stream<Path> s = Files.list(Conformance.root().resolve("target"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("jmosh-") && Files.isDirectory(p))
                    .max(Path::compareTo).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** A program in the image's bin/. */
    String bin(String name) {
        return dir.resolve("bin").resolve(name).toString();
    }

    /**
     * The clean environment, with {@code PATH} a new directory under {@code scratch} of links to
     * {@link #TOOLS} and {@code HOME} another.
     */
    static Map<String, String> cleanEnvironment(Path scratch) throws IOException {
        Path path = Files.createDirectories(scratch.resolve("path"));
        for (String tool : TOOLS) {
            Path real = Conformance.which(tool);
            if (real == null) {
                throw new IOException(tool + " is not installed");
            }
            Files.createSymbolicLink(path.resolve(tool), real.toRealPath());
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", path.toString());
        env.put("HOME", Files.createDirectories(scratch.resolve("home")).toString());
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "xterm-256color");
        // the run's server mode, and a rendezvous of the test's own: its per-user servers never
        // meet another test's, nor a server running in the real /tmp/jmosh-UID
        env.put("JMOSH_TMPDIR", Files.createDirectories(scratch.resolve("tmp")).toString());
        String mode = System.getenv("JMOSH_SERVER_MODE");
        if (mode != null && !mode.isEmpty()) {
            env.put("JMOSH_SERVER_MODE", mode);
        }
        return env;
    }

    /** A new scratch directory for {@link #cleanEnvironment} and test files; {@link #delete} removes it. */
    static Path scratch() throws IOException {
        return Files.createTempDirectory("jmosh-image-test");
    }

    /** Deletes {@code dir} and everything in it, links themselves and not what they point to. */
    static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** {@code env -i NAME=VALUE...} for a shell command line (tmux panes). */
    static String envPrefix(Map<String, String> env) {
        StringBuilder b = new StringBuilder("env -i");
        env.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    /** What a finished command printed and returned. */
    record Result(int status, String out, String err) {
    }

    /** Runs {@code command} with exactly {@code env}; fails after {@code seconds}. */
    static Result run(Map<String, String> env, long seconds, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jmosh-image", ".out");
        Path err = Files.createTempFile("jmosh-image", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end within " + seconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Every file and directory under the image with its size and modification time, to compare. */
    Map<String, String> listing() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                // a directory's time changes when a file is made in it, even if it is removed again
                files.put(dir.relativize(p).toString(), (Files.isDirectory(p) ? "directory" : Files.size(p) + " bytes")
                        + ", " + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    /** The processes now running the image's java. */
    List<ProcessHandle> javaProcesses() throws IOException {
        Path java = dir.resolve("bin/java").toRealPath();
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(h -> {
            try {
                if (Files.readSymbolicLink(Paths.get("/proc/" + h.pid() + "/exe")).equals(java)) {
                    found.add(h);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // gone, or not ours to read
            }
        });
        return found;
    }
}
