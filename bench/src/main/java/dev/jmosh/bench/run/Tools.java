package dev.jmosh.bench.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The programs on this machine's PATH, and short commands whose output a report quotes. */
final class Tools {
    private final List<String> path;

    Tools(String pathVariable) {
        this.path = List.of(pathVariable == null ? new String[0] : pathVariable.split(File.pathSeparator));
    }

    /** Whether {@code program} is an executable file on PATH. */
    boolean has(String program) {
        return path.stream().filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program)).anyMatch(p -> Files.isRegularFile(p) && Files.isExecutable(p));
    }

    /** Whether this process runs as root (uid 0), as making network namespaces needs. */
    boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The stripped output (stdout and stderr) of a command that ends within 10 s with status 0. */
    Optional<String> output(String... command) {
        if (!has(command[0]) && !command[0].contains("/")) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
