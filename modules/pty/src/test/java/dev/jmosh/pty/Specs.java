package dev.jmosh.pty;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: specs for small real programs with a minimal, known environment. */
final class Specs {
    /** The environment every test child gets unless a test says otherwise. */
    static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "TERM", "xterm", "LANG", "C.UTF-8");

    private Specs() {
    }

    /** {@code sh -c script} on an 80x24 pty in {@code /}. */
    static PtySpec sh(String script) {
        return command("/bin/sh", "sh", "-c", script);
    }

    /** {@code argv} (argv[0] is also the program, searched in PATH) on an 80x24 pty in {@code /}. */
    static PtySpec command(String executable, String... argv) {
        return new PtySpec(executable, List.of(argv), ENV, Path.of("/"), 80, 24);
    }

    /** {@link #ENV} plus {@code name=value}. */
    static Map<String, String> envWith(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(ENV);
        env.put(name, value);
        return env;
    }
}
