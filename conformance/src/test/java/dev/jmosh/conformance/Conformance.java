package dev.jmosh.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Preconditions of black-box tests against real mosh 1.4.0 (design.md practice 7): they skip
 * with a visible reason when a program is missing, but fail instead when
 * {@code -Djmosh.conformance.required=true} (CI sets it).
 */
public final class Conformance {
    private Conformance() {
    }

    /** Skips or fails unless every program is on PATH. */
    public static void require(String... programs) {
        for (String p : programs) {
            if (which(p) == null) {
                String reason = p + " is not installed (apt-get install -y mosh tmux)";
                if (Boolean.getBoolean("jmosh.conformance.required")) {
                    fail("conformance required but " + reason);
                }
                Assumptions.abort("skipped: " + reason);
            }
        }
    }

    /** Skips or fails (as {@link #require}) with {@code reason} unless {@code condition} holds. */
    public static void requireThat(boolean condition, String reason) {
        if (condition) {
            return;
        }
        if (Boolean.getBoolean("jmosh.conformance.required")) {
            fail("conformance required but " + reason);
        }
        Assumptions.abort("skipped: " + reason);
    }

    /** The full path of {@code program} on PATH, or null. */
    static Path which(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path p = Paths.get(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The checkout's root (where bin/ is). */
    public static Path root() {
        String r = System.getProperty("jmosh.root");
        Path p = r != null ? Paths.get(r) : Paths.get("").toAbsolutePath().getParent();
        if (!Files.isDirectory(p.resolve("bin"))) {
            p = Paths.get("").toAbsolutePath().getParent();
        }
        return p;
    }

    /** Whether a screen shows a shell prompt: a line ending in $ or # (capture-pane trims the space after it). */
    static boolean hasPrompt(String screen) {
        return screen.lines().anyMatch(l -> l.matches(".*[$#]\\s*"));
    }

    /** A short random token for commands typed in tests. */
    static String token() {
        return Long.toString(Math.abs(new java.util.Random().nextLong()) % 1_000_000_000L, 36);
    }
}
