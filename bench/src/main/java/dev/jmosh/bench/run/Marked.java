package dev.jmosh.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The processes one run started, found by a variable in their environment: every command the
 * harness runs gets {@code JMOSH_BENCH_RUN=<id>}, and whatever those start inherits it, also
 * what detaches from its parent (a tmux server, a mosh-server), which a process tree would lose.
 * They are ended by their PID, never by name.
 */
final class Marked {
    /** The variable that marks a run's processes. */
    static final String VARIABLE = "JMOSH_BENCH_RUN";

    private Marked() {
    }

    /** The live processes whose environment holds {@code VARIABLE=id}, this one excluded. */
    static List<ProcessHandle> find(String id) {
        byte[] marker = (VARIABLE + "=" + id).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid != self && holds(p.resolve("environ"), marker)) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            // no /proc: nothing can be found this way
        }
        return found;
    }

    /** Ends them: SIGTERM, then SIGKILL to those still alive after 5 s; how many there were. */
    static int end(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : processes) {
            h.onExit().completeOnTimeout(h, 5, TimeUnit.SECONDS).join();
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        return processes.size();
    }

    private static boolean holds(Path environ, byte[] marker) {
        byte[] env;
        try {
            env = Files.readAllBytes(environ);
        } catch (IOException e) {
            return false; // gone, or not ours to read
        }
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                if (i - start == marker.length && java.util.Arrays.equals(env, start, i, marker, 0, marker.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
