package dev.jmosh.pty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.pty.internal.Libc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helpers of {@link Posix}. */
class PosixTest {
    @Test
    void whichSearchesTheGivenPath() {
        assertThat(Posix.which("sh", "/nonexistent:/usr/bin")).contains(Path.of("/usr/bin/sh"));
        assertThat(Posix.which("sh", "/nonexistent")).isEmpty();
        assertThat(Posix.which("no-such-program-jmosh", "/usr/bin:/bin")).isEmpty();
    }

    @Test
    void whichTakesANameWithASlashAsAPath() {
        assertThat(Posix.which("/bin/sh", "/nonexistent")).contains(Path.of("/bin/sh"));
        assertThat(Posix.which("/etc/passwd", "/usr/bin")).as("not executable").isEmpty();
    }

    @Test
    void whichWithoutPathUsesGlibcsDefault() {
        assertThat(Posix.which("sh", null)).contains(Path.of("/bin/sh"));
    }

    @Test
    void whichSkipsDirectoriesAndNonExecutables(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("a"));
        Files.createDirectory(dir.resolve("a").resolve("tool"));
        Files.createDirectory(dir.resolve("b"));
        Files.writeString(dir.resolve("b").resolve("tool"), "");
        Files.createDirectory(dir.resolve("c"));
        Path tool = Files.writeString(dir.resolve("c").resolve("tool"), "#!/bin/sh\n");
        tool.toFile().setExecutable(true);
        String path = dir.resolve("a") + ":" + dir.resolve("b") + ":" + dir.resolve("c");
        assertThat(Posix.which("tool", path)).contains(tool);
    }

    @Test
    void notATerminal() throws Exception {
        int fd = Libc.open("/dev/null", Libc.O_RDWR);
        try {
            assertThat(Posix.isatty(fd)).isFalse();
            assertThat(Posix.windowSize(fd)).isEmpty();
        } finally {
            Libc.close(fd);
        }
    }

    @Test
    void redirectToDevNullReplacesTheDescriptor(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "");
        int fd = Libc.open(file.toString(), Libc.O_RDWR);
        try {
            Path link = Path.of("/proc/self/fd/" + fd);
            assertThat(Files.readSymbolicLink(link)).isEqualTo(file);
            Posix.redirectToDevNull(fd);
            assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/dev/null"));
        } finally {
            Libc.close(fd);
        }
    }
}
