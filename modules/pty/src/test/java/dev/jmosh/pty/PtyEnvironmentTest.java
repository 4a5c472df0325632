package dev.jmosh.pty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The child's environment, working directory and program search (pty-ffm.md pitfall 11). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PtyEnvironmentTest {
    @Test
    void childSeesExactlyTheGivenVariables() throws Exception {
        PtySpec spec = new PtySpec("/usr/bin/env", List.of("env"), Map.of("FOO", "bar", "EMPTY", ""),
                Path.of("/"), 80, 24);
        try (Pty pty = Pty.spawn(spec)) {
            assertThat(Transcript.of(pty).awaitEof().split("\r\n")).containsExactlyInAnyOrder("FOO=bar", "EMPTY=");
        }
    }

    @Test
    void variablesKeepTheirOrder() throws Exception {
        java.util.LinkedHashMap<String, String> env = new java.util.LinkedHashMap<>();
        env.put("Z", "1");
        env.put("A", "2");
        env.put("M", "3 with spaces and \u00e9");
        PtySpec spec = new PtySpec("/usr/bin/env", List.of("env"), env, Path.of("/"), 80, 24);
        try (Pty pty = Pty.spawn(spec)) {
            assertThat(Transcript.of(pty).awaitEof()).isEqualTo("Z=1\r\nA=2\r\nM=3 with spaces and \u00e9\r\n");
        }
    }

    @Test
    void workingDirectoryIsHonoured(@TempDir Path dir) throws Exception {
        PtySpec spec = new PtySpec("pwd", List.of("pwd", "-P"), Specs.ENV, dir, 80, 24);
        try (Pty pty = Pty.spawn(spec)) {
            assertThat(Transcript.of(pty).awaitEof()).isEqualTo(dir.toRealPath() + "\r\n");
        }
    }

    @Test
    void programIsSearchedInTheChildsPath(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("jmosh-hello");
        java.nio.file.Files.writeString(script, "#!/bin/sh\necho hello from $0\n");
        script.toFile().setExecutable(true);
        PtySpec spec = new PtySpec("jmosh-hello", List.of("jmosh-hello"),
                Map.of("PATH", "/nonexistent:" + dir), Path.of("/"), 80, 24);
        try (Pty pty = Pty.spawn(spec)) {
            assertThat(Transcript.of(pty).awaitEof()).isEqualTo("hello from " + script + "\r\n");
        }
    }

    @Test
    void argvZeroIsPassedAsGiven() throws Exception {
        PtySpec spec = new PtySpec("/bin/sh", List.of("-sh", "-c", "echo $0"), Specs.ENV, Path.of("/"), 80, 24);
        try (Pty pty = Pty.spawn(spec)) {
            assertThat(Transcript.of(pty).awaitEof()).isEqualTo("-sh\r\n");
        }
    }
}
