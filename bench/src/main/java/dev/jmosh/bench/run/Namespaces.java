package dev.jmosh.bench.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The network namespaces a run's measurements make ({@code ip netns add}, named with the run's
 * prefix): a measurement removes its own, and this removes what one killed mid-way left.
 */
final class Namespaces {
    private static final Path DIR = Path.of("/run/netns");

    private Namespaces() {
    }

    /** Deletes every namespace named {@code prefix...}; how many it deleted. */
    static int remove(String prefix) {
        if (!Files.isDirectory(DIR)) {
            return 0;
        }
        int removed = 0;
        try (var names = Files.list(DIR)) {
            for (Path p : names.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && delete(name)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            System.err.println("bench/run: could not list " + DIR + ": " + e.getMessage());
        }
        return removed;
    }

    private static boolean delete(String name) {
        try {
            Process p = new ProcessBuilder(List.of("ip", "netns", "del", name)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            System.err.println("bench/run: ip netns del " + name + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
