package dev.jmosh.conformance.vt;

import java.nio.file.Path;

/**
 * The differential VT tests' view of {@code dev.jmosh.conformance.Conformance} (skip with a
 * visible reason when a program is missing, fail instead when
 * {@code -Djmosh.conformance.required=true}; the checkout's root), plus where their corpus lives.
 */
final class VtConformance {
    private VtConformance() {
    }

    /** Skips or fails unless every program is on PATH (see {@code Conformance.require}). */
    static void require(String... programs) {
        dev.jmosh.conformance.Conformance.require(programs);
    }

    /** The checkout's root (where bin/ is). */
    static Path root() {
        return dev.jmosh.conformance.Conformance.root();
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
