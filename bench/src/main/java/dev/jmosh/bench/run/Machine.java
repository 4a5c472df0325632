package dev.jmosh.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a report says about the machine it was measured on: the figures mean little without it. */
final class Machine {
    private Machine() {
    }

    /** Lines of "what: value" for the report. */
    static List<String> describe(Path root, Tools tools) {
        List<String> d = new ArrayList<>();
        d.add("CPU: " + firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown") + ", "
                + Runtime.getRuntime().availableProcessors() + " available to the JVM");
        d.add("memory: " + firstValue(Path.of("/proc/meminfo"), "MemTotal").orElse("unknown"));
        d.add("kernel: " + tools.output("uname", "-srm").orElse("unknown"));
        d.add("system: " + firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(v -> v.replace("\"", ""))
                .orElse("unknown"));
        d.add("load average at start: " + read(Path.of("/proc/loadavg")).map(String::strip).orElse("unknown"));
        d.add("Java (this harness): " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        d.add("mosh-server: " + tools.output("mosh-server", "--version").map(v -> v.lines().findFirst().orElse(""))
                .orElse("not installed"));
        d.add("OpenSSH: " + tools.output("ssh", "-V").orElse("not installed"));
        d.add("tmux: " + tools.output("tmux", "-V").orElse("not installed"));
        d.add("commit: " + tools.output("git", "-C", root.toString(), "rev-parse", "HEAD").orElse("unknown")
                + (tools.output("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no")
                        .filter(s -> !s.isBlank()).isPresent() ? " (with uncommitted changes)" : ""));
        return d;
    }

    private static Optional<String> firstValue(Path file, String key) {
        return read(file).flatMap(text -> text.lines()
                .filter(l -> l.startsWith(key))
                .map(l -> l.substring(l.indexOf(l.contains(":") ? ':' : '=') + 1).strip())
                .findFirst());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
