package dev.jmosh.conformance.vt;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * The preconditions of the differential VT tests (design.md practice 7), as
 * {@code dev.jmosh.conformance.Conformance} has them for the protocol tests (which are
 * package-private there): skip with a visible reason when a program is missing, fail instead
 * when {@code -Djmosh.conformance.required=true}.
 */
final class VtConformance {
    private VtConformance() {
    }

    /** Skips or fails unless every program is on PATH. */
    static void require(String... programs) {
        for (String p : programs) {
            if (which(p) == null) {
                String reason = p + " is not installed (apt-get install -y tmux mosh)";
                if (Boolean.getBoolean("jmosh.conformance.required")) {
                    fail("conformance required but " + reason);
                }
                Assumptions.abort("skipped: " + reason);
            }
        }
    }

    static Path which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Paths.get(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The checkout's root (where bin/ is). */
    static Path root() {
        String r = System.getProperty("jmosh.root");
        Path p = r != null ? Paths.get(r) : Paths.get("").toAbsolutePath().getParent();
        if (!Files.isDirectory(p.resolve("bin"))) {
            p = Paths.get("").toAbsolutePath().getParent();
        }
        return p;
    }

    /** The conformance module's directory. */
    static Path module() {
        return root().resolve("conformance");
    }

    /** The recorded corpus and the allow-list: conformance/src/test/resources/vt-corpus. */
    static Path corpus() {
        return module().resolve("src/test/resources/vt-corpus");
    }
}
