package dev.jmosh.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** What {@code /proc} says of a process: its memory and its CPU time (Linux). */
final class ProcStats {
    /** {@code sysconf(_SC_CLK_TCK)} on Linux: {@code /proc/PID/stat} counts CPU time in 1/100 s. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** {Rss, Pss} in kB from {@code /proc/PID/smaps_rollup}. */
    static long[] memory(long pid) throws IOException {
        long rss = -1;
        long pss = -1;
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
            String[] w = l.trim().split("\\s+");
            if (w[0].equals("Rss:")) {
                rss = Long.parseLong(w[1]);
            } else if (w[0].equals("Pss:")) {
                pss = Long.parseLong(w[1]);
            }
        }
        return new long[] {rss, pss};
    }

    /** User plus system CPU seconds the process has used so far (fields 14 and 15 of {@code stat}). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after[0] is field 3 (state): utime is field 14, stime field 15
        return (Long.parseLong(after[11]) + Long.parseLong(after[12])) / TICKS_PER_SECOND;
    }

    /** The same summed over {@code pids}; a process that has gone counts nothing. */
    static double cpuSeconds(Collection<Long> pids) {
        double sum = 0;
        for (long pid : pids) {
            try {
                sum += cpuSeconds(pid);
            } catch (IOException gone) {
                // ended between listing and reading
            }
        }
        return sum;
    }
}
